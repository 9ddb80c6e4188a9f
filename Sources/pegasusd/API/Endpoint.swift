import AuthGate
import AuthGateHummingbird
import Hummingbird

/// One operation of the HTTP API: where it is, who may call it, and what it does.
///
/// The route table is a list of these; the router is built from it, so no route can exist
/// without a permission.
struct Endpoint: Sendable {
    typealias Handler = @Sendable (Request, PegasusRequestContext, AuthRequest) async throws -> Response

    let method: HTTPRequest.Method
    /// A path with `{name}` parameters and Django's trailing slash, e.g. `/api/keys/{id}/`.
    let path: String
    let permission: any Permission
    let summary: String
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ permission: any Permission, summary: String, handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.permission = permission
        self.summary = summary
        self.handler = handler
    }
}

extension Router where Context == PegasusRequestContext {
    /// Registers `endpoint` behind its permission: the handler runs only when the gatekeeper
    /// allows, and a refusal is logged with its reason (never the credential).
    func add(_ endpoint: Endpoint, gatekeeper: Gatekeeper) {
        on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
            let auth = try await gatekeeper.authorize(
                request, remoteAddress: context.remoteAddress?.ipAddress, by: endpoint.permission, logger: context.logger)
            return try await endpoint.handler(request, context, auth)
        }
    }
}
