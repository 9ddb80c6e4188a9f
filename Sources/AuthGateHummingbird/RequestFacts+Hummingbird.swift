public import AuthGate
public import Hummingbird

extension RequestFacts {
    /// The facts of a Hummingbird request.
    ///
    /// HTTP/1.1's `Host` header arrives as the request's authority (HTTP/2's `:authority`), not
    /// among its header fields; it is given back as `Host`, which the same-origin check of
    /// cookie-authenticated writes compares with `Origin`.
    /// - Parameter remoteAddress: the peer, if the request context knows it.
    public init(_ request: Request, remoteAddress: String? = nil) {
        var headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        if let authority = request.head.authority, !headers.contains(where: { $0.name.lowercased() == "host" }) {
            headers.append((name: "Host", value: authority))
        }
        self.init(method: request.method.rawValue, path: request.uri.path, headers: headers, remoteAddress: remoteAddress)
    }
}
