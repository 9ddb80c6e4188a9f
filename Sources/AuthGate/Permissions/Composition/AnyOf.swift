/// Allows when any member allows (DRF's `OR`), with DRF's flaws fixed.
///
/// - Request level: members are tried in order and the first allow wins, with the principal it
///   was decided on; later members are not evaluated.
/// - Object level: a member grants access only if it allows **both** the request and the
///   object — `(a.has ∧ a.hasObject) ∨ (b.has ∧ b.hasObject)`, the rule DRF adopted in 3.14 —
///   so a member that let the request through cannot be outvoted by another member's lenient
///   default object check. The object check of a member sees the principal that member allowed
///   the request on, and the answer names who may act on the object.
/// - When every member denies, the answer is the denial that tells the caller what would help
///   (see ``mostHelpful(_:authenticated:)``), not a generic message.
public struct AnyOf: Permission {
    public let members: [any Permission]

    public init(_ members: [any Permission]) {
        self.members = members
    }

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        var denials: [Denial] = []
        for member in members {
            let decision = try await member.evaluate(request)
            guard case .deny(let denial) = decision else { return decision }
            denials.append(denial)
        }
        return try await Self.combined(denials, for: request)
    }

    public func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        var denials: [Denial] = []
        for member in members {
            var decision = try await member.evaluate(request)
            if case .allow(let principal) = decision {
                decision = try await member.evaluate(request.on(principal ?? request.principal), object: object)
            }
            guard case .deny(let denial) = decision else { return decision }
            denials.append(denial)
        }
        return try await Self.combined(denials, for: request)
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        members.reduce(SecurityAlternatives.unsatisfiable) { $0.or($1.securityAlternatives(for: method, schemes: schemes)) }
    }

    private static func combined(_ denials: [Denial], for request: AuthRequest) async throws -> Decision {
        guard let first = denials.first else { return .deny(.notAuthenticated) }  // no members: nothing allows
        if denials.count == 1 { return .deny(first) }
        return .deny(mostHelpful(denials, authenticated: try await request.isAuthenticated()))
    }

    /// The denial that best explains a refusal when every member denied:
    /// - a caller who presented a valid credential gets the first 403: telling them to
    ///   authenticate again would not help;
    /// - a caller with none gets the first denial about a credential they presented and that
    ///   failed (a bad key, a missing CSRF header): that is what to fix; failing that, the first
    ///   401, since authenticating could help.
    /// Otherwise the first denial stands.
    public static func mostHelpful(_ denials: [Denial], authenticated: Bool) -> Denial {
        if authenticated {
            return denials.first { $0.status == .forbidden } ?? denials[0]
        }
        return denials.first(where: \.isCredentialFailure) ?? denials.first { $0.status == .unauthenticated } ?? denials[0]
    }
}
