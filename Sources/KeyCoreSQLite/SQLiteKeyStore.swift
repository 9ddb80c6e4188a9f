import KeyCore
import Foundation
import GRDB

/// The embedded default ``KeyStore``: one SQLite file in WAL mode, readable by many tasks while
/// one writes.
///
/// Verification reads (``find(lookupID:)``) go through a dedicated pool of read-only connections
/// with a persistent prepared statement, which keeps a lookup to a few microseconds; everything
/// else goes through GRDB. The schema is created and upgraded by named,
/// append-only migrations (``KeyStoreMigrations``).
public final class SQLiteKeyStore: KeyStore {
    let pool: DatabasePool
    private let lookups: SQLiteLookupReader
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Throws: ``KeyCoreError/storeUnavailable(path:reason:)`` when the file cannot be opened
    ///   or written: a missing or read-only folder, a file locked by another process, not SQLite.
    public init(path: String) throws(KeyCoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "pegasus.keys"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB opens the writer with WAL's NORMAL, which can lose the last commits on power
            // loss: a revocation that was acknowledged must survive it.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try KeyStoreMigrations.migrator.migrate(pool)
            lookups = try SQLiteLookupReader(
                path: path, sql: KeyRow.selectByLookupID, count: ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            throw .storeUnavailable(path: path, reason: Self.reason(error))
        }
    }

    public func insert(_ key: StoredKey) throws {
        try write { db in
            if try Self.exists(lookupID: key.record.lookupID, in: db) {
                throw KeyCoreError.duplicateLookupID(key.record.lookupID)
            }
            try KeyRow.insert(key, into: db)
        }
    }

    public func insertNew(_ keys: [StoredKey]) throws -> Int {
        try write { db in
            var added = 0
            for key in keys where try !Self.exists(lookupID: key.record.lookupID, in: db) {
                try KeyRow.insert(key, into: db)
                added += 1
            }
            return added
        }
    }

    public func find(lookupID: String) throws -> StoredKey? {
        try reportingFailures { try lookups.fetchOne(lookupID, decode: KeyRowLayout.storedKey) }
    }

    public func record(id: String) throws -> KeyRecord? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: KeyRow.selectByID), arguments: [id]).map(KeyRowLayout.storedKey)?.record
        }
    }

    public func records(ownedBy owner: KeyOwner?) throws -> [KeyRecord] {
        try read { db in
            let rows = if let owner {
                try Row.fetchAll(db, sql: KeyRow.selectAll + " WHERE owner = ? ORDER BY created_at, id", arguments: [owner.description])
            } else {
                try Row.fetchAll(db, sql: KeyRow.selectAll + " ORDER BY created_at, id")
            }
            return try rows.map { try KeyRowLayout.storedKey($0).record }
        }
    }

    public func revoke(id: String, at date: Date) throws -> KeyRecord? {
        try write { db in
            try db.execute(sql: "UPDATE stored_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [KeyRowLayout.milliseconds(date), id])
            return try Row.fetchOne(db, sql: KeyRow.selectByID, arguments: [id]).map(KeyRowLayout.storedKey)?.record
        }
    }

    public func rename(id: String, to name: String) throws -> KeyRecord? {
        try write { db in
            try db.execute(sql: "UPDATE stored_key SET name = ? WHERE id = ?", arguments: [name, id])
            return try Row.fetchOne(db, sql: KeyRow.selectByID, arguments: [id]).map(KeyRowLayout.storedKey)?.record
        }
    }

    public func replaceDigest(id: String, with digest: KeyDigest) throws {
        try write { db in
            try db.execute(sql: "UPDATE stored_key SET digest = ? WHERE id = ?", arguments: [digest.encoded, id])
        }
    }

    public func recordUse(_ lastUsed: [String: Date]) throws {
        guard !lastUsed.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE stored_key SET last_used_at = ?1
                WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?1)
                """)
            for (id, date) in lastUsed {
                try statement.execute(arguments: [KeyRowLayout.milliseconds(date), id])
            }
        }
    }

    public func pepperFingerprint() throws -> PepperFingerprint? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM key_store_setting WHERE name = 'pepper_fingerprint'")
                .map(PepperFingerprint.init(text:))
        }
    }

    public func recordPepperFingerprint(_ fingerprint: PepperFingerprint) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO key_store_setting (name, value) VALUES ('pepper_fingerprint', ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """, arguments: [fingerprint.text])
        }
    }

    /// Runs a read without a transaction on a pooled reader connection. Synchronous on purpose:
    /// these reads take microseconds to milliseconds, less than hopping executors would.
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        try reportingFailures { try pool.unsafeRead(body) }
    }

    /// Runs `body` in one write transaction: all of it commits, or none of it. Lookups see
    /// the change from the moment this returns.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        defer { lookups.invalidate() }
        return try reportingFailures { try pool.write(body) }
    }

    /// Passes KeyCore's own errors through and reports any other failure (SQLite's, GRDB's) as
    /// ``KeyCoreError/storeUnavailable(path:reason:)``.
    private func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as KeyCoreError {
            throw error
        } catch {
            throw KeyCoreError.storeUnavailable(path: path, reason: Self.reason(error))
        }
    }

    private static func exists(lookupID: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM stored_key WHERE lookup_id = ?"), arguments: [lookupID]) ?? false
    }

    /// SQLite's own message, without GRDB's echo of the SQL and its arguments.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
