import AuthGate
import AuthGateHummingbird
import Foundation
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
            try await database.write { db in
                try await db.execute(
                    #"INSERT INTO "user" (id, email, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?)"#,
                    [account.id, account.email, account.passwordHash, account.isAdmin, account.createdAt])
                try await WorkspaceStore.createPersonal(for: account.id, at: account.createdAt, in: db)
            }
        } catch is UniqueConstraintViolation {
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
        guard let account = try await account(email: credentials.email) else {
            _ = try await hashing.run { [passwords] in passwords.verify(credentials.password, against: Self.decoyHash) }
            return nil
        }
        let matches = try await hashing.run { [passwords] in passwords.verify(credentials.password, against: account.passwordHash) }
        return matches ? account : nil
    }

    /// The account with this id: every API-key request asks it (the key owner).
    func account(id: String) async throws -> UserAccount? {
        try await database.read { db in
            try await db.fetchOne(#"SELECT \#(UserAccount.columns) FROM "user" WHERE id = ?"#, [id]).map(UserAccount.init(row:))
        }
    }

    /// The account with this email (compared without case, ASCII letters only, on both back
    /// ends), if any.
    func account(email: String) async throws -> UserAccount? {
        let email = email.trimmingCharacters(in: .whitespaces)
        return try await database.read { db in
            try await db.fetchOne(#"SELECT \#(UserAccount.columns) FROM "user" WHERE lower(email) = lower(?)"#, [email])
                .map(UserAccount.init(row:))
        }
    }

    func allAccounts() async throws -> [UserAccount] {
        try await database.read { db in
            try await db.fetchAll(#"SELECT \#(UserAccount.columns) FROM "user" ORDER BY created_at, id"#, []).map(UserAccount.init(row:))
        }
    }

    func user(id: String) async throws -> UserIdentity? {
        try await account(id: id)?.identity
    }

    /// A yescrypt hash of a random password, verified against when the email is unknown.
    private static let decoyHash = (try? PasswordHasher().hash(UUID().uuidString)) ?? ""
}
