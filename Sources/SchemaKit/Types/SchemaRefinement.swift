public import FieldRules
import OpenAPIKit30

/// What a ``SchemaRefining`` type adds to its derived schema, or to one of its properties.
///
/// Unset fields leave the derived schema as it is.
public struct SchemaRefinement: Sendable {
    /// The schema's `description`.
    public var description: String?
    /// The schema's `example`: a JSON value, e.g. `"Ada"`, `42`, or `AnyCodable(["a": 1])`.
    public var example: AnyCodable?
    /// The schema's `format`, e.g. `email`, `password`, `date` (replaces the derived one).
    public var format: String?
    /// A string's `minLength`, `maxLength` and `pattern`, from the rule the server checks.
    public var textRule: TextRule?
    /// An integer's `minimum` and `maximum` (or `enum`), from the rule the server checks.
    public var integerRule: IntegerRule?
    /// A string's `enum`: the only values the server accepts (a catalog's ids, say).
    public var allowedValues: [String]?
    /// Refinements of named properties (inline nested objects can be refined the same way).
    public var properties: [String: SchemaRefinement] = [:]

    /// A refinement setting the given fields.
    public init(description: String? = nil, example: AnyCodable? = nil, format: String? = nil) {
        self.description = description
        self.example = example
        self.format = format
    }

    /// Sets ``example`` from plain values — strings, numbers, booleans, and arrays and
    /// dictionaries of them — without naming OpenAPIKit's `AnyCodable`.
    public mutating func setExample(_ value: some Sendable) {
        example = AnyCodable(value)
    }

    /// The refinement of the property `name`, created empty on first use.
    public subscript(property name: String) -> SchemaRefinement {
        get { properties[name] ?? SchemaRefinement() }
        set { properties[name] = newValue }
    }

    /// Applies this refinement to `node`, the schema derived for `type`.
    func apply(to node: inout SchemaNode, of type: String) throws(SchemaError) {
        if let description { node.description = description }
        if let example { node.example = example }
        if let format { node.format = format }
        if let allowedValues { node.allowedValues = allowedValues.map { AnyCodable($0) } }
        if let textRule {
            guard node.kind == .string else { throw .ruleOnWrongType(type: type, rule: "text rule", schema: "\(node.kind)") }
            node.minLength = textRule.lengths.lowerBound
            node.maxLength = textRule.lengths.upperBound
            node.pattern = textRule.pattern
        }
        if let integerRule {
            guard node.kind == .integer else { throw .ruleOnWrongType(type: type, rule: "integer rule", schema: "\(node.kind)") }
            node.minimum = integerRule.minimum
            node.maximum = integerRule.maximum
            if let values = integerRule.allowedValues { node.allowedValues = values.map { AnyCodable($0) } }
        }
        guard !properties.isEmpty else { return }
        var refined = node.properties
        for (name, refinement) in properties.sorted(by: { $0.key < $1.key }) {
            guard let index = refined.firstIndex(where: { $0.name == name }) else {
                throw .unknownRefinedProperty(type: type, property: name)
            }
            try refinement.apply(to: &refined[index].schema, of: type)
        }
        if case .object(_, let additionalProperties) = node.kind {
            node.kind = .object(properties: refined, additionalProperties: additionalProperties)
        }
    }
}
