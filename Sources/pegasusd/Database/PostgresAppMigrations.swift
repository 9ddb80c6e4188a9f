import KeyCorePostgres

/// The daemon's PostgreSQL schema: the tables of ``SQLiteAppMigrations`` in PostgreSQL's types
/// (`timestamptz`, `boolean`, `bigint`), as named migrations applied once each under an
/// advisory lock, so that several instances starting together apply them once. Append new
/// migrations; never edit or reorder one that has shipped.
enum PostgresAppMigrations {
    static var migrations: PostgresMigrations {
        var migrations = PostgresMigrations(component: "pegasusd")
        migrations.append("app v1: users, sessions, refresh tokens, employees, workspaces, bots, conversations, usage", sql: """
            CREATE TABLE "user" (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                is_admin BOOLEAN NOT NULL DEFAULT FALSE,
                created_at TIMESTAMPTZ NOT NULL,
                active_workspace_id TEXT
            );
            CREATE UNIQUE INDEX user_email_lower ON "user" (lower(email));
            CREATE TABLE session (
                digest TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                expires_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX session_by_user ON session(user_id);
            CREATE INDEX session_expiry ON session(expires_at);
            CREATE TABLE refresh_token (
                jti TEXT PRIMARY KEY,
                family TEXT NOT NULL,
                user_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
                expires_at TIMESTAMPTZ NOT NULL,
                used_at TIMESTAMPTZ,
                revoked_at TIMESTAMPTZ
            );
            CREATE INDEX refresh_token_family ON refresh_token(family);
            CREATE INDEX refresh_token_expiry ON refresh_token(expires_at);
            CREATE TABLE employee (
                id TEXT PRIMARY KEY,
                owner_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                department TEXT NOT NULL,
                salary BIGINT NOT NULL CHECK (salary >= 0),
                created_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX employee_owner ON employee(owner_id, created_at);
            CREATE TABLE workspace (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('personal', 'team')),
                plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'ultra')),
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending_cancellation', 'quota_disabled')),
                seats BIGINT NOT NULL CHECK (seats >= 1),
                owner_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE UNIQUE INDEX workspace_personal ON workspace(owner_id) WHERE kind = 'personal';
            ALTER TABLE "user" ADD FOREIGN KEY (active_workspace_id) REFERENCES workspace(id) ON DELETE SET NULL;
            CREATE TABLE membership (
                workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                user_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
                seated BOOLEAN NOT NULL DEFAULT TRUE,
                created_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (workspace_id, user_id)
            );
            CREATE INDEX membership_user ON membership(user_id);
            CREATE TABLE bot (
                id TEXT PRIMARY KEY,
                workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                model TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX bot_workspace ON bot(workspace_id, created_at);
            CREATE TABLE bot_document (
                id TEXT PRIMARY KEY,
                bot_id TEXT NOT NULL REFERENCES bot(id) ON DELETE CASCADE,
                workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX bot_document_bot ON bot_document(bot_id, created_at);
            CREATE TABLE conversation (
                id TEXT PRIMARY KEY,
                workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                bot_id TEXT NOT NULL REFERENCES bot(id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                source TEXT NOT NULL DEFAULT 'api',
                created_by TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX conversation_workspace ON conversation(workspace_id, source, created_at);
            CREATE TABLE message (
                id TEXT PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
                content TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX message_conversation ON message(conversation_id, created_at);
            CREATE TABLE usage_count (
                workspace_id TEXT NOT NULL,
                day TEXT NOT NULL,
                credential_id TEXT NOT NULL,
                credential_kind TEXT NOT NULL,
                endpoint TEXT NOT NULL,
                count BIGINT NOT NULL,
                PRIMARY KEY (workspace_id, day, credential_id, endpoint)
            );
            -- Settings every instance shares, such as the JWT signing secret when none is configured.
            CREATE TABLE app_setting (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )
            """)
        return migrations
    }
}
