import AuthGate
import AuthGateHummingbird
import Foundation
import GRDB
import KeyCore
import PasswordHashing

/// Creates users and checks their passwords; the ``UserDirectory`` AuthGate asks about key owners.
struct AccountStore: UserDirectory {
    let database: AppDatabase
    let passwords = PasswordHasher()
    /// Where hashing runs: off the cooperative pool, bounded (a login flood gets 503s, not a
    /// stalled server).
    var hashing = BlockingWorkLimiter()

    /// Registers a user after validating the email and password, with their personal workspace.
    /// - Throws: ``ProblemError`` 400 for invalid input, 409 `email_taken` for a used address.
    func create(_ credentials: Credentials, isAdmin: Bool = false) async throws -> UserAccount {
        let email = try credentials.validatedEmail()
        try credentials.validatePassword(for: email)
        let account = UserAccount(
            id: UUID().uuidString.lowercased(), email: email,
            passwordHash: try await hashing.run { [passwords] in try passwords.hash(credentials.password) },
            isAdmin: isAdmin, createdAt: Date())
        do {
            try await database.pool.write { db in
                try account.insert(db)
                try WorkspaceStore.createPersonal(for: account.id, at: account.createdAt, in: db)
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw ProblemError(.conflict, code: "email_taken", detail: "A user with this email already exists.")
        }
        return account
    }

    /// The account whose password matches, else `nil`. An unknown email costs a hash too, so
    /// response time does not tell which emails exist.
    /// - Throws: 400 for a password no account can have (too long, control characters), as
    ///   registration refuses it, before any hashing.
    func authenticate(_ credentials: Credentials) async throws -> UserAccount? {
        try credentials.validatePasswordShape()
        let email = credentials.email.trimmingCharacters(in: .whitespaces)
        let account = try database.read { db in
            try UserAccount.filter(Column("email") == email).fetchOne(db)
        }
        guard let account else {
            _ = try await hashing.run { [passwords] in passwords.verify(credentials.password, against: Self.decoyHash) }
            return nil
        }
        let matches = try await hashing.run { [passwords] in passwords.verify(credentials.password, against: account.passwordHash) }
        return matches ? account : nil
    }

    /// The account with this id. Every API-key request asks it (the key owner), so the
    /// statement is prepared once and cached.
    func account(id: String) throws -> UserAccount? {
        try database.read { db in
            try SQLRequest<UserAccount>(sql: "SELECT * FROM user WHERE id = ?", arguments: [id], cached: true).fetchOne(db)
        }
    }

    /// The account with this email (compared without case), if any.
    func account(email: String) throws -> UserAccount? {
        let email = email.trimmingCharacters(in: .whitespaces)
        return try database.read { db in try UserAccount.filter(Column("email") == email).fetchOne(db) }
    }

    func allAccounts() async throws -> [UserAccount] {
        try database.read { db in try UserAccount.order(Column("created_at")).fetchAll(db) }
    }

    func user(id: String) async throws -> UserIdentity? {
        try account(id: id)?.identity
    }

    /// A yescrypt hash of a random password, verified against when the email is unknown.
    private static let decoyHash = (try? PasswordHasher().hash(UUID().uuidString)) ?? ""
}
