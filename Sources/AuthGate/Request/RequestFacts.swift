/// What a permission may know about an HTTP request, independent of any server framework.
///
/// Adapters (such as `AuthGateHummingbird`) build one per request; tests build them directly:
///
/// ```swift
/// let facts = RequestFacts(method: "GET", path: "/api/items/", headers: ["Authorization": "Api-Key pgk_…"])
/// ```
public struct RequestFacts: Sendable {
    /// The request method, upper-cased (`GET`, `POST`, …).
    public let method: String
    /// The request path, without the query string.
    public let path: String
    /// Header fields in the order received; names compare case-insensitively.
    public let headers: [(name: String, value: String)]
    /// Cookies from the `Cookie` header fields; the first of duplicate names wins (see
    /// ``duplicatedCookieNames``).
    public let cookies: [String: String]
    /// Cookie names sent more than once — what a sibling subdomain planting its own cookie
    /// ("cookie tossing") looks like; a credential cookie among them should not be trusted.
    public let duplicatedCookieNames: Set<String>
    /// The peer's address, when the server knows it (for logs and rate limits).
    public let remoteAddress: String?

    /// Methods that do not change state (RFC 9110 §9.2.1), as DRF's `SAFE_METHODS`.
    public static let safeMethods: Set<String> = ["GET", "HEAD", "OPTIONS"]

    public init(method: String, path: String, headers: [(name: String, value: String)], remoteAddress: String? = nil) {
        self.method = method.uppercased()
        self.path = path
        self.headers = headers
        self.remoteAddress = remoteAddress
        var cookies: [String: String] = [:]
        var duplicated: Set<String> = []
        for header in headers where header.name.lowercased() == "cookie" {
            for pair in header.value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingSpaces
                if cookies[name] == nil { cookies[name] = parts[1].trimmingSpaces } else { duplicated.insert(name) }
            }
        }
        self.cookies = cookies
        duplicatedCookieNames = duplicated
    }

    /// A convenience for tests and examples: one value per header name.
    public init(method: String, path: String, headers: KeyValuePairs<String, String> = [:], remoteAddress: String? = nil) {
        self.init(method: method, path: path, headers: headers.map { (name: $0.key, value: $0.value) }, remoteAddress: remoteAddress)
    }

    /// `true` for GET, HEAD and OPTIONS.
    public var isSafeMethod: Bool { Self.safeMethods.contains(method) }

    /// The first value of the header `name` (case-insensitive), exactly as sent.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
