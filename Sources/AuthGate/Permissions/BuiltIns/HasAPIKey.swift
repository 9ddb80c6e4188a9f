/// Allows a request carrying a valid API key of any owner (user, team or service), as
/// djangorestframework-api-key's `HasAPIKey`.
public struct HasAPIKey: Permission {
    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        request.decision(on: try await request.authenticate(as: .apiKey))
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anyOf(schemes.filter { $0.role == .apiKey })
    }
}
