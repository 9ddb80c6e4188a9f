import KeyCore
import GRDBSQLite
import Synchronization

/// The verification read path of ``SQLiteKeyStore``: a few read-only SQLite connections, each
/// holding one persistent prepared `SELECT … WHERE lookup_id = ?`.
///
/// GRDB's access blocks cost about 20 µs each (queue hops and bookkeeping), several times the
/// point read itself, so this one query talks to SQLite directly.
///
/// Starting a read transaction takes file-lock system calls, so a connection keeps its read
/// snapshot for up to ``maximumSnapshotAge`` and reuses it. Writes made through the owning store
/// call ``invalidate()``, which makes the next lookup on every connection start a fresh snapshot:
/// this process sees its own changes at once. A change made by another process (an admin
/// revoking a key from the command line) is seen within ``maximumSnapshotAge``. A sweeper ends
/// the snapshots of connections left idle, so they never hold back the WAL's checkpoints while
/// other tables of the file (sessions, say) are written.
final class SQLiteLookupReader: Sendable {
    static let maximumSnapshotAge: Duration = .milliseconds(100)

    private let slots: [Slot]
    private let nextSlot = Atomic<Int>(0)
    private let generation = Atomic<Int>(0)

    /// Opens `count` read-only connections to the database at `path` (whose schema must exist).
    init(path: String, sql: String, count: Int) throws(SQLiteError) {
        slots = try (0..<max(1, count)).map { _ throws(SQLiteError) in try Slot(path: path, sql: sql) }
        startSweeping()
    }

    /// Every ``maximumSnapshotAge``, ends the snapshots that have reached it on connections not in
    /// use. Stops when the reader is released.
    private func startSweeping() {
        Task.detached(priority: .background) { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.maximumSnapshotAge)
                guard let self else { return }
                let now = ContinuousClock.now
                for slot in self.slots {
                    slot.connection.withLockIfAvailable { connection in
                        if let snapshot = connection.snapshot, now - snapshot.started >= Self.maximumSnapshotAge {
                            connection.endSnapshot()
                        }
                    }
                }
            }
        }
    }

    /// Makes every connection start a new read snapshot before its next lookup, and ends the
    /// snapshots of idle connections now, so that they do not hold back WAL checkpoints.
    func invalidate() {
        generation.wrappingAdd(1, ordering: .releasing)
        for slot in slots {
            slot.connection.withLockIfAvailable { $0.endSnapshot() }
        }
    }

    /// Runs the query with `text` bound to its one parameter; `decode` reads the row, if any.
    func fetchOne<T: Sendable>(_ text: String, decode: @Sendable (StatementColumns) throws -> T) throws -> T? {
        let current = generation.load(ordering: .acquiring)
        // Start at a rotating slot and take the first free one; wait on the starting one if all are busy.
        let start = nextSlot.wrappingAdd(1, ordering: .relaxed).oldValue
        for offset in 0..<slots.count {
            let slot = slots[(start + offset) % slots.count]
            if let result = try slot.connection.withLockIfAvailable({ try $0.fetchOne(text, generation: current, decode: decode) }) {
                return result
            }
        }
        return try slots[start % slots.count].connection.withLock { try $0.fetchOne(text, generation: current, decode: decode) }
    }

    private final class Slot: Sendable {
        let connection: Mutex<Connection>

        init(path: String, sql: String) throws(SQLiteError) {
            connection = Mutex(try Connection(path: path, sql: sql))
        }
    }

    /// One connection and its statement; only ever used under its slot's lock.
    private struct Connection: ~Copyable {
        let database: OpaquePointer
        let statement: OpaquePointer
        /// When the open read transaction began and under which generation; `nil` when none is open.
        var snapshot: (started: ContinuousClock.Instant, generation: Int)?

        init(path: String, sql: String) throws(SQLiteError) {
            var database: OpaquePointer?
            let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            guard sqlite3_open_v2(path, &database, flags, nil) == SQLITE_OK, let database else {
                defer { sqlite3_close_v2(database) }
                throw SQLiteError(database)
            }
            sqlite3_busy_timeout(database, 5_000)
            // No memory map: a truncated or damaged file is then an SQLite error, not a SIGBUS
            // that kills the server.
            var statement: OpaquePointer?
            guard sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
                  let statement
            else {
                defer { sqlite3_close_v2(database) }
                throw SQLiteError(database)
            }
            self.database = database
            self.statement = statement
            snapshot = nil
        }

        deinit {
            sqlite3_finalize(statement)
            sqlite3_close_v2(database)
        }

        mutating func fetchOne<T: Sendable>(
            _ text: String, generation: Int, decode: @Sendable (StatementColumns) throws -> T
        ) throws -> T? {
            try refreshSnapshot(generation: generation)
            defer { sqlite3_reset(statement) }
            return try text.withCString { pointer in
                // SQLITE_STATIC (nil): the text outlives the step, which happens inside this closure.
                sqlite3_bind_text(statement, 1, pointer, -1, nil)
                switch sqlite3_step(statement) {
                case SQLITE_ROW: return try decode(StatementColumns(statement: statement))
                case SQLITE_DONE: return nil
                default: throw SQLiteError(database)
                }
            }
        }

        /// Ends a read transaction that is too old or predates a local write, and opens one if
        /// none is open (it takes its snapshot at the next step).
        private mutating func refreshSnapshot(generation: Int) throws {
            let now = ContinuousClock.now
            if let snapshot, snapshot.generation != generation || now - snapshot.started > maximumSnapshotAge {
                endSnapshot()
            }
            if snapshot == nil {
                guard sqlite3_exec(database, "BEGIN", nil, nil, nil) == SQLITE_OK else { throw SQLiteError(database) }
                snapshot = (now, generation)
            }
        }

        mutating func endSnapshot() {
            guard snapshot != nil else { return }
            sqlite3_exec(database, "COMMIT", nil, nil, nil)
            snapshot = nil
        }
    }
}

/// The current row of a raw SQLite statement.
struct StatementColumns: KeyColumns {
    let statement: OpaquePointer

    func text(_ index: Int) -> String? {
        guard let bytes = sqlite3_column_text(statement, Int32(index)) else { return nil }
        return String(cString: bytes)
    }

    func integer(_ index: Int) -> Int64? {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, Int32(index))
    }
}

/// An error reported by SQLite on a raw connection.
struct SQLiteError: Error, CustomStringConvertible {
    let description: String

    init(_ database: OpaquePointer?) {
        description = database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open the database"
    }
}
