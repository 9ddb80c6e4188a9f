/// What one `init(from:)` asked its decoder for while being probed: the shape of its JSON.
///
/// Nested containers get records of their own, resolved into inline schemas by ``node``.
final class ProbeRecord {
    /// A schema already known, or a nested container still being recorded.
    enum Value {
        case schema(SchemaNode)
        case nested(ProbeRecord)
    }

    struct Property {
        let name: String
        let value: Value
        let required: Bool
    }

    private enum Shape {
        case nothing
        case keyed([Property])
        case unkeyed(items: Value?)
        case single(SchemaNode)
    }

    private var shape = Shape.nothing

    /// A keyed container was asked for. Several keyed containers (one per `CodingKeys` type)
    /// add up to one object.
    func beginKeyed() {
        if case .nothing = shape { shape = .keyed([]) }
    }

    /// An unkeyed container was asked for.
    func beginUnkeyed() {
        if case .nothing = shape { shape = .unkeyed(items: nil) }
    }

    /// A keyed container asked for `name`; a key asked for twice keeps its first schema.
    func add(_ name: String, _ value: Value, required: Bool) {
        guard case .keyed(var properties) = shape, !properties.contains(where: { $0.name == name }) else { return }
        properties.append(Property(name: name, value: value, required: required))
        shape = .keyed(properties)
    }

    /// An unkeyed container asked for an element; the first one gives the item schema.
    func setItems(_ value: Value) {
        if case .unkeyed(nil) = shape { shape = .unkeyed(items: value) }
    }

    /// A single value container asked for a value.
    func setSingle(_ node: SchemaNode) {
        if case .nothing = shape { shape = .single(node) }
    }

    /// The schema of what was recorded: an object, an array, the single value's schema, or an
    /// empty object when nothing was asked for.
    var node: SchemaNode {
        switch shape {
        case .nothing:
            .object([])
        case .keyed(let properties):
            .object(properties.map { SchemaNode.Property(name: $0.name, schema: Self.node(of: $0.value), required: $0.required) })
        case .unkeyed(let items):
            SchemaNode(.array(items: items.map(Self.node(of:)) ?? SchemaNode(.any)))
        case .single(let node):
            node
        }
    }

    /// Whether the recorded type is a JSON object, which becomes a component of its own.
    var isObject: Bool {
        switch shape {
        case .nothing, .keyed: true
        case .unkeyed, .single: false
        }
    }

    private static func node(of value: Value) -> SchemaNode {
        switch value {
        case .schema(let node): node
        case .nested(let record): record.node
        }
    }
}
