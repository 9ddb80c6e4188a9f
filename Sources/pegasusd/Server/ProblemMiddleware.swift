import AuthGate
import AuthGateHummingbird
import Hummingbird
import KeyCore
import Logging
import PegasusHummingbird

/// Turns every failure into an RFC 9457 problem response, in one place: API errors and
/// refusals as they are, Hummingbird's own (no route, body too large) with a code, a known path
/// with another method as 405, KeyCore's errors by kind, an unreachable database as 503, and
/// anything unexpected as a logged 500 that reveals nothing.
struct ProblemMiddleware<Service: Sendable, Context: RequestContext>: RouterMiddleware {
    /// The routes served, for the methods a known path allows.
    let routes: RouteTable<Service, Context>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ProblemError {
            return error.problem.response(headers: error.headers)
        } catch let refusal as Refusal {
            return try refusal.response(from: request, context: context)
        } catch let error as KeyCoreError {
            let problem = Self.problem(for: error, logger: context.logger)
            return problem.response(headers: problem.status == 503 ? Self.retrySoon : [:])
        } catch let error as DatabaseUnavailable {
            // The database server is down or the disk full: the client may retry; the process
            // keeps serving and recovers when the database does.
            context.logger.error("database unavailable", metadata: ["error": "\(error)"])
            return ProblemDetails(status: 503, code: "database_unavailable", detail: "The database is unavailable; try again shortly.")
                .response(headers: Self.retrySoon)
        } catch let error as HTTPError where error.status == .notFound {
            let methods = routes.methods(for: request.uri.path)
            guard !methods.isEmpty else { return Self.problem(for: error).response(headers: error.headers) }
            var headers = HTTPFields()
            headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
            return ProblemDetails(status: 405, code: "method_not_allowed", detail: "\(request.method.rawValue) is not allowed here.")
                .response(headers: headers)
        } catch let error as any HTTPResponseError {
            return Self.problem(for: error).response(headers: (error as? HTTPError)?.headers ?? [:])
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return ProblemDetails(status: 500, code: "internal_error", detail: "The server could not complete the request.").response()
        }
    }

    /// For a 503: the store or database may be back in a moment.
    private static var retrySoon: HTTPFields {
        var headers = HTTPFields()
        headers[.retryAfter] = "1"
        return headers
    }

    static func problem(for error: KeyCoreError, logger: Logger) -> ProblemDetails {
        switch error {
        case .invalidName, .invalidScope, .expiryInPast:
            return ProblemDetails(status: 400, code: error.code, detail: error.description)
        case .keyNotFound:
            return ProblemDetails(status: 404, code: "not_found", detail: "No API key with this id.")
        case .storeUnavailable:
            logger.error("store unavailable", metadata: ["error": "\(error)"])
            return ProblemDetails(status: 503, code: error.code, detail: "The key store is unavailable; try again later.")
        default:
            logger.error("key operation failed", metadata: ["error": "\(error)"])
            return ProblemDetails(status: 500, code: "internal_error", detail: "The server could not complete the request.")
        }
    }

    /// Hummingbird's own errors (no route, body too large, …) as problems with a code.
    private static func problem(for error: any HTTPResponseError) -> ProblemDetails {
        ProblemDetails(status: error.status.code, code: code(for: error.status), detail: detail(for: error))
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .contentTooLarge: "body_too_large"
        case .badRequest: "bad_request"
        default: status.code >= 500 ? "internal_error" : "http_\(status.code)"
        }
    }

    private static func detail(for error: any HTTPResponseError) -> String {
        if let error = error as? HTTPError, let body = error.body { return body }
        switch error.status {
        case .notFound: return "There is nothing at this address."
        case .contentTooLarge: return "The request body is too large."
        default: return error.status.reasonPhrase
        }
    }
}
