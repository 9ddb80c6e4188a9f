import Foundation
import GRDBSQLite

/// One connection to the data folder's SQLite file, with its prepared statements kept for
/// reuse: the request path's reads are short indexed lookups where preparing each time, or
/// GRDB's access blocks (a queue hop each), would cost more than the read.
///
/// Not thread-safe: ``SQLiteBackend`` hands each connection to one task at a time.
final class SQLiteConnection: SQLConnection, @unchecked Sendable {
    private let database: OpaquePointer
    private var statements: [String: (statement: OpaquePointer, columns: SQLColumnNames)] = [:]
    private var isClosed = false

    /// - Parameter writer: the one connection that writes (full sync, foreign keys enforced);
    ///   others open the file read-only.
    init(path: String, writer: Bool) throws {
        var database: OpaquePointer?
        let flags = (writer ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &database, flags, nil) == SQLITE_OK, let database else {
            defer { sqlite3_close_v2(database) }
            throw DatabaseUnavailable(description: "cannot open \(path): \(Self.message(database))")
        }
        self.database = database
        sqlite3_extended_result_codes(database, 1)
        sqlite3_busy_timeout(database, 5_000)
        // An acknowledged sign-out, used refresh token or membership change survives power loss.
        let setup = writer ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL" : "PRAGMA foreign_keys = ON"
        guard sqlite3_exec(database, setup, nil, nil, nil) == SQLITE_OK else {
            throw DatabaseUnavailable(description: "cannot open \(path): \(Self.message(database))")
        }
    }

    deinit {
        close()
    }

    /// Finalizes the statements and closes the connection; using it afterwards is an error.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        for (statement, _) in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        sqlite3_close_v2(database)
    }

    func fetchAll(_ sql: String, _ arguments: [any SQLArgument]) throws -> [SQLRow] {
        let (statement, columns) = try prepared(sql, arguments)
        defer { sqlite3_reset(statement) }
        var rows: [SQLRow] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: rows.append(SQLRow(columns: columns, values: try values(of: statement)))
            case SQLITE_DONE: return rows
            case let code: throw error(code)
            }
        }
    }

    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int {
        let (statement, _) = try prepared(sql, arguments)
        defer { sqlite3_reset(statement) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
        return Int(sqlite3_changes(database))
    }

    /// Runs `body` between `begin` and `COMMIT`, rolling back when it throws, so that the
    /// connection is left with no transaction open.
    func transaction<T>(_ begin: String, _ body: (any SQLConnection) async throws -> T) async throws -> T {
        try run(begin)
        do {
            let result = try await body(self)
            try run("COMMIT")
            return result
        } catch {
            try? run("ROLLBACK")
            throw error
        }
    }

    /// Runs statements without parameters or results, such as `BEGIN` and `COMMIT`.
    private func run(_ sql: String) throws {
        let code = sqlite3_exec(database, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// The statement for `sql`, prepared on first use, with `arguments` bound.
    private func prepared(_ sql: String, _ arguments: [any SQLArgument]) throws -> (OpaquePointer, SQLColumnNames) {
        let entry: (statement: OpaquePointer, columns: SQLColumnNames)
        if let cached = statements[sql] {
            entry = cached
        } else {
            var statement: OpaquePointer?
            let code = sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
            guard code == SQLITE_OK, let statement else { throw error(code) }
            let names = (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
            entry = (statement, SQLColumnNames(names))
            statements[sql] = entry
        }
        sqlite3_clear_bindings(entry.statement)
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 = switch argument.sqlValue {
            case .null: sqlite3_bind_null(entry.statement, index)
            case .integer(let number): sqlite3_bind_int64(entry.statement, index, number)
            case .bool(let flag): sqlite3_bind_int64(entry.statement, index, flag ? 1 : 0)
            case .text(let text): Self.bind(text, to: entry.statement, at: index)
            case .date(let date): Self.bind(SQLiteDateText.text(from: date), to: entry.statement, at: index)
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
        return entry
    }

    private static func bind(_ text: String, to statement: OpaquePointer, at index: Int32) -> Int32 {
        // SQLITE_TRANSIENT: SQLite copies the bytes, which live only for this call.
        sqlite3_bind_text(statement, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    private func values(of statement: OpaquePointer) throws -> [SQLValue] {
        try (0..<sqlite3_column_count(statement)).map { column in
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL: return .null
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
            case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
            default:
                throw SQLDecodingError(column: String(cString: sqlite3_column_name(statement, column)), problem: "holds a real or a blob")
            }
        }
    }

    /// SQLite's failure as the error the server answers with: a taken unique value, the database
    /// unusable for now (503), or a statement error (a bug: 500).
    private func error(_ code: Int32) -> any Error {
        let message = Self.message(database)
        switch code {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended codes, which the C
        // module does not export as constants).
        case SQLITE_CONSTRAINT | (8 << 8), SQLITE_CONSTRAINT | (6 << 8):
            return UniqueConstraintViolation(description: message)
        case _ where [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_NOTADB]
            .contains(code & 0xFF):
            return DatabaseUnavailable(description: "SQLite: \(message)")
        default:
            return SQLiteStatementError(description: message)
        }
    }

    private static func message(_ database: OpaquePointer?) -> String {
        database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
    }
}

/// A statement SQLite refused (a constraint other than uniqueness, a syntax error).
struct SQLiteStatementError: Error, CustomStringConvertible {
    let description: String
}
