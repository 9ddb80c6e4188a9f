import OpenAPIKit30

/// A JSON Schema as SchemaKit derives it from a Swift type, before it is written for one OpenAPI
/// version (see `SchemaNode+OpenAPIKit30.swift`).
///
/// Whether a property is required belongs to the property, not to its schema, as in JSON Schema.
struct SchemaNode: Equatable, Sendable {
    indirect enum Kind: Equatable, Sendable {
        /// Any JSON value: `{}`.
        case any
        case boolean
        case integer
        case number
        case string
        case array(items: SchemaNode)
        /// Named properties in the order `init(from:)` asked for them, and the schema of any other
        /// key (`[String: V]`).
        case object(properties: [Property], additionalProperties: SchemaNode?)
        /// `#/components/schemas/<name>`.
        case reference(String)
    }

    struct Property: Equatable, Sendable {
        var name: String
        var schema: SchemaNode
        var required: Bool
    }

    var kind: Kind
    var format: String?
    var nullable = false
    var description: String?
    var example: AnyCodable?
    /// The `enum` keyword: every value the schema allows.
    var allowedValues: [AnyCodable]?
    /// Strings: `minLength`, `maxLength` (code points) and `pattern` (ECMA-262).
    var minLength: Int?
    var maxLength: Int?
    var pattern: String?
    /// Integers: inclusive `minimum` and `maximum`.
    var minimum: Int?
    var maximum: Int?

    init(_ kind: Kind, format: String? = nil) {
        self.kind = kind
        self.format = format
    }

    /// An object with these properties and no others declared.
    static func object(_ properties: [Property]) -> SchemaNode {
        SchemaNode(.object(properties: properties, additionalProperties: nil))
    }

    /// The properties of an object schema (empty for any other schema).
    var properties: [Property] {
        if case .object(let properties, _) = kind { properties } else { [] }
    }
}
