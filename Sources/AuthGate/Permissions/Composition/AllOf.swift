/// Allows when every member allows (DRF's `AND`), stopping at the first denial, which is the
/// answer: the member that decided it explains it.
///
/// **Who acts.** Each member sees, as ``AuthRequest/principal``, what the members before it
/// allowed on, so a later member can check the principal an earlier one established. Members
/// that allow on no principal (``AllowAny``, ``ReadOnly``, a negation) are neutral. The others
/// must act for the same party (``Principal/actsForSameParty(as:)``): then the conjunction
/// allows on the first of them. Members that allowed on different parties — A's session with
/// B's API key under `IsAuthenticated() & HasUserAPIKey()` — make no answer about who acts
/// safe, so the conjunction denies with ``conflictingPrincipals`` (403).
public struct AllOf: Permission {
    public let members: [any Permission]

    /// The answer when members allowed on credentials of different parties.
    public static let conflictingPrincipals = Denial(
        .forbidden, code: Denial.Codes.conflictingCredentials,
        message: "The credentials presented belong to different accounts; present one account's credentials.")

    public init(_ members: [any Permission]) {
        self.members = members
    }

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        try await agreement(request) { member, view in try await member.evaluate(view) }
    }

    /// Every member's object check, each seeing the principal decided so far (at first the one
    /// the request-level decision allowed on).
    public func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        try await agreement(request) { member, view in try await member.evaluate(view, object: object) }
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        members.reduce(SecurityAlternatives.anonymous) { $0.and($1.securityAlternatives(for: method, schemes: schemes)) }
    }

    /// Asks each member in turn, passing on the principal agreed so far, and folds the answers
    /// by the rule above.
    private func agreement(
        _ request: AuthRequest, _ ask: (any Permission, AuthRequest) async throws -> Decision
    ) async throws -> Decision {
        var agreed: Principal?
        for member in members {
            switch try await ask(member, request.on(agreed ?? request.principal)) {
            case .deny(let denial):
                return .deny(denial)
            case .allow(let principal):
                guard let principal else { continue }
                guard let first = agreed else {
                    agreed = principal
                    continue
                }
                if !first.actsForSameParty(as: principal) { return .deny(Self.conflictingPrincipals) }
            }
        }
        return .allow(on: agreed)
    }
}
