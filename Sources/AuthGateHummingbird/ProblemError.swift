public import AuthGate
public import Hummingbird

/// A refusal by a handler — bad input, an unknown id, a conflict — thrown to answer with an
/// RFC 9457 problem (`application/problem+json`) and a stable `code`.
///
/// ```swift
/// guard let item = store.item(id: id) else { throw ProblemError.notFound("item") }
/// guard body.quantity > 0 else { throw ProblemError(.badRequest, code: "invalid_quantity", detail: "quantity must be positive.") }
/// ```
public struct ProblemError: Error, HTTPResponseError {
    public let problem: ProblemDetails
    /// Fields to send with the problem, e.g. `Retry-After` on a 429.
    public let headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, detail: String, headers: HTTPFields = [:]) {
        problem = ProblemDetails(status: status.code, code: code, detail: detail)
        self.headers = headers
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: problem.status) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        problem.response(headers: headers)
    }

    /// 404 `not_found`: "No <what> with this id." Answer the same for another user's item as
    /// for a missing one, so ids are no way to probe.
    public static func notFound(_ what: String) -> ProblemError {
        ProblemError(.notFound, code: "not_found", detail: "No \(what) with this id.")
    }

    /// 409 `conflict` (or another code), e.g. for a name or email already taken.
    public static func conflict(_ detail: String, code: String = "conflict") -> ProblemError {
        ProblemError(.conflict, code: code, detail: detail)
    }
}
