import Foundation
import Logging
import PostgresNIO
import TestSupport
import Testing
import Synchronization
@testable import KeyCore
@testable import KeyCorePostgres
@testable import KeyCoreSQLite

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(by interval: TimeInterval) { current.withLock { $0 += interval } }
}

/// Every store implementation, so behaviour tests run against each.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite, postgres

    var testDescription: String { rawValue }

    /// A new, empty store; the folder keeps the SQLite file, or the PostgreSQL client, alive for
    /// the test's duration.
    ///
    /// A PostgreSQL store gets a database of its own on the test server (``TestPostgres``); without
    /// a server the test case is skipped, unless `PEGASUS_REQUIRE_POSTGRES=1` makes that a failure.
    func make(in folder: TemporaryDirectory) async throws -> any KeyStore {
        switch self {
        case .memory: return InMemoryKeyStore()
        case .sqlite: return try SQLiteKeyStore(path: folder.file("keys.sqlite3"))
        case .postgres:
            if TestPostgres.adminURL == nil && !TestPostgres.isRequired {
                try Test.cancel("no PostgreSQL: set PEGASUS_TEST_POSTGRES_URL (scripts/postgres.sh start prints one)")
            }
            return try await Self.postgresStore(url: PostgresURL(TestPostgres.freshDatabase()), folder: folder)
        }
    }

    /// A migrated store on the database of `url`, over a pool that runs as long as `folder`.
    static func postgresStore(url: PostgresURL, folder: TemporaryDirectory) async throws -> PostgresKeyStore {
        // Behaviour tests, not outage tests: a task queued behind a full pool on a loaded 2-core
        // run (200 creates, then 1,000 verifications at once) must not give up after the 3 s default.
        let store = PostgresKeyStore(client: folder.postgresClient(for: url), url: url, logger: .forTests, connectionTimeout: .seconds(60))
        try await store.migrate()
        return store
    }
}

extension TemporaryDirectory {
    /// A client for `url` that runs as long as this folder, with a small pool: tests run in
    /// parallel, each with pools of its own.
    func postgresClient(for url: PostgresURL) -> PostgresClient {
        var configuration = url.configuration
        configuration.options.maximumConnections = 4
        let running = RunningPostgresClient(configuration)
        keep(running)
        return running.client
    }
}

extension KeyService {
    /// A service over a fresh store of `kind` with a hand-moved clock.
    static func forTesting(
        _ kind: StoreKind, folder: TemporaryDirectory, clock: TestClock, hasher: KeyHasher = KeyHasher()
    ) async throws -> KeyService {
        KeyService(store: try await kind.make(in: folder), hasher: hasher, clock: { clock.now })
    }
}

extension Logger {
    /// Warnings and errors only: each applied migration is logged at info, too much for tests.
    static let forTests: Logger = {
        var logger = Logger(label: "pegasus.test")
        logger.logLevel = .warning
        return logger
    }()
}
