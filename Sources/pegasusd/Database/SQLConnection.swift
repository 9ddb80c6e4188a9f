/// What a store's statements run on: a connection of the SQLite file or of the PostgreSQL
/// server, inside a transaction (``AppDatabase/write(_:)``) or a read
/// (``AppDatabase/read(_:)``).
///
/// Statements are written once, in the SQL both back ends speak: `?` parameters, quoted
/// `"user"` (a reserved word in PostgreSQL), flags and dates bound as parameters rather than
/// written as literals, `CAST(… AS BIGINT)` around sums.
protocol SQLConnection {
    /// Every row the statement returns.
    func fetchAll(_ sql: String, _ arguments: [any SQLArgument]) async throws -> [SQLRow]

    /// Runs a statement that returns no rows.
    /// - Returns: how many rows it inserted, changed or deleted.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLArgument]) async throws -> Int
}

extension SQLConnection {
    /// The first row the statement returns, if any.
    func fetchOne(_ sql: String, _ arguments: [any SQLArgument] = []) async throws -> SQLRow? {
        try await fetchAll(sql, arguments).first
    }

    /// The whole number in the first column of the first row: a `COUNT(*)` or a `SUM`.
    func fetchCount(_ sql: String, _ arguments: [any SQLArgument] = []) async throws -> Int {
        try await fetchOne(sql, arguments)?.firstInt() ?? 0
    }
}

/// Where the daemon's tables live: the SQLite file of the data folder, or a PostgreSQL database.
protocol SQLBackend: Sendable {
    /// Runs `body` on a connection that sees only committed data (SQLite: one snapshot for the
    /// whole body; PostgreSQL: the latest commit at each statement).
    func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T

    /// Runs `body` in one transaction: all of it commits, or none of it does.
    func write<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T

    /// Lets the connections go, once nothing reads or writes any more.
    func close() async
}

/// The database cannot be used right now (the server is down or refuses connections, the disk
/// is full, the file is locked): answered 503, the request can be retried.
struct DatabaseUnavailable: Error, CustomStringConvertible {
    let description: String
}

/// A write broke a `UNIQUE` or primary-key constraint (an email or id already taken).
struct UniqueConstraintViolation: Error, CustomStringConvertible {
    let description: String
}
