import GRDB

/// The daemon's SQLite schema, as named migrations applied in order (GRDB records them in
/// `grdb_migrations`). Append new migrations; never edit or reorder one that has shipped.
/// ``PostgresAppMigrations`` makes the same tables on PostgreSQL.
enum SQLiteAppMigrations {
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
        migrator.registerMigration("app v3: workspaces, memberships, bots, API conversations, usage") { db in
            try db.execute(sql: """
                CREATE TABLE workspace (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('personal', 'team')),
                    plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'ultra')),
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending_cancellation', 'quota_disabled')),
                    seats INTEGER NOT NULL CHECK (seats >= 1),
                    owner_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    created_at DATETIME NOT NULL
                );
                CREATE UNIQUE INDEX workspace_personal ON workspace(owner_id) WHERE kind = 'personal';
                CREATE TABLE membership (
                    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
                    seated INTEGER NOT NULL DEFAULT 1,
                    created_at DATETIME NOT NULL,
                    PRIMARY KEY (workspace_id, user_id)
                ) WITHOUT ROWID;
                CREATE INDEX membership_user ON membership(user_id);
                ALTER TABLE user ADD COLUMN active_workspace_id TEXT REFERENCES workspace(id) ON DELETE SET NULL;
                INSERT INTO workspace (id, name, kind, plan, status, seats, owner_id, created_at)
                    SELECT lower(hex(randomblob(16))), 'Personal', 'personal', 'free', 'active', 1, id, created_at FROM user;
                INSERT INTO membership (workspace_id, user_id, role, seated, created_at)
                    SELECT id, owner_id, 'owner', 1, created_at FROM workspace;
                CREATE TABLE bot (
                    id TEXT PRIMARY KEY NOT NULL,
                    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    model TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE INDEX bot_workspace ON bot(workspace_id, created_at);
                CREATE TABLE bot_document (
                    id TEXT PRIMARY KEY NOT NULL,
                    bot_id TEXT NOT NULL REFERENCES bot(id) ON DELETE CASCADE,
                    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX bot_document_bot ON bot_document(bot_id, created_at);
                CREATE TABLE conversation (
                    id TEXT PRIMARY KEY NOT NULL,
                    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    bot_id TEXT NOT NULL REFERENCES bot(id) ON DELETE CASCADE,
                    title TEXT NOT NULL,
                    source TEXT NOT NULL DEFAULT 'api',
                    created_by TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX conversation_workspace ON conversation(workspace_id, source, created_at);
                CREATE TABLE message (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
                    content TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX message_conversation ON message(conversation_id, created_at);
                CREATE TABLE usage_count (
                    workspace_id TEXT NOT NULL,
                    day TEXT NOT NULL,
                    credential_id TEXT NOT NULL,
                    credential_kind TEXT NOT NULL,
                    endpoint TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (workspace_id, day, credential_id, endpoint)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("app v4: emails looked up by lower(email), as on PostgreSQL") { db in
            // Both back ends compare emails with lower(…): NOCASE's index cannot serve that.
            try db.execute(sql: "CREATE INDEX user_email_lower ON user(lower(email))")
        }
        return migrator
    }
}
