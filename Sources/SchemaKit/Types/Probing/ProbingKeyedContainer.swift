/// The keyed container of ``ProbingDecoder``: every key the type asks for becomes a property,
/// required for `decode`, optional and nullable for `decodeIfPresent`.
struct ProbingKeyedContainer<Key: CodingKey>: GenericKeyedDecoding {
    let decoder: ProbingDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    /// No keys to enumerate: a type that lists its keys (a dictionary) learns nothing from them.
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.value(type, at: key) { record, node in
            record.add(decoder.propertyName(key), .schema(node), required: true)
        }
    }

    func decodeValueIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        if let record = decoder.record {
            var node = try decoder.registry.node(for: type)
            node.nullable = true
            record.add(decoder.propertyName(key), .schema(node), required: false)
        }
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try nestedDecoder(at: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try nestedDecoder(at: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        nestedDecoder(at: ProbeKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        nestedDecoder(at: key)
    }

    private func nestedDecoder(at key: any CodingKey) -> ProbingDecoder {
        decoder.nested(at: key) { parent, child in
            parent.add(decoder.propertyName(key), .nested(child), required: true)
        }
    }
}
