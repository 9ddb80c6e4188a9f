public import AuthGate
public import Hummingbird

/// Thrown from a handler or middleware, a refusal becomes its problem response with its
/// `WWW-Authenticate` challenges.
extension Refusal: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: problem.status) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[values: .wwwAuthenticate] = challenges
        return problem.response(headers: headers)
    }
}
