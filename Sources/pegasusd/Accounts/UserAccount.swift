import AuthGate
import Foundation

/// A person who signs in: one row of the `user` table.
struct UserAccount: Codable, Sendable {
    var id: String
    var email: String
    /// A crypt(3) hash (yescrypt by default); never the password.
    var passwordHash: String
    var isAdmin: Bool
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, email
        case passwordHash = "password_hash"
        case isAdmin = "is_admin"
        case createdAt = "created_at"
    }

    var identity: UserIdentity { UserIdentity(id: id, email: email, isAdmin: isAdmin) }
}

extension UserAccount {
    /// The columns a row of `"user"` is read from.
    static let columns = #""user".id, "user".email, "user".password_hash, "user".is_admin, "user".created_at"#

    /// Read by column: every API-key request reads its owner.
    init(row: SQLRow) throws {
        self.init(
            id: try row.string("id"), email: try row.string("email"), passwordHash: try row.string("password_hash"),
            isAdmin: try row.bool("is_admin"), createdAt: try row.date("created_at"))
    }
}

/// A user as the API shows it (`GET /api/auth/user/`, login responses).
struct UserListing: Codable {
    let id: String
    let email: String
    let isAdmin: Bool
    let created: Date

    init(_ account: UserAccount) {
        id = account.id
        email = account.email
        isAdmin = account.isAdmin
        created = account.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, email, created
        case isAdmin = "is_admin"
    }
}
