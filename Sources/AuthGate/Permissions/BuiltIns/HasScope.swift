/// Allows an access token that carries every one of ``scopes``.
///
/// A token without them gets 403 `insufficient_scope` naming what is missing (RFC 6750 §3.1);
/// a request with no valid token gets 401.
public struct HasScope: Permission {
    public let scopes: [String]

    public init(_ scopes: String...) {
        self.scopes = scopes
    }

    public init(_ scopes: [String]) {
        self.scopes = scopes
    }

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        let check = try await request.authenticate(as: .accessToken)
        guard let principal = check.principal else { return request.decision(on: check) }
        let missing = scopes.filter { !principal.scopes.contains($0) }
        guard missing.isEmpty else {
            return .deny(Denial(
                .forbidden, code: Denial.Codes.insufficientScope,
                message: "This token lacks the scope \(missing.joined(separator: ", ")).", missingScopes: missing))
        }
        return .allow(on: principal)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anyOf(schemes.filter { $0.role == .accessToken }, scopes: scopes)
    }
}
