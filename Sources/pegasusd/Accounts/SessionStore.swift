import AuthGate
import Foundation

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
        try await database.write { db in
            try await db.execute(
                "INSERT INTO session (digest, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                [SecureToken.digest(cookie), user.id, csrfToken, now, now.addingTimeInterval(lifetime)])
            // Keep the table small: sessions past their expiry are dead anyway.
            try await db.execute("DELETE FROM session WHERE expires_at < ?", [now])
        }
        return (cookie, csrfToken)
    }

    func session(forCookie value: String) async throws -> ResolvedSession? {
        let digest = SecureToken.digest(value)
        return try await database.read { db in
            let row = try await db.fetchOne(#"""
                SELECT session.csrf_token, \#(UserAccount.columns) FROM session JOIN "user" ON "user".id = session.user_id
                WHERE session.digest = ? AND session.expires_at > ?
                """#, [digest, Date()])
            guard let row else { return nil }
            return ResolvedSession(user: try UserAccount(row: row).identity, csrfToken: try row.string("csrf_token"))
        }
    }

    /// Ends the session with this cookie value, if it exists.
    func end(cookie: String) async throws {
        try await database.write { db in
            try await db.execute("DELETE FROM session WHERE digest = ?", [SecureToken.digest(cookie)])
        }
    }
}
