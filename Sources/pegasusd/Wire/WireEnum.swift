import SchemaKit

/// A string enum on the wire: listed in the schema, and decoded with an error that names the
/// allowed values (`must be one of: free, pro, ultra`), so a client can correct itself. Stored
/// in the database as the same text.
protocol WireEnum: Codable, Sendable, SchemaEnum, SQLArgument {}

extension WireEnum {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be one of: \(allowed)")
        }
        self = value
    }
}
