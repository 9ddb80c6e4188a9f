public import Logging
public import PostgresNIO

/// A component's schema as named, append-only migrations, each applied once, in order.
///
/// Several servers may start together on one database: each migration runs in its own
/// transaction holding a transaction-scoped advisory lock (`pg_advisory_xact_lock`) whose key is
/// derived from the component's name, so one server applies it while the others wait, then find
/// it applied and skip it. What was applied is recorded in the table
/// `pegasus_migration (component, name, applied_at)`.
///
/// ```swift
/// var migrations = PostgresMigrations(component: "notes")
/// migrations.append("v1: notes", sql: "CREATE TABLE note (id BIGINT PRIMARY KEY, body TEXT NOT NULL)")
/// try await migrations.apply(to: client, logger: logger)
/// ```
///
/// Append new migrations; never edit, rename or reorder one that has shipped.
public struct PostgresMigrations: Sendable {
    private struct Migration: Sendable {
        let name: String
        let statements: [String]
    }

    /// The name migrations are recorded under, and their lock derived from.
    public let component: String
    private var migrations: [Migration] = []

    /// No migrations yet, for `component`: a name of the schema's owner, unique on the database
    /// (`keycore`, `pegasusd`).
    public init(component: String) {
        self.component = component
    }

    /// Adds a migration after the others.
    /// - Parameter sql: one or more statements separated by `;` (strings, comments and
    ///   dollar-quoted function bodies may hold semicolons of their own).
    public mutating func append(_ name: String, sql: String) {
        precondition(!migrations.contains { $0.name == name }, "migration '\(name)' of \(component) is appended twice")
        migrations.append(Migration(name: name, statements: SQLScript.statements(sql)))
    }

    /// Applies, in order, the migrations not yet recorded as applied.
    /// - Parameter connectionTimeout: how long to wait for a connection (not for the lock).
    /// - Throws: ``PostgresUnavailable`` when no connection comes; ``PostgresMigrationError``
    ///   naming the migration that failed (it is rolled back, and those after it not tried).
    public func apply(to client: PostgresClient, logger: Logger, connectionTimeout: Duration = .seconds(10)) async throws {
        try await client.withConnection(timeout: connectionTimeout) { connection in
            let pending = try await pending(on: connection, logger: logger)
            guard !pending.isEmpty else { return }
            try await createLedger(on: connection, logger: logger)
            for migration in migrations where pending.contains(migration.name) {
                try await apply(migration, on: connection, logger: logger)
            }
        }
    }

    /// The names of the migrations not yet applied, in order.
    public func pending(in client: PostgresClient, logger: Logger, connectionTimeout: Duration = .seconds(10)) async throws -> [String] {
        try await client.withConnection(timeout: connectionTimeout) { try await pending(on: $0, logger: logger) }
    }

    private func pending(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let ledger = try await connection.query("SELECT to_regclass('pegasus_migration') IS NOT NULL", logger: logger)
        guard try await ledger.decode(Bool.self).first(where: { _ in true }) == true else { return migrations.map(\.name) }
        let applied = try await Set(applied(on: connection, logger: logger))
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    private func applied(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let rows = try await connection.query("SELECT name FROM pegasus_migration WHERE component = \(component)", logger: logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) {
            names.append(name)
        }
        return names
    }

    /// Creates the ledger table if no one has yet, under a lock of its own: components migrate
    /// under different locks, and two concurrent `CREATE TABLE IF NOT EXISTS` can still collide.
    private func createLedger(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await Self.lock("pegasus_migration", on: connection, logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS pegasus_migration (
                    component  TEXT NOT NULL,
                    name       TEXT NOT NULL,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    PRIMARY KEY (component, name)
                )
                """, logger: logger)
        }
    }

    /// Applies `migration` in one transaction, unless another server did while this one waited
    /// for the lock.
    private func apply(_ migration: Migration, on connection: PostgresConnection, logger: Logger) async throws {
        do {
            try await connection.withTransaction(logger: logger) { connection in
                try await Self.lock("pegasus_migration:" + component, on: connection, logger: logger)
                guard try await !applied(on: connection, logger: logger).contains(migration.name) else { return }
                for statement in migration.statements {
                    // Reading the rows through surfaces an error raised while they stream.
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
                }
                try await connection.query(
                    "INSERT INTO pegasus_migration (component, name) VALUES (\(component), \(migration.name))", logger: logger)
                logger.info("applied migration", metadata: ["component": "\(component)", "migration": "\(migration.name)"])
            }
        } catch {
            throw PostgresMigrationError(component: component, migration: migration.name, reason: FailureReason.of(error))
        }
    }

    /// Waits for the advisory lock named `name`, held until the transaction ends.
    private static func lock(_ name: String, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(name), 0))", logger: logger).collect()
    }
}
