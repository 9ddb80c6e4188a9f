import Foundation
import KeyCorePostgres
import Logging
import PostgresNIO

/// The daemon's tables in a PostgreSQL database, shared by every instance that names it. Each
/// read and transaction takes a connection from the client's pool; nothing is cached, so every
/// instance sees a change on its very next request.
struct PostgresBackend: SQLBackend {
    /// How long a request waits for a connection before it is answered 503.
    static let connectionTimeout: Duration = .seconds(5)

    let client: PostgresClient
    let url: PostgresURL
    let logger: Logger

    func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await translatingErrors {
            try await client.withConnection(timeout: Self.connectionTimeout) { connection in
                // No transaction: each statement sees the latest commit, as under Django's
                // autocommit (a page and its count are two reads there too), and a read costs
                // one round trip rather than three.
                try await body(PostgresSQLConnection(connection: connection, logger: logger))
            }
        }
    }

    func write<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await translatingErrors {
            try await client.withConnection(timeout: Self.connectionTimeout) { connection in
                try await PostgresSQLConnection(connection: connection, logger: logger).transaction("BEGIN", body)
            }
        }
    }

    /// Nothing to do: the connections are the client's, which its owner stops (``Storage``).
    func close() async {}

    /// PostgreSQL's failures as the errors the server answers with: a taken unique value (409
    /// where a store expects it), the server unreachable (503), or a statement error (500).
    private func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            if state == "23505" { throw UniqueConstraintViolation(description: message) }
            // Class 08: connection exceptions; 57P: the server shutting down; 53: out of resources.
            if error.serverInfo == nil || state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") {
                throw DatabaseUnavailable(description: "PostgreSQL at \(url): \(message)")
            }
            throw PostgresStatementError(description: "\(message) (SQLSTATE \(state))")
        } catch let error as PostgresUnavailable {
            throw DatabaseUnavailable(description: error.description)
        }
    }
}

/// One pooled PostgreSQL connection, inside the transaction ``PostgresBackend`` opened on it.
struct PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection
    let logger: Logger

    func fetchAll(_ sql: String, _ arguments: [any SQLArgument]) async throws -> [SQLRow] {
        let result = try await connection.query(Self.query(sql, arguments), logger: logger).get()
        guard let first = result.rows.first else { return [] }
        let columns = SQLColumnNames(first.map(\.columnName))
        return try result.rows.map { row in SQLRow(columns: columns, values: try row.map(Self.value)) }
    }

    func execute(_ sql: String, _ arguments: [any SQLArgument]) async throws -> Int {
        try await connection.query(Self.query(sql, arguments), logger: logger).get().metadata.rows ?? 0
    }

    func run(_ sql: String) async throws {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).get()
    }

    /// Runs `body` between `begin` and `COMMIT`, rolling back when it throws, so that the
    /// connection goes back to the pool with no transaction open.
    func transaction<T>(_ begin: String, _ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await run(begin)
        do {
            let result = try await body(self)
            try await run("COMMIT")
            return result
        } catch {
            try? await run("ROLLBACK")
            throw error
        }
    }

    /// `sql` with its `?` numbered `$1`, `$2`… (outside quotes), and the arguments bound.
    static func query(_ sql: String, _ arguments: [any SQLArgument]) -> PostgresQuery {
        var numbered = ""
        numbered.reserveCapacity(sql.utf8.count + 8)
        var quote: Character?
        var parameter = 0
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "?" {
                parameter += 1
                numbered += "$\(parameter)"
                continue
            }
            numbered.append(character)
        }
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .bool(let flag): bindings.append(flag)
            // To the millisecond, as SQLite keeps them: both back ends return the same times.
            case .date(let date): bindings.append(Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1_000).rounded(.down) / 1_000))
            }
        }
        return PostgresQuery(unsafeSQL: numbered, binds: bindings)
    }

    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .bool: return .bool(try cell.decode(Bool.self))
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// A statement PostgreSQL refused (a constraint other than uniqueness, a syntax error).
struct PostgresStatementError: Error, CustomStringConvertible {
    let description: String
}
