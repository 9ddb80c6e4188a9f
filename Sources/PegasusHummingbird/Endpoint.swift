public import AuthGate
public import Hummingbird
public import SchemaKit

/// One operation of a Hummingbird app: where it is, who may call it, how the OpenAPI document
/// describes it, and what it does — declared once.
///
/// A ``RouteTable`` of endpoints builds both the router (each handler behind its permission) and
/// the document (each operation's security taken from the same permission), so no route can be
/// served without a permission or a description.
///
/// The handler receives the app's `Service` (its stores, say: bound when the router is built, so
/// the document needs none), the request, its context, and the ``Authorization`` the permission
/// granted — who the request acts for:
///
/// ```swift
/// Endpoint<ItemStore, BasicRequestContext>(
///     .get, "/items/", IsAuthenticated() | HasUserAPIKey(), tags: ["items"], summary: "List your items",
///     responds: ResponseDescription(200, "Your items.", body: [Item].self)
/// ) { store, _, _, auth in
///     try await store.items(ownedBy: auth.user!.id)
/// }
/// ```
public struct Endpoint<Service: Sendable, Context: RequestContext>: Sendable {
    /// What runs once the permission allowed.
    public typealias Handler = @Sendable (Service, Request, Context, Authorization) async throws -> Response

    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// Who may call it. The handler runs only when it allows.
    public let permission: any Permission
    /// The operation as documented; ``RouteTable`` adds its security and standard error answers.
    public let operation: OperationDescription
    let handler: Handler

    /// The path with `{name}` parameters, e.g. `/api/keys/{id}/` (a trailing slash is kept in
    /// the document; Hummingbird's router matches with or without it).
    public var path: String { operation.path }

    /// - Parameters:
    ///   - responses: the success answers (and any error answer particular to this operation);
    ///     the table adds the answers every endpoint of its kind can give (see
    ///     ``RouteTable/operations(schemes:)``).
    ///   - handler: returns anything Hummingbird can send: a `Response`, a `String`, a
    ///     `ResponseEncodable` value.
    public init<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, _ permission: any Permission,
        operationID: String? = nil, tags: [String] = [], summary: String? = nil, description: String? = nil,
        pathParameters: [PathParameter] = [], queryParameters: [QueryParameter] = [],
        body: RequestBodyDescription? = nil, responds responses: ResponseDescription...,
        handler: @escaping @Sendable (Service, Request, Context, Authorization) async throws -> Output
    ) {
        guard let documented = OperationDescription.Method(rawValue: method.rawValue.lowercased()) else {
            preconditionFailure("\(method) \(path): OpenAPI has no operation for this method")
        }
        self.method = method
        self.permission = permission
        operation = OperationDescription(
            documented, path, operationID: operationID, tags: tags, summary: summary, description: description,
            pathParameters: pathParameters, queryParameters: queryParameters, requestBody: body, responses: responses)
        self.handler = { service, request, context, authorization in
            try await handler(service, request, context, authorization).response(from: request, context: context)
        }
    }
}
