/// Allows a signed-in user who is an administrator.
public struct IsAdminUser: Permission {
    public static let notAdmin = Denial(
        .forbidden, code: Denial.Codes.permissionDenied, message: "Only administrators may do this.")

    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        let check = try await request.authenticate(as: .interactive)
        guard let principal = check.principal, let user = principal.user else {
            return request.decision(on: check)
        }
        return user.isAdmin ? .allow(on: principal) : .deny(Self.notAdmin)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        IsAuthenticated().securityAlternatives(for: method, schemes: schemes)
    }
}
