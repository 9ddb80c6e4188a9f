import Foundation

/// A user's place in a workspace: their role, and whether they hold one of its seats.
struct Membership: Codable, Sendable {
    /// Roles from most to least powerful.
    enum Role: String, WireEnum {
        case owner, admin, member, viewer

        private var rank: Int { Self.allCases.firstIndex(of: self)! }

        /// `true` when this role is `other` or above it.
        func isAtLeast(_ other: Role) -> Bool { rank <= other.rank }
    }

    var workspaceID: String
    var userID: String
    var role: Role
    /// A member whose seat was taken away keeps the membership but loses all access.
    var seated: Bool
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case role, seated
        case workspaceID = "workspace_id"
        case userID = "user_id"
        case createdAt = "created_at"
    }
}

extension Membership {
    init(row: SQLRow) throws {
        self.init(
            workspaceID: try row.string("workspace_id"), userID: try row.string("user_id"), role: try row.enumeration("role"),
            seated: try row.bool("seated"), createdAt: try row.date("created_at"))
    }

    func insert(into db: any SQLConnection) async throws {
        try await db.execute(
            "INSERT INTO membership (workspace_id, user_id, role, seated, created_at) VALUES (?, ?, ?, ?, ?)",
            [workspaceID, userID, role, seated, createdAt])
    }
}
