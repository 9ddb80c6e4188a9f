import AuthGate
import Foundation
import GRDB

/// A person who signs in: one row of the `user` table.
struct UserAccount: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "user"

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
    /// Read by column rather than through `Decodable`: every API-key request reads its owner.
    init(row: Row) {
        self.init(
            id: row["id"], email: row["email"], passwordHash: row["password_hash"], isAdmin: row["is_admin"],
            createdAt: row["created_at"])
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
