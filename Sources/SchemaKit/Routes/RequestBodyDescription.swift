/// The body a route reads: a `Decodable` type, JSON unless another content type is given.
public struct RequestBodyDescription: Sendable {
    /// The body's type (see ``DescribedType``).
    public var type: DescribedType
    public var contentType: String
    /// Whether a request must have a body (OpenAPI's default is `false`; SchemaKit's is `true`).
    public var required: Bool
    public var description: String?

    /// A body of `type`, JSON and required unless said otherwise.
    public init(_ type: DescribedType, contentType: String = "application/json", required: Bool = true, description: String? = nil) {
        self.type = type
        self.contentType = contentType
        self.required = required
        self.description = description
    }
}
