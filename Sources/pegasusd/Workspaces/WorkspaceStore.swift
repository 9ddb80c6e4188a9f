import AuthGateHummingbird
import Foundation

/// Workspaces and memberships. Every read goes to the database, so a plan, status, role or
/// membership changed by the CLI, the API or another instance decides the very next request.
struct WorkspaceStore: Sendable {
    let database: AppDatabase

    /// A workspace together with the caller's membership in it.
    struct Seat: Sendable {
        let workspace: Workspace
        let membership: Membership
    }

    private static let membershipColumns = "membership.workspace_id, membership.user_id, membership.role, membership.seated, membership.created_at"

    // MARK: Creating

    /// The personal workspace every user gets, written in the transaction that creates the user.
    static func createPersonal(for userID: String, at date: Date, in db: any SQLConnection) async throws {
        let workspace = Workspace(
            id: newID(), name: "Personal", kind: .personal, plan: .free, status: .active, seats: 1, ownerID: userID, createdAt: date)
        try await workspace.insert(into: db)
        try await Membership(workspaceID: workspace.id, userID: userID, role: .owner, seated: true, createdAt: date).insert(into: db)
    }

    /// A new team owned by `ownerID`, on the Free plan until an administrator changes it.
    func createTeam(name: String, ownerID: String, plan: Workspace.Plan = .free, seats: Int = Workspace.defaultSeats) async throws -> Workspace {
        let name = try Self.validatedName(name)
        guard seats >= 1 else { throw ProblemError(.badRequest, code: "invalid_seats", detail: "A team has at least one seat.") }
        let now = Date()
        let workspace = Workspace(id: Self.newID(), name: name, kind: .team, plan: plan, status: .active, seats: seats, ownerID: ownerID, createdAt: now)
        try await database.write { db in
            try await workspace.insert(into: db)
            try await Membership(workspaceID: workspace.id, userID: ownerID, role: .owner, seated: true, createdAt: now).insert(into: db)
        }
        return workspace
    }

    // MARK: Reading

    /// Asked on every token request (metering, then the workspace rules).
    func workspace(id: String) async throws -> Workspace? {
        try await database.read { db in try await Self.workspace(id, db) }
    }

    func all() async throws -> [Workspace] {
        try await database.read { db in
            try await db.fetchAll("SELECT \(Workspace.columns) FROM workspace ORDER BY created_at, id", []).map(Workspace.init(row:))
        }
    }

    /// `userID`'s place in `workspaceID`, or `nil` when they are not a member.
    func seat(of userID: String, in workspaceID: String) async throws -> Seat? {
        try await database.read { db in try await Self.seat(of: userID, in: workspaceID, db) }
    }

    /// Every workspace `userID` belongs to, personal first, then teams oldest first.
    func seats(of userID: String) async throws -> [Seat] {
        try await database.read { db in
            try await db.fetchAll("""
                SELECT \(Workspace.columns), membership.role, membership.seated, membership.created_at AS joined_at
                FROM membership JOIN workspace ON workspace.id = membership.workspace_id
                WHERE membership.user_id = ?
                ORDER BY CASE workspace.kind WHEN 'personal' THEN 0 ELSE 1 END, workspace.created_at, workspace.id
                """, [userID]).map { row in
                let workspace = try Workspace(row: row)
                return Seat(
                    workspace: workspace,
                    membership: Membership(
                        workspaceID: workspace.id, userID: userID, role: try row.enumeration("role"), seated: try row.bool("seated"),
                        createdAt: try row.date("joined_at")))
            }
        }
    }

    /// Asked on every API-key request (metering).
    func personalWorkspace(of userID: String) async throws -> Workspace? {
        try await database.read { db in
            try await db.fetchOne("SELECT \(Workspace.columns) FROM workspace WHERE owner_id = ? AND kind = 'personal'", [userID])
                .map(Workspace.init(row:))
        }
    }

    /// The workspace `userID` works in when signed in: the one they activated while they are
    /// still a seated member of it, else their personal workspace.
    func activeWorkspaceID(of userID: String) async throws -> String? {
        try await database.read { db in
            if let chosen = try await db.fetchOne(#"SELECT active_workspace_id FROM "user" WHERE id = ?"#, [userID])?
                .optionalString("active_workspace_id"),
               let seat = try await Self.seat(of: userID, in: chosen, db), seat.membership.seated {
                return chosen
            }
            return try await db.fetchOne("SELECT id FROM workspace WHERE owner_id = ? AND kind = 'personal'", [userID])?.string("id")
        }
    }

    func members(of workspaceID: String) async throws -> [Membership] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT \(Self.membershipColumns) FROM membership WHERE workspace_id = ? ORDER BY created_at, user_id", [workspaceID]
            ).map(Membership.init(row:))
        }
    }

    // MARK: Changing

    /// Makes `workspaceID` the one new tokens of `userID` bind to.
    func activate(_ workspaceID: String, for userID: String) async throws {
        try await database.write { db in
            guard let seat = try await Self.seat(of: userID, in: workspaceID, db), seat.membership.seated else {
                throw ProblemError.notFound("workspace")
            }
            try await db.execute(#"UPDATE "user" SET active_workspace_id = ? WHERE id = ?"#, [workspaceID, userID])
        }
    }

    func setPlan(_ plan: Workspace.Plan, of workspaceID: String) async throws {
        try await update(workspaceID, column: "plan", to: plan.rawValue)
    }

    func setStatus(_ status: Workspace.Status, of workspaceID: String) async throws {
        try await update(workspaceID, column: "status", to: status.rawValue)
    }

    /// Adds `userID` to a team with `role`, seated while seats are free.
    /// - Throws: 409 when they are a member already or when every seat is taken; 400 for a
    ///   personal workspace or the owner role.
    func addMember(_ userID: String, to workspaceID: String, role: Membership.Role) async throws -> Membership {
        guard role != .owner else { throw ProblemError(.badRequest, code: "invalid_role", detail: "A team has one owner, its creator.") }
        return try await database.write { db in
            let workspace = try await Self.team(workspaceID, db)
            if try await Self.membership(of: userID, in: workspaceID, db) != nil {
                throw ProblemError.conflict("This user is already a member.", code: "already_member")
            }
            try await Self.requireFreeSeat(in: workspace, db)
            let membership = Membership(workspaceID: workspaceID, userID: userID, role: role, seated: true, createdAt: Date())
            try await membership.insert(into: db)
            return membership
        }
    }

    /// Changes a member's role or seat. The owner keeps both.
    func updateMember(_ userID: String, in workspaceID: String, role: Membership.Role?, seated: Bool?) async throws -> Membership {
        try await database.write { db in
            let workspace = try await Self.team(workspaceID, db)
            guard var membership = try await Self.membership(of: userID, in: workspaceID, db) else {
                throw ProblemError.notFound("member")
            }
            guard membership.role != .owner else {
                throw ProblemError(.badRequest, code: "owner_fixed", detail: "The owner's role and seat cannot change.")
            }
            if role == .owner { throw ProblemError(.badRequest, code: "invalid_role", detail: "A team has one owner, its creator.") }
            if seated == true, !membership.seated { try await Self.requireFreeSeat(in: workspace, db) }
            membership.role = role ?? membership.role
            membership.seated = seated ?? membership.seated
            try await db.execute(
                "UPDATE membership SET role = ?, seated = ? WHERE workspace_id = ? AND user_id = ?",
                [membership.role, membership.seated, workspaceID, userID])
            return membership
        }
    }

    /// Removes a member; their tokens for this team stop working at once (they are no longer
    /// a member when the next request is decided).
    func removeMember(_ userID: String, from workspaceID: String) async throws {
        try await database.write { db in
            _ = try await Self.team(workspaceID, db)
            guard let membership = try await Self.membership(of: userID, in: workspaceID, db) else {
                throw ProblemError.notFound("member")
            }
            guard membership.role != .owner else {
                throw ProblemError(.badRequest, code: "owner_fixed", detail: "The owner cannot be removed.")
            }
            try await db.execute("DELETE FROM membership WHERE workspace_id = ? AND user_id = ?", [workspaceID, userID])
        }
    }

    // MARK: Helpers

    static func validatedName(_ name: String) throws -> String {
        try Workspace.nameRule.checked(name, field: "name")
    }

    /// `column` is one of this file's literals, never input.
    private func update(_ workspaceID: String, column: String, to value: String) async throws {
        try await database.write { db in
            guard try await db.execute("UPDATE workspace SET \(column) = ? WHERE id = ?", [value, workspaceID]) > 0 else {
                throw ProblemError.notFound("workspace")
            }
        }
    }

    private static func workspace(_ id: String, _ db: any SQLConnection) async throws -> Workspace? {
        try await db.fetchOne("SELECT \(Workspace.columns) FROM workspace WHERE id = ?", [id]).map(Workspace.init(row:))
    }

    private static func membership(of userID: String, in workspaceID: String, _ db: any SQLConnection) async throws -> Membership? {
        try await db.fetchOne("SELECT \(membershipColumns) FROM membership WHERE workspace_id = ? AND user_id = ?", [workspaceID, userID])
            .map(Membership.init(row:))
    }

    /// On every token request (the permission and the handler each read it).
    private static func seat(of userID: String, in workspaceID: String, _ db: any SQLConnection) async throws -> Seat? {
        guard let membership = try await membership(of: userID, in: workspaceID, db), let workspace = try await workspace(workspaceID, db)
        else { return nil }
        return Seat(workspace: workspace, membership: membership)
    }

    private static func team(_ workspaceID: String, _ db: any SQLConnection) async throws -> Workspace {
        guard let workspace = try await workspace(workspaceID, db) else { throw ProblemError.notFound("workspace") }
        guard workspace.kind == .team else {
            throw ProblemError(.badRequest, code: "personal_workspace", detail: "A personal workspace has no other members.")
        }
        return workspace
    }

    private static func requireFreeSeat(in workspace: Workspace, _ db: any SQLConnection) async throws {
        let taken = try await db.fetchCount("SELECT COUNT(*) FROM membership WHERE workspace_id = ? AND seated = ?", [workspace.id, true])
        guard taken < workspace.seats else {
            throw ProblemError.conflict("Every seat of this team is taken.", code: "no_free_seat")
        }
    }

    private static func newID() -> String { UUID().uuidString.lowercased() }
}
