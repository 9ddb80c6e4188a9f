import Synchronization

/// One request as permissions see it: its facts, and its credentials, each verified at most
/// once and only when a permission first asks.
///
/// Build one per request with ``Gatekeeper/request(for:)``; tests can build one directly with
/// stub authenticators.
public final class AuthRequest: Sendable {
    public let facts: RequestFacts
    public let authenticators: [any Authenticator]
    /// One task per scheme name: a second question about the same scheme awaits the first answer.
    private let checks = Mutex<[String: Task<CredentialCheck, any Error>]>([:])

    public init(facts: RequestFacts, authenticators: [any Authenticator]) {
        self.facts = facts
        self.authenticators = authenticators
    }

    /// The outcome for one authenticator's scheme, verifying its credential on first use.
    public func check(_ authenticator: any Authenticator) async throws -> CredentialCheck {
        let facts = facts
        let task = checks.withLock { checks in
            if let running = checks[authenticator.scheme.name] { return running }
            let started = Task { try await authenticator.authenticate(facts) }
            checks[authenticator.scheme.name] = started
            return started
        }
        return try await task.value
    }

    /// The first principal among the schemes with `role`, in the order the authenticators were
    /// given. Without one: the first refusal (a credential was presented and failed), else
    /// ``CredentialCheck/absent``.
    public func authenticate(as role: SecurityScheme.Role) async throws -> CredentialCheck {
        var firstRefusal: CredentialCheck?
        for authenticator in authenticators where authenticator.scheme.role == role {
            let check = try await check(authenticator)
            switch check {
            case .authenticated: return check
            case .rejected: if firstRefusal == nil { firstRefusal = check }
            case .absent: continue
            }
        }
        return firstRefusal ?? .absent
    }

    /// The user the request acts for: an interactive sign-in first, else the user behind an
    /// API key or access token. Call it after the route's permission allowed the request.
    public func actingUser() async throws -> UserIdentity? {
        for role in [SecurityScheme.Role.interactive, .apiKey, .accessToken] {
            if let user = try await authenticate(as: role).principal?.user { return user }
        }
        return nil
    }

    /// `true` when any credential the request presents authenticates.
    public func isAuthenticated() async throws -> Bool {
        for authenticator in authenticators where try await check(authenticator).principal != nil {
            return true
        }
        return false
    }

    /// The schemes whose credential was presented and refused so far, with the reason for the
    /// server's log (never the credential): `["ApiKeyAuth": "API key revoked"]`.
    public func refusals() async -> [String: String] {
        let started = checks.withLock { $0 }
        var refused: [String: String] = [:]
        for (name, task) in started {
            if case .rejected(_, let reason) = try? await task.value { refused[name] = reason }
        }
        return refused
    }
}
