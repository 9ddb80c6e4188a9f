import KeyCore

/// Allows a request carrying a valid API key that belongs to a service (owner `service:NAME`):
/// a machine credential an administrator issued to another system, such as a gateway that
/// introspects tokens. Keys of users and teams are refused, so that no customer's key can do
/// what only infrastructure may.
public struct HasServiceAPIKey: Permission {
    public static let notAServiceKey = Denial(
        .forbidden, code: Denial.Codes.permissionDenied, message: "Only a service's API key may do this.")

    public init() {}

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        let check = try await request.authenticate(as: .apiKey)
        if let principal = check.principal, principal.keyRecord?.owner?.kind != .service { return .deny(Self.notAServiceKey) }
        return request.decision(on: check)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anyOf(schemes.filter { $0.role == .apiKey })
    }
}
