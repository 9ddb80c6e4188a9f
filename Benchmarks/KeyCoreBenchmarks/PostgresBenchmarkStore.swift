import Foundation
import KeyCorePostgres
import Logging
import PostgresNIO

/// A ``PostgresKeyStore`` in a schema of its own on the server of `PEGASUS_BENCH_POSTGRES_URL`,
/// so a run touches nothing else in that database; ``drop()`` removes the schema.
final class PostgresBenchmarkStore {
    let store: PostgresKeyStore
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let schema: String
    private let logger: Logger

    init(url: PostgresURL, keys: Int) async throws {
        var logger = Logger(label: "pegasus.bench")
        logger.logLevel = .warning
        self.logger = logger
        schema = "pegasus_bench_\(keys)_\(UInt32.random(in: 0...UInt32.max))"
        var configuration = url.configuration
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        let client = PostgresClient(configuration: configuration)
        self.client = client
        running = Task { await client.run() }
        // The name is made here of [a-z0-9_]: a schema name cannot be a bound parameter.
        try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: logger)
        store = PostgresKeyStore(client: client, url: url, logger: logger)
        try await store.migrate()
    }

    func drop() async throws {
        try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
        running.cancel()
    }
}
