import GRDBSQLite
import Synchronization

/// The verification read path of ``SQLiteKeyStore``: a few read-only SQLite connections, each
/// holding one persistent prepared `SELECT … WHERE lookup_id = ?`.
///
/// GRDB's access blocks cost about 20 µs each (queue hops and bookkeeping), several times the
/// point read itself, so this one query talks to SQLite directly. Each statement runs in
/// autocommit mode and is reset right after its row is read, so every lookup sees the latest
/// committed data and holds no read snapshot between calls. Connections memory-map the file, so
/// a lookup in a large store costs page accesses, not `pread` calls.
final class SQLiteLookupReader: Sendable {
    private let slots: [Slot]
    private let nextSlot = Atomic<Int>(0)

    /// Opens `count` read-only connections to the database at `path` (whose schema must exist).
    init(path: String, sql: String, count: Int) throws(SQLiteError) {
        slots = try (0..<max(1, count)).map { _ throws(SQLiteError) in try Slot(path: path, sql: sql) }
    }

    /// Runs the query with `text` bound to its one parameter; `decode` reads the row, if any.
    func fetchOne<T: Sendable>(_ text: String, decode: @Sendable (StatementColumns) throws -> T) throws -> T? {
        // Start at a rotating slot and take the first free one; wait on the starting one if all are busy.
        let start = nextSlot.wrappingAdd(1, ordering: .relaxed).oldValue
        for offset in 0..<slots.count {
            let slot = slots[(start + offset) % slots.count]
            if let result = try slot.connection.withLockIfAvailable({ try $0.fetchOne(text, decode: decode) }) {
                return result
            }
        }
        return try slots[start % slots.count].connection.withLock { try $0.fetchOne(text, decode: decode) }
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

        /// Memory-map up to this much of the file (SQLite maps lazily; unused address space is free).
        static let mmapBytes = 1 << 34

        init(path: String, sql: String) throws(SQLiteError) {
            var database: OpaquePointer?
            let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            guard sqlite3_open_v2(path, &database, flags, nil) == SQLITE_OK, let database else {
                defer { sqlite3_close_v2(database) }
                throw SQLiteError(database)
            }
            sqlite3_busy_timeout(database, 5_000)
            sqlite3_exec(database, "PRAGMA mmap_size = \(Self.mmapBytes)", nil, nil, nil)
            var statement: OpaquePointer?
            guard sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
                  let statement
            else {
                defer { sqlite3_close_v2(database) }
                throw SQLiteError(database)
            }
            self.database = database
            self.statement = statement
        }

        deinit {
            sqlite3_finalize(statement)
            sqlite3_close_v2(database)
        }

        func fetchOne<T: Sendable>(_ text: String, decode: @Sendable (StatementColumns) throws -> T) throws -> T? {
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
