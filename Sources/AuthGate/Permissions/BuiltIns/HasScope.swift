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
        if let denial = Self.denial(requiring: scopes, of: principal) { return .deny(denial) }
        return .allow(on: principal)
    }

    /// The answer to `principal` when it lacks some of `required`: 403 `insufficient_scope`
    /// naming the missing ones; `nil` when it carries them all. For permissions that learn the
    /// scopes only from the request (a gateway that names the ones its location needs, say).
    public static func denial(requiring required: [String], of principal: Principal) -> Denial? {
        let missing = required.filter { !principal.scopes.contains($0) }
        guard !missing.isEmpty else { return nil }
        return Denial(
            .forbidden, code: Denial.Codes.insufficientScope,
            message: "This token lacks the scope \(missing.joined(separator: ", ")).", missingScopes: missing)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anyOf(schemes.filter { $0.role == .accessToken }, scopes: scopes)
    }
}
