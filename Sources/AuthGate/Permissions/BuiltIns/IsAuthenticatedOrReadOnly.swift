/// Allows anyone to read and a signed-in user to write: `ReadOnly() | IsAuthenticated()`.
/// An anonymous write gets 401 (signing in would help), not 403.
public struct IsAuthenticatedOrReadOnly: Permission {
    private let composed = ReadOnly() | IsAuthenticated()

    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        try await composed.evaluate(request)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        composed.securityAlternatives(for: method, schemes: schemes)
    }
}
