import Synchronization

/// One request as permissions see it: its facts, its credentials (each verified at most once,
/// and only when a permission first asks), and the principal decided so far.
///
/// Build one per request with ``Gatekeeper/request(for:)``; tests can build one directly with
/// stub authenticators. Copies share their credential answers: ``on(_:)`` makes the view a
/// conjunction's later members and object-level checks see, with ``principal`` set.
public struct AuthRequest: Sendable {
    public let facts: RequestFacts
    public let authenticators: [any Authenticator]
    /// The principal the enclosing decision allowed on so far: what the earlier members of a
    /// conjunction agreed on, and at object level what the request-level decision allowed on.
    /// `nil` at the start of a request-level evaluation, and where no credential decided.
    ///
    /// An object-level check reads it to learn who wants the object (`request.principal?.user`).
    public let principal: Principal?
    /// The application's own services, for permissions that decide with its data (whether a
    /// user belongs to a workspace, say) — what DRF permissions reach through the `view`. Set
    /// once on the ``Gatekeeper``; `nil` when the application gives none.
    public let context: (any Sendable)?
    private let memo: CredentialMemo

    public init(facts: RequestFacts, authenticators: [any Authenticator], context: (any Sendable)? = nil) {
        self.init(facts: facts, authenticators: authenticators, context: context, principal: nil, memo: CredentialMemo())
    }

    private init(
        facts: RequestFacts, authenticators: [any Authenticator], context: (any Sendable)?, principal: Principal?, memo: CredentialMemo
    ) {
        self.facts = facts
        self.authenticators = authenticators
        self.context = context
        self.principal = principal
        self.memo = memo
    }

    /// The same request, its credentials already verified, seen as decided on `principal`.
    public func on(_ principal: Principal?) -> AuthRequest {
        AuthRequest(facts: facts, authenticators: authenticators, context: context, principal: principal, memo: memo)
    }

    /// The outcome for one authenticator's scheme, verifying its credential on first use.
    public func check(_ authenticator: any Authenticator) async throws -> CredentialCheck {
        try await memo.check(authenticator, facts: facts)
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

    /// What a permission that needs this credential answers: allow on its principal;
    /// otherwise the refusal, or "not provided" when nothing was presented.
    public func decision(on check: CredentialCheck) -> Decision {
        switch check {
        case .authenticated(let principal): .allow(on: principal)
        case .rejected(let denial, _): .deny(denial)
        case .absent: .deny(.notAuthenticated)
        }
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
        await memo.refusals()
    }
}

/// The credential answers of one request, shared by every view of it.
private final class CredentialMemo: Sendable {
    /// One task per scheme name: a second question about the same scheme awaits the first answer.
    private let checks = Mutex<[String: Task<CredentialCheck, any Error>]>([:])

    func check(_ authenticator: any Authenticator, facts: RequestFacts) async throws -> CredentialCheck {
        let task = checks.withLock { checks in
            if let running = checks[authenticator.scheme.name] { return running }
            let started = Task { try await authenticator.authenticate(facts) }
            checks[authenticator.scheme.name] = started
            return started
        }
        return try await task.value
    }

    func refusals() async -> [String: String] {
        let started = checks.withLock { $0 }
        var refused: [String: String] = [:]
        for (name, task) in started {
            if case .rejected(_, let reason) = try? await task.value { refused[name] = reason }
        }
        return refused
    }
}
