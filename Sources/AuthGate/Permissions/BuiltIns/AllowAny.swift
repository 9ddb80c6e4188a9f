/// Allows every request, authenticated or not.
public struct AllowAny: Permission {
    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision { .allow(on: nil) }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
}
