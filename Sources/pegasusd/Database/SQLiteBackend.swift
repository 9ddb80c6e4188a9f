import Foundation
import GRDB
import Synchronization

/// The daemon's tables in the data folder's SQLite file (WAL): one writer connection, taken in
/// turn by transactions, and read-only connections, one per concurrent read, reused.
final class SQLiteBackend: SQLBackend {
    /// Idle readers kept open beyond this are closed.
    private static let keptReaders = 2 * ProcessInfo.processInfo.activeProcessorCount

    let path: String
    private let writer: SQLiteConnection
    private let writing = AsyncLock()
    private let idleReaders = Mutex<[SQLiteConnection]>([])

    /// Opens the file (creating it), brings the schema up to date and opens the writer.
    /// - Throws: ``CommandError`` in one line naming the file when it cannot be used.
    init(path: String) throws {
        self.path = path
        do {
            try Self.migrate(path: path)
            writer = try SQLiteConnection(path: path, writer: true)
        } catch let error as DatabaseUnavailable {
            throw CommandError(error.description)
        } catch {
            // SQLite's own words, without GRDB's echo of the statement: one line.
            throw CommandError("cannot use the database \(path): \((error as? DatabaseError)?.message ?? "\(error)")")
        }
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        let reader = try idleReaders.withLock { $0.popLast() } ?? SQLiteConnection(path: path, writer: false)
        defer {
            idleReaders.withLock { readers in
                if readers.count < Self.keptReaders { readers.append(reader) }
            }
        }
        // One snapshot for every statement of the body (a count and its page agree).
        return try await reader.transaction("BEGIN", body)
    }

    func write<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await writing.withLock {
            // IMMEDIATE: take the write lock now, so the transaction never fails half-way on a
            // lock another process (an admin command) holds; busy_timeout waits for it.
            try await writer.transaction("BEGIN IMMEDIATE", body)
        }
    }

    /// Copies the WAL into the database file and closes every connection: a command leaves
    /// one self-contained file behind. (SQLite checkpoints when the last connection closes, but
    /// the key store's read-only lookup connections may close last, and they cannot.)
    func close() async {
        await writing.withLock {
            _ = try? writer.fetchAll("PRAGMA wal_checkpoint(TRUNCATE)", [])
            writer.close()
        }
        for reader in idleReaders.withLock({ readers in defer { readers = [] }; return readers }) { reader.close() }
    }

    /// Applies the named migrations (``SQLiteAppMigrations``) through GRDB, which recorded them
    /// since the first release, then lets GRDB go: requests use raw connections.
    private static func migrate(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.label = "pegasus.app.migrations"
        let pool = try DatabasePool(path: path, configuration: configuration)
        try SQLiteAppMigrations.migrator.migrate(pool)
        try pool.close()
    }
}
