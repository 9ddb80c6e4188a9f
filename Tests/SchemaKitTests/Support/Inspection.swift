import OpenAPIKit30
import SchemaKit

/// The component name a schema refers to, `nil` when it is not a `$ref`.
func referencedName(_ schema: JSONSchema?) -> String? {
    guard case .reference(let reference, _) = schema?.value else { return nil }
    return reference.name
}

/// The object schema of the component `name`.
func object(_ name: String, in registry: SchemaRegistry) -> JSONSchema.ObjectContext? {
    registry.componentSchemas[name]?.objectContext
}

/// The schema of property `property` of the component `name`.
func property(_ property: String, of name: String, in registry: SchemaRegistry) -> JSONSchema? {
    object(name, in: registry)?.properties[property]
}
