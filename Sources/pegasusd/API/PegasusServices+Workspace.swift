import AuthGate
import AuthGateHummingbird
import KeyCore

extension PegasusServices {
    /// The seat a product handler acts from, for the workspace its permission allowed. A
    /// decision carries only its principal, so the seat is read again (one indexed read): a
    /// change in between answers 403 here, as it would on the next request.
    func seat(of auth: Authorization, for action: WorkspaceAction) async throws -> WorkspaceStore.Seat {
        guard let principal = auth.principal else { throw ProblemError(.forbidden, code: "not_a_member", detail: WorkspaceAccess.notAMember.message) }
        switch try await access.seat(of: principal, for: action) {
        case .success(let seat): return seat
        case .failure(let denial): throw ProblemError(.forbidden, code: denial.code, detail: denial.message)
        }
    }

    /// The workspace a personal access token is bound to, if it still exists.
    func workspace(of token: KeyRecord) async throws -> Workspace? {
        guard let id = token.workspace else { return nil }
        return try await workspaces.workspace(id: id)
    }

    /// A signed-in user's active workspace and their place in it.
    func activeSeat(of user: UserIdentity) async throws -> WorkspaceStore.Seat {
        guard let id = try await workspaces.activeWorkspaceID(of: user.id), let seat = try await workspaces.seat(of: user.id, in: id) else {
            throw ProblemError(.forbidden, code: "not_a_member", detail: WorkspaceAccess.notAMember.message)
        }
        return seat
    }
}
