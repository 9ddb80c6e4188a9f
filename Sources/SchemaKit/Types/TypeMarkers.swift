/// Marker protocols that let SchemaKit see through the standard library's generic containers,
/// whose element types a probe cannot learn by decoding (an optional decodes as `nil`, a
/// dictionary has no keys to ask for).

/// `Optional<Wrapped>`: the schema is `Wrapped`'s, nullable.
protocol OptionalMarker {
    static var wrappedType: any Decodable.Type { get }
    /// `nil` of this optional type, handed back while probing.
    static var absent: Self { get }
}

extension Optional: OptionalMarker where Wrapped: Decodable {
    static var wrappedType: any Decodable.Type { Wrapped.self }
    static var absent: Self { nil }
}

/// `[Key: Value]`: an object whose `additionalProperties` are `Value` (for `String` keys).
protocol DictionaryMarker {
    static var keyType: Any.Type { get }
    static var valueType: any Decodable.Type { get }
}

extension Dictionary: DictionaryMarker where Key: Decodable, Value: Decodable {
    static var keyType: Any.Type { Key.self }
    static var valueType: any Decodable.Type { Value.self }
}

/// The collections that encode as a JSON array: a `GET` answering one is a `list` operation.
protocol ListMarker {}

extension Array: ListMarker {}
extension ContiguousArray: ListMarker {}
extension Set: ListMarker {}
