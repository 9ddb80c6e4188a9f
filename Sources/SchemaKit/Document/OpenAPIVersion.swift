/// The OpenAPI version a document is written in.
public enum OpenAPIVersion: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnum {
    /// OpenAPI 3.0.3: what client generators handle best, the default.
    case v3_0_3 = "3.0.3"
    /// OpenAPI 3.1.0: JSON Schema 2020-12, `type: [..., 'null']` for nullable values.
    case v3_1_0 = "3.1.0"
}
