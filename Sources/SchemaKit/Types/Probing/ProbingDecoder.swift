/// A `Decoder` with no data behind it: it hands a type's `init(from:)` whatever it asks for and
/// records what that was, which is the shape of the type's JSON.
///
/// Keys and values come from the type itself, so custom `CodingKeys` and hand-written
/// `init(from:)` are read as the type really decodes. Every key is present and never `null`;
/// `decodeIfPresent` answers `nil` (and records the key as optional); an unkeyed container holds
/// one element (to learn its type); values are placeholders from ``SchemaRegistry``.
///
/// With no ``record`` the decoder only builds a placeholder value: containers are empty and
/// nothing is recorded.
struct ProbingDecoder: Decoder {
    let registry: SchemaRegistry
    /// Where what is asked for is recorded; `nil` while building a placeholder value.
    let record: ProbeRecord?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        record?.beginKeyed()
        return KeyedDecodingContainer(ProbingKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        record?.beginUnkeyed()
        return ProbingUnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ProbingSingleValueContainer(decoder: self)
    }

    /// A value of `type` for the caller; first, when recording, `type`'s schema goes to `note`.
    func value<T: Decodable>(_ type: T.Type, at key: (any CodingKey)?, note: (ProbeRecord, SchemaNode) -> Void) throws -> T {
        if let record { note(record, try registry.node(for: type)) }
        return try registry.placeholder(for: type, codingPath: codingPath + (key.map { [$0] } ?? []))
    }

    /// The decoder of a nested container at `key`; when recording, its record goes to `attach`.
    func nested(at key: any CodingKey, attach: (ProbeRecord, ProbeRecord) -> Void) -> ProbingDecoder {
        let child = record.map { parent in
            let child = ProbeRecord()
            attach(parent, child)
            return child
        }
        return ProbingDecoder(registry: registry, record: child, codingPath: codingPath + [key])
    }

    /// The property name of `key` in the schema.
    func propertyName(_ key: any CodingKey) -> String {
        registry.propertyNaming.name(of: key.stringValue)
    }
}

/// A coding key for array positions and `super`.
struct ProbeKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    static let `super` = ProbeKey(stringValue: "super")
}
