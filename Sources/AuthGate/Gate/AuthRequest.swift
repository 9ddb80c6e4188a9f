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
    /// The first principal a permission allowed the request on.
    private let acting = Mutex<Principal?>(nil)

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

    /// Allows the request on the strength of `principal`, which becomes the acting principal
    /// unless a permission already allowed on another. Permissions that allow because of a
    /// credential answer with this rather than `.allow`.
    public func allow(actingAs principal: Principal) -> Decision {
        acting.withLock { if $0 == nil { $0 = principal } }
        return .allow
    }

    /// What a permission that needs this credential answers: allow on a principal (which
    /// becomes the acting principal); otherwise the refusal, or "not provided" when nothing was
    /// presented.
    public func decision(on check: CredentialCheck) -> Decision {
        switch check {
        case .authenticated(let principal): allow(actingAs: principal)
        case .rejected(let denial, _): .deny(denial)
        case .absent: .deny(.notAuthenticated)
        }
    }

    /// The user the request acts for. Call it after the route's permission allowed the request.
    ///
    /// It is the user of the principal a permission allowed on, so with `HasUserAPIKey()` a
    /// browser's session cookie sent along cannot take the key owner's place. When no
    /// permission looked at a credential (`AllowAny()`): an interactive sign-in first, else the
    /// user behind an API key or access token.
    public func actingUser() async throws -> UserIdentity? {
        if let principal = acting.withLock({ $0 }) { return principal.user }
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
