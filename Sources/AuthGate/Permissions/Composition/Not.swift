/// Allows exactly when the wrapped permission denies (DRF's `~`), at request and object level.
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
        try await negated.evaluate(request).isAllowed ? .deny(Self.denial) : .allow
    }

    public func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        try await negated.evaluate(request, object: object).isAllowed ? .deny(Self.denial) : .allow
    }

    /// A negation never asks for a credential, so it adds no requirement: anonymous callers
    /// can satisfy it (`!IsAuthenticated()` admits only them).
    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        .anonymous
    }
}
