import AuthGate
import SchemaKit

extension Endpoint {
    /// The endpoint as the OpenAPI document describes it. Its security is its permission's own
    /// description (`IsAuthenticated() | HasUserAPIKey()` → cookie, JWT or API key), and the
    /// error answers it can give follow from what it does:
    /// - any body: 400 (malformed JSON or an invalid field), 413 (too large), 415 (not JSON);
    /// - any credential needed: 401 (with challenges) and 403;
    /// - a `{parameter}` in the path: 404 (unknown, or another user's).
    func routeDescription(schemes: [SecurityScheme]) -> RouteDescription {
        let security = permission.securityAlternatives(for: method.rawValue, schemes: schemes)
        var answers = responses
        if body != nil {
            answers += [
                .problem(400, "The body is not valid JSON, or a field is missing or invalid.", body: ProblemDetails.self),
                .problem(413, "The body is larger than the server accepts.", body: ProblemDetails.self),
                .problem(415, "The body is not application/json.", body: ProblemDetails.self),
            ]
        }
        if security != .anonymous {
            answers += [
                .problem(401, "No valid credential: see the WWW-Authenticate challenges.", body: ProblemDetails.self),
                .problem(403, "The credential is valid but does not allow this.", body: ProblemDetails.self),
            ]
        }
        if path.contains("{") {
            answers.append(.problem(404, "There is no such item, or it is not yours.", body: ProblemDetails.self))
        }
        guard let operationMethod = RouteDescription.Method(rawValue: method.rawValue.lowercased()) else {
            preconditionFailure("\(method) \(path): OpenAPI has no operation for this method")
        }
        return RouteDescription(
            operationMethod, path,
            tags: [tag], summary: summary, pathParameters: pathParameters, queryParameters: queryParameters,
            requestBody: body, responses: answers, security: security.requirements)
    }
}

extension SecuritySchemeDescription {
    /// How the schema names an AuthGate scheme.
    init(_ scheme: SecurityScheme) {
        switch scheme.location {
        case .authorizationKeyword(let keyword):
            self = .apiKey(scheme.name, header: "Authorization", description: "`Authorization: \(keyword) <key>`")
        case .header(let name):
            self = .apiKey(scheme.name, header: name, description: "The API key alone in `\(name)`.")
        case .bearer(let format):
            self = .bearer(scheme.name, format: format, description: "`Authorization: Bearer <access token>` from the login API.")
        case .cookie(let name):
            self = .apiKey(scheme.name, cookie: name, description: "The browser session; unsafe methods also need `X-CSRFToken`.")
        }
    }
}
