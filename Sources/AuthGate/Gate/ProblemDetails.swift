/// An RFC 9457 problem body (`application/problem+json`) with a stable machine `code`.
public struct ProblemDetails: Codable, Hashable, Sendable {
    /// A URI naming the problem type; `about:blank` when the status says it all.
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var code: String

    public static let mediaType = "application/problem+json"

    public init(status: Int, code: String, detail: String, title: String? = nil, type: String = "about:blank") {
        self.type = type
        self.title = title ?? Self.reasonPhrase(status)
        self.status = status
        self.detail = detail
        self.code = code
    }

    /// The standard reason phrase for the statuses an API answers with.
    public static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "HTTP \(status)"
        }
    }
}
