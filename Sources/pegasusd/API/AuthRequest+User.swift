import AuthGate

extension AuthRequest {
    /// The user the route's permission let through (signed in, or the owner of the API key).
    /// Only for routes whose permission admits users alone; anything else is a server bug.
    func requireUser() async throws -> UserIdentity {
        guard let user = try await actingUser() else {
            throw APIError(.internalServerError, code: "no_user", detail: "The request has no user.")
        }
        return user
    }
}
