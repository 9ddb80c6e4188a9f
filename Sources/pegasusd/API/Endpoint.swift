import AuthGate
import AuthGateHummingbird
import Hummingbird
import SchemaKit

/// One operation of the HTTP API: where it is, who may call it, what it reads and answers, and
/// what it does.
///
/// The route table is a list of these. The router is built from it and so is the OpenAPI
/// document, so no route can exist without a permission and a description.
struct Endpoint: Sendable {
    typealias Handler = @Sendable (Request, PegasusRequestContext, AuthRequest) async throws -> Response

    let method: HTTPRequest.Method
    /// A path with `{name}` parameters and Django's trailing slash, e.g. `/api/keys/{id}/`.
    let path: String
    let permission: any Permission
    /// The OpenAPI tag, which generated clients turn into a class (`employees` → `EmployeesApi`).
    let tag: String
    let summary: String
    let pathParameters: [PathParameter]
    let queryParameters: [QueryParameter]
    /// The JSON body the handler reads, if any.
    let body: SchemaKit.RequestBody?
    /// The success answers (errors are added from the permission, body and path: see
    /// ``routeDescription(schemes:)``).
    let responses: [ResponseDescription]
    let handler: Handler

    init(
        _ method: HTTPRequest.Method, _ path: String, _ permission: any Permission,
        tag: String, summary: String, pathParameters: [PathParameter] = [], queryParameters: [QueryParameter] = [],
        body: SchemaKit.RequestBody? = nil, responds responses: ResponseDescription...,
        handler: @escaping Handler
    ) {
        self.method = method
        self.path = path
        self.permission = permission
        self.tag = tag
        self.summary = summary
        self.pathParameters = pathParameters
        self.queryParameters = queryParameters
        self.body = body
        self.responses = responses
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
