import AuthGate
import AuthGateHummingbird

extension Authorization {
    /// The user the route's permission let through (signed in, or the owner of the API key).
    /// Only for routes whose permission admits users alone; anything else is a server bug.
    func requireUser() throws -> UserIdentity {
        guard let user else {
            throw ProblemError(.internalServerError, code: "no_user", detail: "The request has no user.")
        }
        return user
    }
}
