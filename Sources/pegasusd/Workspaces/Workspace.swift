import FieldRules
import Foundation

/// Where product data lives and API access is decided: a user's personal workspace, or a team.
struct Workspace: Codable, Sendable {
    enum Kind: String, WireEnum {
        case personal, team
    }

    /// What the workspace pays for. API access (personal access tokens) needs Pro or Ultra.
    enum Plan: String, WireEnum {
        case free, pro, ultra

        var allowsAPIAccess: Bool { self != .free }
    }

    enum Status: String, WireEnum {
        case active
        case pendingCancellation = "pending_cancellation"
        case quotaDisabled = "quota_disabled"

        /// A team that is being cancelled or whose quota is disabled keeps read access only.
        var isReadOnly: Bool { self != .active }
    }

    var id: String
    var name: String
    var kind: Kind
    var plan: Plan
    var status: Status
    /// How many members may hold a seat (teams); a member without a seat has no access.
    var seats: Int
    var ownerID: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, kind, plan, status, seats
        case ownerID = "owner_id"
        case createdAt = "created_at"
    }

    static let nameRule = TextRule(lengths: 1...100)
    static let defaultSeats = 5
}

extension Workspace {
    /// The columns a row of `workspace` is read from.
    static let columns = "workspace.id, workspace.name, workspace.kind, workspace.plan, workspace.status, workspace.seats, workspace.owner_id, workspace.created_at"

    /// Read by column: token and key requests read their workspace on every call.
    init(row: SQLRow) throws {
        self.init(
            id: try row.string("id"), name: try row.string("name"), kind: try row.enumeration("kind"), plan: try row.enumeration("plan"),
            status: try row.enumeration("status"), seats: try row.int("seats"), ownerID: try row.string("owner_id"),
            createdAt: try row.date("created_at"))
    }

    func insert(into db: any SQLConnection) async throws {
        try await db.execute(
            "INSERT INTO workspace (id, name, kind, plan, status, seats, owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [id, name, kind, plan, status, seats, ownerID, createdAt])
    }
}
