import AuthGate
import AuthGateHummingbird

/// Decides whether a principal may do an action in its workspace: the token's bound workspace,
/// or a signed-in person's active one. The rules, in the order they are checked:
/// - a user API key has no workspace here (it serves the user-level APIs);
/// - the caller must be a seated member of the workspace (removing a member or their seat ends
///   their access, tokens included, on the next request);
/// - a token needs a plan with API access ("Upgrade to use the API");
/// - a token on a read-only team may only read ("Team API access is read-only");
/// - the member's role must reach the action's.
struct WorkspaceAccess: Sendable {
    let workspaces: WorkspaceStore

    static let apiKeyRefused = Denial(
        .forbidden, code: "api_key_not_accepted", message: "API keys reach the user APIs only; use a personal access token.")
    static let notAMember = Denial(.forbidden, code: "not_a_member", message: "You are not a seated member of this workspace.")
    static let upgradeRequired = Denial(.forbidden, code: "upgrade_required", message: "Upgrade to use the API")
    static let readOnlyTeam = Denial(.forbidden, code: "team_read_only", message: "Team API access is read-only")
    static let roleTooLow = Denial(.forbidden, code: "role_too_low", message: "Your role in this workspace does not allow this.")

    /// The workspace `principal` acts in, or `nil` for one that acts in none (an API key).
    func workspaceID(of principal: Principal) async throws -> String? {
        switch principal {
        case .accessToken(_, _, let workspace): workspace
        case .user(let user): try await workspaces.activeWorkspaceID(of: user.id)
        case .apiKey: nil
        }
    }

    /// The seat `principal` acts from when doing `action`, or the denial that refuses it.
    func seat(of principal: Principal, for action: WorkspaceAction) async throws -> Result<WorkspaceStore.Seat, Denial> {
        guard let user = principal.user, let workspaceID = try await workspaceID(of: principal) else { return .failure(Self.apiKeyRefused) }
        guard let seat = try await workspaces.seat(of: user.id, in: workspaceID), seat.membership.seated else { return .failure(Self.notAMember) }
        if case .accessToken = principal {
            guard seat.workspace.plan.allowsAPIAccess else { return .failure(Self.upgradeRequired) }
            if action.isWrite, seat.workspace.status.isReadOnly { return .failure(Self.readOnlyTeam) }
        }
        guard seat.membership.role.isAtLeast(action.minimumRole) else { return .failure(Self.roleTooLow) }
        return .success(seat)
    }
}
