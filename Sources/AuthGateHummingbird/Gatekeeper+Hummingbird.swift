public import AuthGate
public import Hummingbird
public import Logging

extension Gatekeeper {
    /// Decides `permission` for a Hummingbird request.
    ///
    /// ```swift
    /// router.get("/api/items/") { request, context in
    ///     let auth = try await gate.authorize(request, by: IsAuthenticated() | HasUserAPIKey(), logger: context.logger)
    ///     let user = auth.user   // the user of the credential that decided
    ///     …
    /// }
    /// ```
    /// - Parameter logger: receives one `request refused` line per refusal, with its code and,
    ///   per failed scheme, the reason (`API key revoked`) — never the credential.
    /// - Returns: the ``Authorization``: the principal the decision allowed on, and object-level
    ///   checks with the same verified credentials.
    /// - Throws: the ``Refusal`` (an `HTTPResponseError`: 401 or 403 with a problem body) when
    ///   the permission denies; a store error when a credential could not be checked.
    public func authorize(
        _ request: Request, remoteAddress: String? = nil, by permission: any Permission, logger: Logger? = nil
    ) async throws -> Authorization {
        let authRequest = self.request(for: RequestFacts(request, remoteAddress: remoteAddress))
        do {
            return try await authorize(authRequest, by: permission)
        } catch let refusal as Refusal {
            if let logger {
                var metadata: Logger.Metadata = ["code": "\(refusal.problem.code)", "status": "\(refusal.status)"]
                for (scheme, reason) in await authRequest.refusals() { metadata["refused.\(scheme)"] = "\(reason)" }
                logger.info("request refused", metadata: metadata)
            }
            throw refusal
        }
    }
}
