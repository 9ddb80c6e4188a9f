/// Allows a person signed in interactively (session cookie or login JWT).
///
/// API keys and access tokens do not count: pair this with ``HasUserAPIKey`` to accept either,
/// and use it alone on routes that must not be reachable with a key (managing keys, say).
public struct IsAuthenticated: Permission {
    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        request.decision(on: try await request.authenticate(as: .interactive))
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anyOf(schemes.filter { $0.role == .interactive })
    }
}
