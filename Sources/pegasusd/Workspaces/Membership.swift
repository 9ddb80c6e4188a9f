import Foundation
import GRDB

/// A user's place in a workspace: their role, and whether they hold one of its seats.
struct Membership: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "membership"

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
