import AuthGate
import Foundation
import GRDB

/// Browser sessions: the cookie holds a random token, the table holds its digest, the user and
/// the CSRF token the browser must echo on unsafe requests.
struct SessionStore: SessionResolver {
    let database: AppDatabase
    let lifetime: TimeInterval

    /// A new session for `user`: the cookie value and CSRF token to hand to the browser.
    func start(for user: UserAccount) async throws -> (cookie: String, csrfToken: String) {
        let cookie = SecureToken.make()
        let csrfToken = SecureToken.make()
        let now = Date()
        try await database.pool.write { db in
            try db.execute(
                sql: "INSERT INTO session (digest, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [SecureToken.digest(cookie), user.id, csrfToken, now, now.addingTimeInterval(lifetime)])
            // Keep the table small: sessions past their expiry are dead anyway.
            try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [now])
        }
        return (cookie, csrfToken)
    }

    func session(forCookie value: String) async throws -> ResolvedSession? {
        let digest = SecureToken.digest(value)
        return try database.read { db in
            // On every browser request: prepared once per connection.
            let statement = try db.cachedStatement(sql: """
                SELECT session.csrf_token, user.* FROM session JOIN user ON user.id = session.user_id
                WHERE session.digest = ? AND session.expires_at > ?
                """)
            let row = try Row.fetchOne(statement, arguments: [digest, Date()])
            guard let row else { return nil }
            let account = UserAccount(row: row)
            return ResolvedSession(user: account.identity, csrfToken: row["csrf_token"])
        }
    }

    /// Ends the session with this cookie value, if it exists.
    func end(cookie: String) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE digest = ?", arguments: [SecureToken.digest(cookie)])
        }
    }
}
