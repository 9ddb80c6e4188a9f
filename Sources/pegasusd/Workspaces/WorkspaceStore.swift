import AuthGateHummingbird
import Foundation
import GRDB

/// Workspaces and memberships. Every read goes to the database, so a plan, status, role or
/// membership changed by the CLI or the API decides the very next request.
struct WorkspaceStore: Sendable {
    let database: AppDatabase

    /// A workspace together with the caller's membership in it.
    struct Seat: Sendable {
        let workspace: Workspace
        let membership: Membership
    }

    // MARK: Creating

    /// The personal workspace every user gets, written in the transaction that creates the user.
    static func createPersonal(for userID: String, at date: Date, in db: Database) throws {
        let workspace = Workspace(
            id: newID(), name: "Personal", kind: .personal, plan: .free, status: .active, seats: 1, ownerID: userID, createdAt: date)
        try workspace.insert(db)
        try Membership(workspaceID: workspace.id, userID: userID, role: .owner, seated: true, createdAt: date).insert(db)
    }

    /// A new team owned by `ownerID`, on the Free plan until an administrator changes it.
    func createTeam(name: String, ownerID: String, plan: Workspace.Plan = .free, seats: Int = Workspace.defaultSeats) async throws -> Workspace {
        let name = try Self.validatedName(name)
        guard seats >= 1 else { throw ProblemError(.badRequest, code: "invalid_seats", detail: "A team has at least one seat.") }
        let now = Date()
        let workspace = Workspace(id: Self.newID(), name: name, kind: .team, plan: plan, status: .active, seats: seats, ownerID: ownerID, createdAt: now)
        try await database.pool.write { db in
            try workspace.insert(db)
            try Membership(workspaceID: workspace.id, userID: ownerID, role: .owner, seated: true, createdAt: now).insert(db)
        }
        return workspace
    }

    // MARK: Reading

    /// Asked on every token request (metering, then the workspace rules): cached statement.
    func workspace(id: String) throws -> Workspace? {
        try database.read { db in
            try SQLRequest<Workspace>(sql: "SELECT * FROM workspace WHERE id = ?", arguments: [id], cached: true).fetchOne(db)
        }
    }

    func all() throws -> [Workspace] {
        try database.read { db in try Workspace.order(Column("created_at"), Column("id")).fetchAll(db) }
    }

    /// `userID`'s place in `workspaceID`, or `nil` when they are not a member.
    func seat(of userID: String, in workspaceID: String) throws -> Seat? {
        try database.read { db in try Self.seat(of: userID, in: workspaceID, db) }
    }

    /// Every workspace `userID` belongs to, personal first, then teams oldest first.
    func seats(of userID: String) throws -> [Seat] {
        try database.read { db in
            let memberships = try Membership.filter(Column("user_id") == userID).fetchAll(db)
            let seats = try memberships.compactMap { membership in
                try Workspace.fetchOne(db, key: membership.workspaceID).map { Seat(workspace: $0, membership: membership) }
            }
            // Personal first, then teams oldest first.
            let order = { (seat: Seat) in (seat.workspace.kind == .personal ? 0 : 1, seat.workspace.createdAt) }
            return seats.sorted { order($0) < order($1) }
        }
    }

    /// Asked on every API-key request (metering): cached statement.
    func personalWorkspace(of userID: String) throws -> Workspace? {
        try database.read { db in
            try SQLRequest<Workspace>(
                sql: "SELECT * FROM workspace WHERE owner_id = ? AND kind = 'personal'", arguments: [userID], cached: true
            ).fetchOne(db)
        }
    }

    /// The workspace `userID` works in when signed in: the one they activated while they are
    /// still a seated member of it, else their personal workspace.
    func activeWorkspaceID(of userID: String) throws -> String? {
        try database.read { db in
            if let chosen = try String.fetchOne(db, sql: "SELECT active_workspace_id FROM user WHERE id = ?", arguments: [userID]),
               let seat = try Self.seat(of: userID, in: chosen, db), seat.membership.seated {
                return chosen
            }
            return try String.fetchOne(db, sql: "SELECT id FROM workspace WHERE owner_id = ? AND kind = 'personal'", arguments: [userID])
        }
    }

    func members(of workspaceID: String) throws -> [Membership] {
        try database.read { db in
            try Membership.filter(Column("workspace_id") == workspaceID).order(Column("created_at"), Column("user_id")).fetchAll(db)
        }
    }

    // MARK: Changing

    /// Makes `workspaceID` the one new tokens of `userID` bind to.
    func activate(_ workspaceID: String, for userID: String) async throws {
        try await database.pool.write { db in
            guard let seat = try Self.seat(of: userID, in: workspaceID, db), seat.membership.seated else {
                throw ProblemError.notFound("workspace")
            }
            try db.execute(sql: "UPDATE user SET active_workspace_id = ? WHERE id = ?", arguments: [workspaceID, userID])
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
        return try await database.pool.write { db in
            let workspace = try Self.team(workspaceID, db)
            if try Membership.fetchOne(db, key: ["workspace_id": workspaceID, "user_id": userID]) != nil {
                throw ProblemError.conflict("This user is already a member.", code: "already_member")
            }
            try Self.requireFreeSeat(in: workspace, db)
            let membership = Membership(workspaceID: workspaceID, userID: userID, role: role, seated: true, createdAt: Date())
            try membership.insert(db)
            return membership
        }
    }

    /// Changes a member's role or seat. The owner keeps both.
    func updateMember(_ userID: String, in workspaceID: String, role: Membership.Role?, seated: Bool?) async throws -> Membership {
        try await database.pool.write { db in
            let workspace = try Self.team(workspaceID, db)
            guard var membership = try Membership.fetchOne(db, key: ["workspace_id": workspaceID, "user_id": userID]) else {
                throw ProblemError.notFound("member")
            }
            guard membership.role != .owner else {
                throw ProblemError(.badRequest, code: "owner_fixed", detail: "The owner's role and seat cannot change.")
            }
            if role == .owner { throw ProblemError(.badRequest, code: "invalid_role", detail: "A team has one owner, its creator.") }
            if seated == true, !membership.seated { try Self.requireFreeSeat(in: workspace, db) }
            membership.role = role ?? membership.role
            membership.seated = seated ?? membership.seated
            try membership.update(db)
            return membership
        }
    }

    /// Removes a member; their tokens for this team stop working at once (they are no longer
    /// a member when the next request is decided).
    func removeMember(_ userID: String, from workspaceID: String) async throws {
        try await database.pool.write { db in
            _ = try Self.team(workspaceID, db)
            guard let membership = try Membership.fetchOne(db, key: ["workspace_id": workspaceID, "user_id": userID]) else {
                throw ProblemError.notFound("member")
            }
            guard membership.role != .owner else {
                throw ProblemError(.badRequest, code: "owner_fixed", detail: "The owner cannot be removed.")
            }
            try membership.delete(db)
        }
    }

    // MARK: Helpers

    static func validatedName(_ name: String) throws -> String {
        try Workspace.nameRule.checked(name, field: "name")
    }

    private func update(_ workspaceID: String, column: String, to value: String) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE workspace SET \(column) = ? WHERE id = ?", arguments: [value, workspaceID])
            guard db.changesCount > 0 else { throw ProblemError.notFound("workspace") }
        }
    }

    /// On every token request (the permission and the handler each read it): both statements
    /// are prepared once per connection.
    private static func seat(of userID: String, in workspaceID: String, _ db: Database) throws -> Seat? {
        guard let membership = try SQLRequest<Membership>(
                sql: "SELECT * FROM membership WHERE workspace_id = ? AND user_id = ?", arguments: [workspaceID, userID], cached: true
              ).fetchOne(db),
              let workspace = try SQLRequest<Workspace>(sql: "SELECT * FROM workspace WHERE id = ?", arguments: [workspaceID], cached: true).fetchOne(db)
        else { return nil }
        return Seat(workspace: workspace, membership: membership)
    }

    private static func team(_ workspaceID: String, _ db: Database) throws -> Workspace {
        guard let workspace = try Workspace.fetchOne(db, key: workspaceID) else { throw ProblemError.notFound("workspace") }
        guard workspace.kind == .team else {
            throw ProblemError(.badRequest, code: "personal_workspace", detail: "A personal workspace has no other members.")
        }
        return workspace
    }

    private static func requireFreeSeat(in workspace: Workspace, _ db: Database) throws {
        let taken = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM membership WHERE workspace_id = ? AND seated = 1", arguments: [workspace.id]) ?? 0
        guard taken < workspace.seats else {
            throw ProblemError.conflict("Every seat of this team is taken.", code: "no_free_seat")
        }
    }

    private static func newID() -> String { UUID().uuidString.lowercased() }
}
