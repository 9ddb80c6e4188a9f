import Hummingbird

/// Which methods the route table answers on a path, so that a request with another method gets
/// 405 with an `Allow` header (RFC 9110 §15.5.6) rather than 404.
struct AllowedMethods: Sendable {
    private let routes: [(segments: [Substring], method: HTTPRequest.Method)]

    init(_ endpoints: [Endpoint]) {
        routes = endpoints.map { (Self.segments($0.path), $0.method) }
    }

    /// The methods routed on `path`, in a stable order; empty when no route has this path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let wanted = Self.segments(path)
        let matching = routes.filter { route in
            route.segments.count == wanted.count
                && zip(route.segments, wanted).allSatisfy { pattern, segment in pattern.first == "{" || pattern == segment }
        }
        return matching.map(\.method).sorted { $0.rawValue < $1.rawValue }
    }

    /// Path segments without empty ones, as Hummingbird's router matches them (so a trailing
    /// slash does not matter).
    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/")
    }
}
