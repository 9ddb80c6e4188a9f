import KeyCore
import GRDB

/// The SQLite schema, as named migrations applied in order. Append new migrations; never edit
/// or reorder one that has shipped.
enum KeyStoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: stored keys") { db in
            // Times are Unix milliseconds (exact round trips; `datetime(x / 1000, 'unixepoch')`
            // reads them). The lookup id is the primary key of a WITHOUT ROWID table, so the verification
            // read is a single B-tree search that lands on the whole row.
            try db.execute(sql: """
                CREATE TABLE stored_key (
                    lookup_id    TEXT PRIMARY KEY NOT NULL,
                    id           TEXT NOT NULL UNIQUE,
                    type         TEXT NOT NULL,
                    digest       TEXT NOT NULL,
                    name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
                    owner        TEXT,
                    scopes       TEXT NOT NULL DEFAULT '',
                    created_at   INTEGER NOT NULL,
                    expires_at   INTEGER,
                    revoked_at   INTEGER,
                    last_used_at INTEGER
                ) WITHOUT ROWID;
                CREATE INDEX stored_key_owner ON stored_key (owner, created_at);
                CREATE INDEX stored_key_created ON stored_key (created_at);
                -- Revocation is one way, whatever code runs against this file.
                CREATE TRIGGER stored_key_revocation_is_final
                BEFORE UPDATE OF revoked_at ON stored_key
                WHEN OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NOT OLD.revoked_at
                BEGIN SELECT RAISE(ABORT, 'revocation is final'); END;
                """)
        }
        migrator.registerMigration("v2: the workspace a personal access token is bound to") { db in
            try db.execute(sql: "ALTER TABLE stored_key ADD COLUMN workspace TEXT")
        }
        migrator.registerMigration("v3: settings of the store, such as the pepper fingerprint") { db in
            try db.execute(sql: "CREATE TABLE key_store_setting (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID")
        }
        return migrator
    }
}
