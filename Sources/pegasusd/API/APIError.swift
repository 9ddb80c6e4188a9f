import AuthGate
import AuthGateHummingbird
import Hummingbird

/// A refusal by an API handler (bad input, unknown id, conflict): sent as an RFC 9457 problem
/// with a stable `code`.
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let detail: String

    init(_ status: HTTPResponse.Status, code: String, detail: String) {
        self.status = status
        self.code = code
        self.detail = detail
    }

    var problem: ProblemDetails { ProblemDetails(status: status.code, code: code, detail: detail) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        problem.response()
    }

    static func notFound(_ what: String) -> APIError {
        APIError(.notFound, code: "not_found", detail: "No \(what) with this id.")
    }
}
