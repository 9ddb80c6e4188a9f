import Foundation
import Hummingbird
import Logging

/// One structured log line per request: method, path (never the query string, which may carry
/// tokens), status, duration and peer. Headers and bodies are never logged, so no credential is.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = PegasusRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        // Hundredths of a millisecond, without a formatter on every request.
        let hundredths = (Double(elapsed.components.attoseconds) / 1e13 + Double(elapsed.components.seconds) * 100_000).rounded()
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(response.status.code)",
            "ms": "\(hundredths / 100)",
            "peer": "\(context.remoteAddress?.ipAddress ?? "-")",
        ])
        return response
    }
}
