/// A `{name}` segment of a route path: its type (a string unless declared) and description.
public struct PathParameter: Sendable {
    /// The name between the braces.
    public var name: String
    /// The parameter's type, e.g. `UUID.self` (string/uuid) or `Int.self` (integer/int64).
    public var type: DescribedType
    public var description: String?

    /// The parameter `{name}`, a string unless `type` says otherwise.
    public init(_ name: String, type: DescribedType = String.self, description: String? = nil) {
        self.name = name
        self.type = type
        self.description = description
    }
}
