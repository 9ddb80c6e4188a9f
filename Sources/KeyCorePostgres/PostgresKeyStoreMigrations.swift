/// The PostgreSQL schema of ``PostgresKeyStore``: the SQLite store's, with PostgreSQL's types.
/// Append new migrations; never edit or reorder one that has shipped.
enum PostgresKeyStoreMigrations {
    static let migrations: PostgresMigrations = {
        var migrations = PostgresMigrations(component: "keycore")
        // Times are Unix milliseconds, as in SQLite (`to_timestamp(x / 1000.0)` reads them);
        // the name's CHECK counts characters as SQLite's length() does.
        migrations.append("v1: stored keys", sql: """
            CREATE TABLE stored_key (
                lookup_id    TEXT PRIMARY KEY,
                id           TEXT NOT NULL UNIQUE,
                type         TEXT NOT NULL,
                digest       TEXT NOT NULL,
                name         TEXT NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 50),
                owner        TEXT,
                scopes       TEXT NOT NULL DEFAULT '',
                created_at   BIGINT NOT NULL,
                expires_at   BIGINT,
                revoked_at   BIGINT,
                last_used_at BIGINT,
                workspace    TEXT
            );
            CREATE INDEX stored_key_owner ON stored_key (owner, created_at);
            CREATE INDEX stored_key_created ON stored_key (created_at);
            -- Revocation is one way, whatever code runs against this database.
            CREATE FUNCTION stored_key_revocation_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'revocation is final';
            END;
            $$;
            CREATE TRIGGER stored_key_revocation_is_final
            BEFORE UPDATE OF revoked_at ON stored_key
            FOR EACH ROW WHEN (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at)
            EXECUTE FUNCTION stored_key_revocation_is_final();
            """)
        migrations.append("v2: settings of the store, such as the pepper fingerprint", sql: """
            CREATE TABLE key_store_setting (name TEXT PRIMARY KEY, value TEXT NOT NULL)
            """)
        return migrations
    }()
}
