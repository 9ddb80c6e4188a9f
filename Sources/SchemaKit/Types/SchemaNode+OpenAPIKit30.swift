import OpenAPIKit30

/// How a `$ref` that needs more than the reference (nullable, a description, an example) is
/// written. OpenAPI 3.0 ignores anything next to `$ref`, so the reference is wrapped.
enum ReferenceWrapping: Sendable {
    /// `allOf: [$ref]` with `nullable: true` beside it: OpenAPI 3.0.
    case openAPI30
    /// `anyOf: [$ref, {nullable: true}]`, which OpenAPIKitCompat turns into
    /// `anyOf: [$ref, {type: 'null'}]` for 3.1 (where `allOf` with `type: 'null'` beside it would
    /// allow only null).
    case openAPI31
}

extension SchemaNode {
    /// This schema as OpenAPIKit's 3.0 model, as the value of a property that is `required` or not.
    func jsonSchema(required: Bool = true, wrapping: ReferenceWrapping) -> JSONSchema {
        switch kind {
        case .any:
            return .fragment(core(required: required))
        case .boolean:
            return .boolean(core(required: required))
        case .integer:
            return .integer(core(required: required), .init(maximum: maximum.map { ($0, exclusive: false) }, minimum: minimum.map { ($0, exclusive: false) }))
        case .number:
            return .number(core(required: required), .init())
        case .string:
            return .string(core(required: required), .init(maxLength: maxLength, minLength: minLength, pattern: pattern))
        case .array(let items):
            return .array(core(required: required), .init(items: items.jsonSchema(wrapping: wrapping)))
        case .object(let properties, let additionalProperties):
            var schemas = OrderedDictionary<String, JSONSchema>()
            for property in properties {
                schemas[property.name] = property.schema.jsonSchema(required: property.required, wrapping: wrapping)
            }
            return .object(
                core(required: required),
                .init(properties: schemas, additionalProperties: additionalProperties.map { .b($0.jsonSchema(wrapping: wrapping)) })
            )
        case .reference(let name):
            return reference(to: name, required: required, wrapping: wrapping)
        }
    }

    private func reference(to name: String, required: Bool, wrapping: ReferenceWrapping) -> JSONSchema {
        let reference = JSONSchema.reference(.component(named: name), required: required)
        guard nullable || description != nil || example != nil else { return reference }
        let bare = JSONSchema.reference(.component(named: name))
        if nullable, wrapping == .openAPI31 {
            var annotations = self
            annotations.nullable = false
            return .any(of: [bare, .fragment(.init(nullable: true))], core: annotations.core(required: required))
        }
        return .all(of: [bare], core: core(required: required))
    }

    private func core<Format: OpenAPIFormat>(required: Bool) -> JSONSchema.CoreContext<Format> {
        .init(
            format: format.flatMap(Format.init(rawValue:)) ?? .unspecified,
            required: required,
            nullable: nullable ? true : nil,
            description: description,
            // A nullable schema with `enum` allows null only if the enum lists it (OpenAPI 3.0.3).
            allowedValues: allowedValues.map { nullable ? $0 + [AnyCodable(nil as String?)] : $0 },
            example: example
        )
    }
}
