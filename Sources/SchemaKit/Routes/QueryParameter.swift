/// A query parameter of a route, e.g. `?format=json`.
public struct QueryParameter: Sendable {
    /// The name after `?`.
    public var name: String
    /// The parameter's type, e.g. `String.self`, `Int.self`, or a ``SchemaEnum`` for a fixed
    /// set of values.
    public var type: DescribedType
    public var required: Bool
    public var description: String?

    /// An optional (unless `required`) query parameter, a string unless `type` says otherwise.
    public init(_ name: String, type: DescribedType = String.self, required: Bool = false, description: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
    }
}
