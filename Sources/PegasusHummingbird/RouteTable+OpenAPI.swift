public import AuthGate
import AuthGateSchema
public import SchemaKit

extension RouteTable {
    /// The operations as the document describes them. Security comes from each endpoint's
    /// permission, and the error answers (RFC 9457 problem bodies) follow from what the
    /// endpoint does:
    /// - any body: 400 (malformed JSON or an invalid field), 413 (too large), 415 (not JSON);
    /// - any credential needed: 401 (with challenges) and 403;
    /// - a `{parameter}` in the path: 404 (unknown, or not the caller's).
    public func operations(schemes: [SecurityScheme]) -> [OperationDescription] {
        endpoints.map { endpoint in
            var operation = endpoint.operation.secured(by: endpoint.permission, schemes: schemes)
            if operation.requestBody != nil {
                operation.responses += [
                    .problem(400, "The body is not valid JSON, or a field is missing or invalid.", body: ProblemDetails.self),
                    .problem(413, "The body is larger than the server accepts.", body: ProblemDetails.self),
                    .problem(415, "The body is not application/json.", body: ProblemDetails.self),
                ]
            }
            if operation.security != SecurityAlternatives.anonymous.requirements {
                operation.responses += [
                    .problem(401, "No valid credential: see the WWW-Authenticate challenges.", body: ProblemDetails.self),
                    .problem(403, "The credential is valid but does not allow this.", body: ProblemDetails.self),
                ]
            }
            if operation.path.contains("{") {
                operation.responses.append(.problem(404, "There is no such item, or it is not yours.", body: ProblemDetails.self))
            }
            return operation
        }
    }

    /// The generator of this table's OpenAPI document, given the schemes the app's gatekeeper
    /// accepts (`gatekeeper.schemes`, or the authenticators' static `scheme(…)` values when the
    /// document is made without a server).
    public func openAPI(info: DocumentInfo, schemes: [SecurityScheme], propertyNaming: PropertyNaming = .codingKeys) -> OpenAPIGenerator {
        OpenAPIGenerator(
            info: info, securitySchemes: schemes.map(SecuritySchemeDescription.init), routes: operations(schemes: schemes),
            propertyNaming: propertyNaming)
    }
}
