public import Foundation
public import KeyCore
public import Logging
public import PostgresNIO

/// A ``KeyStore`` in PostgreSQL, for several servers sharing one database.
///
/// Every call reads the database afresh (nothing is cached), so a key revoked through one server
/// is refused by every server on its very next request. Each call is one round trip (``insertNew(_:)``
/// one per thousand keys, in one transaction), and ``find(lookupID:)`` (the verification read) is a
/// statement prepared once per connection.
///
/// The caller owns the ``PostgresClient`` and runs it (`client.run()` in a long-running task);
/// ``migrate()`` creates or upgrades the schema (named migrations of the component `keycore`,
/// safe when several servers start together). The tables mirror the SQLite store's: `stored_key`,
/// whose revocation a trigger makes final whatever SQL runs against it, and `key_store_setting`.
///
/// Failures other than KeyCore's own (the database down, a constraint refused) surface as
/// ``KeyCoreError/storeUnavailable(path:reason:)``, with the URL without its password as the path.
public final class PostgresKeyStore: KeyStore {
    private let client: PostgresClient
    private let url: PostgresURL
    private let logger: Logger
    private let connectionTimeout: Duration

    /// A store on the database of `client`; call ``migrate()`` before the first use.
    /// - Parameters:
    ///   - client: a client for `url`, run by the caller.
    ///   - connectionTimeout: how long a call waits for a pooled connection before it fails as
    ///     unavailable (the database is down or every connection stays busy).
    public init(client: PostgresClient, url: PostgresURL, logger: Logger, connectionTimeout: Duration = .seconds(3)) {
        self.client = client
        self.url = url
        self.logger = logger
        self.connectionTimeout = connectionTimeout
    }

    /// Creates or upgrades the schema.
    /// - Throws: ``KeyCoreError/storeUnavailable(path:reason:)`` when the database cannot be
    ///   reached or a migration fails.
    public func migrate() async throws(KeyCoreError) {
        do {
            try await PostgresKeyStoreMigrations.migrations.apply(to: client, logger: logger, connectionTimeout: connectionTimeout)
        } catch {
            throw .storeUnavailable(path: url.description, reason: FailureReason.of(error))
        }
    }

    public func insert(_ key: StoredKey) async throws {
        try await withConnection { connection in
            guard try await insert([key], on: connection) == 1 else { throw KeyCoreError.duplicateLookupID(key.record.lookupID) }
        }
    }

    public func insertNew(_ keys: [StoredKey]) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        return try await withConnection { connection in
            try await connection.withTransaction(logger: logger) { connection in
                var added = 0
                for start in stride(from: 0, to: keys.count, by: Self.rowsPerInsert) {
                    added += try await insert(keys[start..<min(start + Self.rowsPerInsert, keys.count)], on: connection)
                }
                return added
            }
        }
    }

    /// Rows per `INSERT` of ``insertNew(_:)``: 12 parameters each, well under the protocol's
    /// 65,535, so an import of many keys takes few round trips.
    private static let rowsPerInsert = 1_000

    /// Inserts `keys` in one statement, skipping those whose lookup id is taken (by a stored key
    /// or an earlier one of `keys`). - Returns: how many were inserted.
    private func insert(_ keys: some Collection<StoredKey>, on connection: PostgresConnection) async throws -> Int {
        var bindings = PostgresBindings(capacity: keys.count * 12)
        var rows: [String] = []
        for key in keys {
            let record = key.record, first = bindings.count + 1
            bindings.append(record.lookupID)
            bindings.append(record.id)
            bindings.append(record.type.prefix)
            bindings.append(key.digest.encoded)
            bindings.append(record.name)
            bindings.append(record.owner?.description)
            bindings.append(KeyRowLayout.text(of: record.scopes))
            bindings.append(KeyRowLayout.milliseconds(record.createdAt))
            bindings.append(record.expiresAt.map(KeyRowLayout.milliseconds))
            bindings.append(record.revokedAt.map(KeyRowLayout.milliseconds))
            bindings.append(record.lastUsedAt.map(KeyRowLayout.milliseconds))
            bindings.append(record.workspace)
            rows.append("(" + (first..<bindings.count + 1).map { "$\($0)" }.joined(separator: ", ") + ")")
        }
        let sql = """
            INSERT INTO stored_key (\(KeyRowLayout.columns)) VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (lookup_id) DO NOTHING RETURNING 1
            """
        return try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).collect().count
    }

    public func find(lookupID: String) async throws -> StoredKey? {
        try await withConnection { connection in
            try await connection.execute(FindKeyStatement(lookupID: lookupID), logger: logger).first { _ in true }
        }
    }

    public func record(id: String) async throws -> KeyRecord? {
        try await keys("SELECT \(unescaped: KeyRowLayout.columns) FROM stored_key WHERE id = \(id)").first?.record
    }

    public func records(ownedBy owner: KeyOwner?) async throws -> [KeyRecord] {
        let keys = if let owner {
            try await keys(
                "SELECT \(unescaped: KeyRowLayout.columns) FROM stored_key WHERE owner = \(owner.description) ORDER BY created_at, id")
        } else {
            try await keys("SELECT \(unescaped: KeyRowLayout.columns) FROM stored_key ORDER BY created_at, id")
        }
        return keys.map(\.record)
    }

    /// Keeps the first revocation time: setting the column to itself passes the trigger.
    public func revoke(id: String, at date: Date) async throws -> KeyRecord? {
        try await keys("""
            UPDATE stored_key SET revoked_at = coalesce(revoked_at, \(KeyRowLayout.milliseconds(date)))
            WHERE id = \(id) RETURNING \(unescaped: KeyRowLayout.columns)
            """).first?.record
    }

    public func rename(id: String, to name: String) async throws -> KeyRecord? {
        try await keys("UPDATE stored_key SET name = \(name) WHERE id = \(id) RETURNING \(unescaped: KeyRowLayout.columns)")
            .first?.record
    }

    public func replaceDigest(id: String, with digest: KeyDigest) async throws {
        try await execute("UPDATE stored_key SET digest = \(digest.encoded) WHERE id = \(id)")
    }

    public func recordUse(_ lastUsed: [String: Date]) async throws {
        guard !lastUsed.isEmpty else { return }
        try await execute("""
            UPDATE stored_key SET last_used_at = used.at
            FROM unnest(\(Array(lastUsed.keys))::text[], \(lastUsed.values.map(KeyRowLayout.milliseconds))::bigint[]) AS used (id, at)
            WHERE stored_key.id = used.id AND (stored_key.last_used_at IS NULL OR stored_key.last_used_at < used.at)
            """)
    }

    public func pepperFingerprint() async throws -> PepperFingerprint? {
        try await withConnection { connection in
            try await connection.query("SELECT value FROM key_store_setting WHERE name = 'pepper_fingerprint'", logger: logger)
                .decode(String.self).first { _ in true }.map(PepperFingerprint.init(text:))
        }
    }

    public func recordPepperFingerprint(_ fingerprint: PepperFingerprint) async throws {
        try await execute("""
            INSERT INTO key_store_setting (name, value) VALUES ('pepper_fingerprint', \(fingerprint.text))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """)
    }

    /// The keys a query selects or returns in ``KeyRowLayout/columns``.
    private func keys(_ query: PostgresQuery) async throws -> [StoredKey] {
        try await withConnection { connection in
            var keys: [StoredKey] = []
            for try await row in try await connection.query(query, logger: logger) {
                keys.append(try KeyRowLayout.storedKey(PostgresKeyColumns(row)))
            }
            return keys
        }
    }

    /// Runs a statement that returns no rows.
    private func execute(_ query: PostgresQuery) async throws {
        try await withConnection { connection in
            _ = try await connection.query(query, logger: logger).collect()
        }
    }

    /// Runs `body` on a pooled connection; KeyCore's own errors pass through, any other failure
    /// becomes ``KeyCoreError/storeUnavailable(path:reason:)``.
    private func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection(timeout: connectionTimeout, body)
        } catch let error as KeyCoreError {
            throw error
        } catch {
            throw KeyCoreError.storeUnavailable(path: url.description, reason: FailureReason.of(error))
        }
    }
}
