import FieldRules
import Foundation
import GRDB

/// Where product data lives and API access is decided: a user's personal workspace, or a team.
struct Workspace: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "workspace"

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
    /// Read by column rather than through `Decodable`: token and key requests read their
    /// workspace on every call.
    init(row: Row) throws {
        self.init(
            id: row["id"], name: row["name"], kind: try row.value(of: "kind"), plan: try row.value(of: "plan"),
            status: try row.value(of: "status"), seats: row["seats"], ownerID: row["owner_id"], createdAt: row["created_at"])
    }
}
