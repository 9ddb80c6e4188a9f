/// Allows when every member allows (DRF's `AND`), stopping at the first denial, which is the
/// answer: the member that decided it explains it.
public struct AllOf: Permission {
    public let members: [any Permission]

    public init(_ members: [any Permission]) {
        self.members = members
    }

    public func evaluate(_ request: AuthRequest) async throws -> Decision {
        for member in members {
            if case .deny(let denial) = try await member.evaluate(request) { return .deny(denial) }
        }
        return .allow
    }

    public func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        for member in members {
            if case .deny(let denial) = try await member.evaluate(request, object: object) { return .deny(denial) }
        }
        return .allow
    }

    public func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives {
        members.reduce(SecurityAlternatives.anonymous) { $0.and($1.securityAlternatives(for: method, schemes: schemes)) }
    }
}
