/// A type that chooses its own schema component name, e.g. to settle a name clash or to shorten a
/// generic type's name. Without it the name is derived from the Swift name (see `Docs/SchemaKit.md`).
public protocol SchemaNaming {
    /// The component name: letters, digits and `_` (`#/components/schemas/<schemaName>`).
    static var schemaName: String { get }
}
