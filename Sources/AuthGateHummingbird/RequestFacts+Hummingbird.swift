public import AuthGate
public import Hummingbird

extension RequestFacts {
    /// The facts of a Hummingbird request.
    /// - Parameter remoteAddress: the peer, if the request context knows it.
    public init(_ request: Request, remoteAddress: String? = nil) {
        self.init(
            method: request.method.rawValue,
            path: request.uri.path,
            headers: request.headers.map { (name: $0.name.rawName, value: $0.value) },
            remoteAddress: remoteAddress)
    }
}
