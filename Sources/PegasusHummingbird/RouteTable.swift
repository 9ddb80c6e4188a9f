public import AuthGate
public import AuthGateHummingbird
public import Hummingbird

/// Every endpoint of a Hummingbird app: the router is built from it, and so is the OpenAPI
/// document (``openAPI(info:schemes:propertyNaming:)``).
///
/// ```swift
/// let routes = RouteTable<ItemStore, BasicRequestContext>([listItems, showItem])
/// let router = Router()
/// routes.register(on: router, gatekeeper: gate, service: store)
/// let yaml = try routes.openAPI(info: DocumentInfo(title: "Items", version: "1.0.0"), schemes: gate.schemes)
///     .render(.v3_0_3, as: .yaml)
/// ```
public struct RouteTable<Service: Sendable, Context: RequestContext>: Sendable {
    /// The endpoints, in the order they are registered and documented.
    public var endpoints: [Endpoint<Service, Context>]

    public init(_ endpoints: [Endpoint<Service, Context>]) {
        self.endpoints = endpoints
    }

    /// Adds each endpoint to `router` behind its permission: the handler runs only when
    /// `gatekeeper` allows, with `service`; a refusal is thrown as its problem response (401
    /// with challenges, or 403) and logged with its reason — never the credential.
    /// - Parameter admit: runs once the permission allowed, before the handler, with the
    ///   endpoint and the ``Authorization``: the place to meter usage and enforce quotas. What
    ///   it throws is the answer (a `ProblemError` 429, say) and the handler does not run.
    public func register(
        on router: some RouterMethods<Context>, gatekeeper: Gatekeeper, service: Service,
        admit: @escaping @Sendable (Service, Endpoint<Service, Context>, Authorization) async throws -> Void = { _, _, _ in }
    ) {
        for endpoint in endpoints {
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                let remoteAddress = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
                let authorization = try await gatekeeper.authorize(
                    request, remoteAddress: remoteAddress, by: endpoint.permission, logger: context.logger)
                try await admit(service, endpoint, authorization)
                return try await endpoint.handler(service, request, context, authorization)
            }
        }
    }

    /// The methods the table answers on `path`, in a stable order; empty when no endpoint has
    /// this path. A request with another method on a known path deserves 405 with these in
    /// `Allow` (RFC 9110 §15.5.6) rather than 404.
    ///
    /// Where several templates match, the router takes the most literal one (`/api/tokens/scopes/`
    /// before `/api/tokens/{id}/`), and so does this.
    public func methods(for path: String) -> [HTTPRequest.Method] {
        let wanted = Self.segments(path)
        let matching = endpoints.filter { endpoint in
            let pattern = Self.segments(endpoint.path)
            return pattern.count == wanted.count
                && zip(pattern, wanted).allSatisfy { pattern, segment in pattern.first == "{" || pattern == segment }
        }
        // Literal segments beat parameters from the left, as the router's trie tries them.
        let specificity = { (endpoint: Endpoint<Service, Context>) in Self.segments(endpoint.path).map { $0.first == "{" ? 0 : 1 } }
        guard let best = matching.map(specificity).max(by: { $0.lexicographicallyPrecedes($1) }) else { return [] }
        return matching.filter { specificity($0) == best }.map(\.method).sorted { $0.rawValue < $1.rawValue }
    }

    /// Path segments without empty ones, as Hummingbird's router matches them (so a trailing
    /// slash does not matter).
    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/")
    }
}
