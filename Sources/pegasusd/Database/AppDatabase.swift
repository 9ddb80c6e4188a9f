import Foundation
import GRDB
import KeyCore

/// The daemon's own tables (accounts, sessions, refresh tokens, employees), in the same SQLite
/// file as the key store but with their own named, append-only migrations.
struct AppDatabase: Sendable {
    let pool: DatabasePool

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.label = "pegasus.app"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw KeyCoreError.storeUnavailable(path: path, reason: "\(error)")
        }
    }

    /// Reads on the calling thread. The reads on the request path are short indexed lookups:
    /// done in place they take ~25 µs, where hopping to GRDB's reader executor with `await`
    /// costs 50–160 µs (DESIGN.md, measured floors) and a third of the server's throughput.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("app v1: users, sessions, refresh tokens") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                    id TEXT PRIMARY KEY NOT NULL,
                    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    password_hash TEXT NOT NULL,
                    is_admin INTEGER NOT NULL DEFAULT 0,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE session (
                    digest TEXT PRIMARY KEY NOT NULL,
                    user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL
                );
                CREATE INDEX session_user ON session(user_id);
                CREATE TABLE refresh_token (
                    jti TEXT PRIMARY KEY NOT NULL,
                    family TEXT NOT NULL,
                    user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    expires_at DATETIME NOT NULL,
                    used_at DATETIME,
                    revoked_at DATETIME
                );
                CREATE INDEX refresh_token_family ON refresh_token(family);
                """)
        }
        migrator.registerMigration("app v2: employees demo") { db in
            try db.execute(sql: """
                CREATE TABLE employee (
                    id TEXT PRIMARY KEY NOT NULL,
                    owner_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    department TEXT NOT NULL,
                    salary INTEGER NOT NULL CHECK (salary >= 0),
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE INDEX employee_owner ON employee(owner_id, created_at);
                """)
        }
        return migrator
    }
}
