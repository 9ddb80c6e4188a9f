/// Allows a person signed in interactively (session cookie or login JWT).
///
/// API keys and access tokens do not count: pair this with ``HasUserAPIKey`` to accept either,
/// and use it alone on routes that must not be reachable with a key (managing keys, say).
public struct IsAuthenticated: Permission {
    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        Self.decision(for: try await request.authenticate(as: .interactive), in: request)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anyOf(schemes.filter { $0.role == .interactive })
    }

    /// Allow on a principal (which becomes the request's acting principal); otherwise the
    /// refusal, or "not provided" when nothing was presented.
    static func decision(for check: CredentialCheck, in request: AuthRequest) -> Decision {
        switch check {
        case .authenticated(let principal): request.allow(actingAs: principal)
        case .rejected(let denial, _): .deny(denial)
        case .absent: .deny(.notAuthenticated)
        }
    }
}
