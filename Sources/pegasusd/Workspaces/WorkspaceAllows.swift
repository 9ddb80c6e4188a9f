import AuthGate

/// The workspace part of a product route's permission, after the credential part:
/// `(HasScope(.botsWrite) | IsAuthenticated()) & WorkspaceAllows(.manageBots)`. It reads the
/// principal the credential part allowed on and asks ``WorkspaceAccess`` (through the
/// gatekeeper's context, pegasusd's ``PegasusServices``).
struct WorkspaceAllows: Permission {
    let action: WorkspaceAction

    init(_ action: WorkspaceAction) {
        self.action = action
    }

    struct MissingContext: Error, CustomStringConvertible {
        var description: String { "WorkspaceAllows needs the gatekeeper's context to be PegasusServices" }
    }

    func evaluate(_ request: AuthRequest) async throws -> Decision {
        guard let services = request.context as? PegasusServices else { throw MissingContext() }
        guard let principal = request.principal else { return .deny(.notAuthenticated) }
        switch try await services.access.seat(of: principal, for: action) {
        case .success: return .allow(on: principal)
        case .failure(let denial): return .deny(denial)
        }
    }

    /// It asks for no credential of its own: the credential part of the route documents those.
    func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
}
