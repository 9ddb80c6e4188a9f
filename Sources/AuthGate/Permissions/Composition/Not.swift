/// Allows exactly when the wrapped permission denies (DRF's `~`), on no principal: a negation
/// is decided by a credential's absence or failure, so no credential acts for it.
///
/// At object level it denies exactly when the wrapped permission allows both the request and
/// the object — `¬(has ∧ hasObject)`, the rule ``AnyOf`` follows — so `!HasAPIKey()` does not
/// deny every object just because ``HasAPIKey`` has no object check of its own.
public struct Not: Permission {
    public let negated: any Permission

    /// The answer when the wrapped permission allows. There is no branch to explain it, so it
    /// is a plain 403.
    public static let denial = Denial(
        .forbidden, code: Denial.Codes.permissionDenied, message: "You do not have permission to perform this action.")

    public init(_ negated: any Permission) {
        self.negated = negated
    }

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        try await negated.evaluate(request).isAllowed ? .deny(Self.denial) : .allow(on: nil)
    }

    public func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        guard case .allow(let principal) = try await negated.evaluate(request) else { return .allow(on: nil) }
        let onObject = try await negated.evaluate(request.on(principal ?? request.principal), object: object)
        return onObject.isAllowed ? .deny(Self.denial) : .allow(on: nil)
    }

    /// A negation never asks for a credential, so it adds no requirement: anonymous callers
    /// can satisfy it (`!IsAuthenticated()` admits only them).
    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anonymous
    }
}
