import OpenAPIKit30

/// Derives JSON Schemas from `Decodable` Swift types and collects the components they refer to.
///
/// A type is decoded once by a probing decoder that records what its `init(from:)` asks for
/// (see `Docs/SchemaKit.md` for the full table):
/// - a keyed container → an object, a component of its own, referred to by `$ref`;
/// - `decodeIfPresent` and optionals → not `required`, and nullable;
/// - an unkeyed container → an array of the element type; `[String: V]` → `additionalProperties`;
/// - a ``SchemaEnum`` → `enum` with every case, a component of its own;
/// - `Date`, `UUID`, `URL`, `Bool`, integers and floating point numbers → their types and formats.
///
/// A type seen again while it is being derived (a recursive type) is a `$ref` to itself. One
/// registry serves one document: component names are unique within it.
public final class SchemaRegistry {
    let propertyNaming: PropertyNaming
    /// Finished components by name.
    private var components: [String: SchemaNode] = [:]
    /// Component names claimed by a type (finished or being derived), and by which type.
    private var claims: [String: (type: ObjectIdentifier, name: String)] = [:]
    private var names: [ObjectIdentifier: String] = [:]
    /// Names referred to before their type was finished (recursive types).
    private var referencedEarly: Set<String> = []
    /// Nested derivations and placeholder constructions, to stop a type that never ends.
    private var depth = 0
    private static let maximumDepth = 64

    /// A registry whose object properties are named by `propertyNaming`.
    public init(propertyNaming: PropertyNaming = .codingKeys) {
        self.propertyNaming = propertyNaming
    }

    /// The schema to write where `type` appears, as OpenAPI 3.0: a `$ref` for objects and enums
    /// (whose components this registry now holds), the schema itself otherwise.
    public func schema(for type: any Decodable.Type) throws(SchemaError) -> JSONSchema {
        try node(for: type).jsonSchema(wrapping: .openAPI30)
    }

    /// The component schemas derived so far, by name, as OpenAPI 3.0.
    public var componentSchemas: [String: JSONSchema] {
        components.mapValues { $0.jsonSchema(wrapping: .openAPI30) }
    }

    /// The components sorted by name, written with `wrapping`.
    func sortedComponents(wrapping: ReferenceWrapping) -> OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> {
        var sorted = OrderedDictionary<OpenAPI.ComponentKey, JSONSchema>()
        for (name, node) in components.sorted(by: { $0.key < $1.key }) {
            sorted[OpenAPI.ComponentKey(rawValue: name)!] = node.jsonSchema(wrapping: wrapping)
        }
        return sorted
    }

    /// The schema of `type`: a leaf schema, a `$ref`, or an inline array/wrapper schema.
    func node(for type: any Decodable.Type) throws(SchemaError) -> SchemaNode {
        if let primitive = PrimitiveSchema.entry(for: type) {
            return primitive.node
        }
        if let optional = type as? any OptionalMarker.Type {
            var node = try node(for: optional.wrappedType)
            node.nullable = true
            return node
        }
        if let dictionary = type as? any DictionaryMarker.Type {
            guard dictionary.keyType == String.self else {
                throw .unreadableType(String(reflecting: type), reason: "only dictionaries with String keys are JSON objects")
            }
            return SchemaNode(.object(properties: [], additionalProperties: try node(for: dictionary.valueType)))
        }
        if let name = names[ObjectIdentifier(type)] {
            if components[name] == nil { referencedEarly.insert(name) }
            return SchemaNode(.reference(name))
        }
        if let enumeration = type as? any SchemaEnum.Type {
            return try enumComponent(enumeration)
        }
        return try probe(type)
    }

    /// A value of `type` to hand back to an `init(from:)` being probed: a leaf placeholder, `nil`,
    /// an enum's first case, or `type` decoded from a probing decoder with empty containers.
    func placeholder<T: Decodable>(for type: T.Type, codingPath: [any CodingKey]) throws -> T {
        if let primitive = PrimitiveSchema.entry(for: type) {
            return primitive.placeholder as! T
        }
        if let optional = type as? any OptionalMarker.Type {
            return optional.absent as! T
        }
        if let enumeration = type as? any SchemaEnum.Type {
            guard let value = enumeration.anyCase else {
                throw SchemaError.unreadableType(String(reflecting: type), reason: "a SchemaEnum needs at least one case")
            }
            return value as! T
        }
        return try deeper(type) {
            try T(from: ProbingDecoder(registry: self, record: nil, codingPath: codingPath))
        }
    }

    private func enumComponent(_ type: any SchemaEnum.Type) throws(SchemaError) -> SchemaNode {
        let name = try claim(type)
        var node = SchemaNode(.string)
        node.allowedValues = type.schemaValues.map { AnyCodable($0) }
        return try finish(type, named: name, node: node)
    }

    /// Decodes `type` once with a recording decoder and turns what it asked for into a schema.
    private func probe(_ type: any Decodable.Type) throws(SchemaError) -> SchemaNode {
        let name = try claim(type)
        let record = ProbeRecord()
        do {
            _ = try deeper(type) {
                try type.init(from: ProbingDecoder(registry: self, record: record, codingPath: []))
            }
        } catch {
            release(type, named: name)
            throw Self.schemaError(error, reflecting: type)
        }
        guard record.isObject || referencedEarly.contains(name) else {
            release(type, named: name)
            var node = record.node
            try refine(&node, of: type)
            return node
        }
        return try finish(type, named: name, node: record.node)
    }

    /// Refines `node` and stores it as the component `name`; answers the `$ref`.
    private func finish(_ type: Any.Type, named name: String, node: SchemaNode) throws(SchemaError) -> SchemaNode {
        var node = node
        try refine(&node, of: type)
        components[name] = node
        return SchemaNode(.reference(name))
    }

    private func refine(_ node: inout SchemaNode, of type: Any.Type) throws(SchemaError) {
        guard let refining = type as? any SchemaRefining.Type else { return }
        var refinement = SchemaRefinement()
        refining.refine(&refinement)
        try refinement.apply(to: &node, of: String(reflecting: type))
    }

    /// Reserves `type`'s component name, so that it refers to itself while being derived.
    private func claim(_ type: Any.Type) throws(SchemaError) -> String {
        let name = ComponentName.of(type)
        let id = ObjectIdentifier(type)
        if let owner = claims[name], owner.type != id {
            throw .componentNameCollision(name, first: owner.name, second: String(reflecting: type))
        }
        claims[name] = (id, String(reflecting: type))
        names[id] = name
        return name
    }

    /// Gives back a name claimed by a type that is not a component after all (an array or a
    /// wrapper, written inline) or that could not be derived.
    private func release(_ type: Any.Type, named name: String) {
        claims[name] = nil
        names[ObjectIdentifier(type)] = nil
    }

    private func deeper<T>(_ type: Any.Type, _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw SchemaError.unreadableType(
                String(reflecting: type),
                reason: "it nests itself more than \(Self.maximumDepth) levels deep without an optional or a collection"
            )
        }
        return try body()
    }

    /// A ``SchemaError`` as it is, anything else thrown by `type`'s `init(from:)` explained.
    private static func schemaError(_ error: any Error, reflecting type: Any.Type) -> SchemaError {
        if let error = error as? SchemaError { return error }
        var reason = "its init(from:) rejected a probe value (\(error))"
        if type is any RawRepresentable.Type, type is any CaseIterable.Type {
            reason += "; conform String-backed enums to SchemaEnum"
        } else {
            reason += "; a type that validates what it decodes can be described by the fields it decodes, or its validation moved after decoding"
        }
        return .unreadableType(String(reflecting: type), reason: reason)
    }
}
