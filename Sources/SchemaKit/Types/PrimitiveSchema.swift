import Foundation
import OpenAPIKit30

/// The leaf types SchemaKit knows without probing them: the schema each one stands for, and the
/// value handed back to an `init(from:)` that asks for one while being probed.
struct PrimitiveSchema: Sendable {
    let node: SchemaNode
    let placeholder: any Sendable

    /// The entry for `type`, or `nil` when `type` is not a leaf type.
    static func entry(for type: Any.Type) -> PrimitiveSchema? {
        table[ObjectIdentifier(type)]
    }

    private init(_ kind: SchemaNode.Kind, format: String? = nil, placeholder: any Sendable) {
        node = SchemaNode(kind, format: format)
        self.placeholder = placeholder
    }

    private static let table: [ObjectIdentifier: PrimitiveSchema] = [
        ObjectIdentifier(String.self): .init(.string, placeholder: ""),
        ObjectIdentifier(Bool.self): .init(.boolean, placeholder: false),
        ObjectIdentifier(Int.self): .init(.integer, format: "int64", placeholder: 0 as Int),
        ObjectIdentifier(Int64.self): .init(.integer, format: "int64", placeholder: 0 as Int64),
        ObjectIdentifier(Int32.self): .init(.integer, format: "int32", placeholder: 0 as Int32),
        ObjectIdentifier(Int16.self): .init(.integer, format: "int32", placeholder: 0 as Int16),
        ObjectIdentifier(Int8.self): .init(.integer, format: "int32", placeholder: 0 as Int8),
        ObjectIdentifier(UInt.self): .init(.integer, format: "int64", placeholder: 0 as UInt),
        ObjectIdentifier(UInt64.self): .init(.integer, format: "int64", placeholder: 0 as UInt64),
        ObjectIdentifier(UInt32.self): .init(.integer, format: "int64", placeholder: 0 as UInt32),
        ObjectIdentifier(UInt16.self): .init(.integer, format: "int32", placeholder: 0 as UInt16),
        ObjectIdentifier(UInt8.self): .init(.integer, format: "int32", placeholder: 0 as UInt8),
        ObjectIdentifier(Double.self): .init(.number, format: "double", placeholder: 0 as Double),
        ObjectIdentifier(Float.self): .init(.number, format: "float", placeholder: 0 as Float),
        ObjectIdentifier(Decimal.self): .init(.number, placeholder: Decimal(0)),
        ObjectIdentifier(Date.self): .init(.string, format: "date-time", placeholder: Date(timeIntervalSince1970: 0)),
        ObjectIdentifier(UUID.self): .init(.string, format: "uuid", placeholder: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))),
        ObjectIdentifier(URL.self): .init(.string, format: "uri", placeholder: URL(string: "https://example.com/")!),
        ObjectIdentifier(Data.self): .init(.string, format: "byte", placeholder: Data()),
        ObjectIdentifier(AnyCodable.self): .init(.any, placeholder: AnyCodable(nilLiteral: ())),
    ]
}
