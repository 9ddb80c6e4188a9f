/// Allows a request carrying a valid API key that belongs to a user, as SaaS Pegasus'
/// `HasUserAPIKey`; the handler then acts for that user (``Authorization/user``).
public struct HasUserAPIKey: Permission {
    public static let notAUserKey = Denial(
        .forbidden, code: Denial.Codes.permissionDenied, message: "This API key does not belong to a user.")

    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        let check = try await request.authenticate(as: .apiKey)
        if let principal = check.principal, principal.user == nil { return .deny(Self.notAUserKey) }
        return request.decision(on: check)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anyOf(schemes.filter { $0.role == .apiKey })
    }
}
