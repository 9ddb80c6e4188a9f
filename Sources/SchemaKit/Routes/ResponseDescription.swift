/// One response of a route: its status, description, and body type with its content type.
public struct ResponseDescription: Sendable {
    /// RFC 9457 problem details, the content type of error bodies.
    public static let problemContentType = "application/problem+json"

    /// The HTTP status code.
    public var status: Int
    /// The response's description (OpenAPI requires one).
    public var description: String
    /// The body's type (`Codable`: see ``DescribedType``), or `nil` for a response without body.
    public var body: DescribedType?
    /// The body's media type: `application/json` unless said otherwise.
    public var contentType: String

    /// A `status` response, with a body of `body` in `contentType` when `body` is given.
    public init(_ status: Int, _ description: String, body: DescribedType? = nil, contentType: String = "application/json") {
        self.status = status
        self.description = description
        self.body = body
        self.contentType = contentType
    }

    /// An error response whose body is `application/problem+json`.
    public static func problem(_ status: Int, _ description: String, body: DescribedType) -> ResponseDescription {
        ResponseDescription(status, description, body: body, contentType: problemContentType)
    }
}
