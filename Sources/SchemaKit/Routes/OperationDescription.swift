/// One operation of the API, described without any HTTP framework: what the document says about
/// `method path`. (Named apart from Hummingbird's `RouteDescription`, so a file can import both.)
///
/// ```swift
/// OperationDescription(.get, "/api/keys/{id}/",
///                      tags: ["keys"], summary: "Show one of your API keys",
///                      pathParameters: [PathParameter("id", type: UUID.self, description: "The key's id.")],
///                      responses: [ResponseDescription(200, "The key.", body: KeyListing.self),
///                                  .problem(404, "No such key.", body: Problem.self)],
///                      security: [["ApiKeyAuth": []], ["jwtAuth": []]])
/// ```
public struct OperationDescription: Sendable {
    /// The HTTP methods an OpenAPI path item can describe.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case get, post, put, patch, delete, head, options
    }

    /// The HTTP method.
    public var method: Method
    /// The path with Django-style `{name}` parameters, trailing slash kept: `/api/keys/{id}/`.
    public var path: String
    /// Types and descriptions of path parameters; a `{name}` not listed here is a string.
    public var pathParameters: [PathParameter]
    /// The query parameters the route reads.
    public var queryParameters: [QueryParameter]
    /// Replaces the derived operationId (see ``derivedOperationID``).
    public var operationID: String?
    /// The groups the operation is listed under (documentation pages, client class names).
    public var tags: [String]
    /// A one-line summary.
    public var summary: String?
    /// A longer description (CommonMark).
    public var description: String?
    /// The body the route reads, if any.
    public var requestBody: RequestBodyDescription?
    /// The responses; several with one status and different content types share that status.
    public var responses: [ResponseDescription]
    /// What the operation accepts: any one dictionary (OR), each needing all of its schemes (AND)
    /// with the scopes listed for them. `[[:]]` is anonymous (`security: [{}]`); `nil` says
    /// nothing. Scheme names are those of the document's ``SecuritySchemeDescription``s.
    public var security: [[String: [String]]]?
    /// Whether clients should stop using the operation.
    public var deprecated: Bool

    /// A route answering `method` on `path`; see the properties for each argument.
    public init(
        _ method: Method,
        _ path: String,
        operationID: String? = nil,
        tags: [String] = [],
        summary: String? = nil,
        description: String? = nil,
        pathParameters: [PathParameter] = [],
        queryParameters: [QueryParameter] = [],
        requestBody: RequestBodyDescription? = nil,
        responses: [ResponseDescription],
        security: [[String: [String]]]? = nil,
        deprecated: Bool = false
    ) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.tags = tags
        self.summary = summary
        self.description = description
        self.pathParameters = pathParameters
        self.queryParameters = queryParameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.deprecated = deprecated
    }

    /// `METHOD /path`, as errors name the route.
    public var label: String { "\(method.rawValue.uppercased()) \(path)" }
}
