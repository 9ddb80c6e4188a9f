import Crypto
import Foundation
import KeyCore
import KeyCorePostgres
import KeyCoreSQLite
import Logging
import PostgresNIO

/// The key service, the daemon's tables and the JWT signing secret of one ``StorageLocation``,
/// opened: schemas brought up to date, the pepper confirmed against the stored keys.
///
/// On PostgreSQL every instance reads the same rows and nothing is cached per instance, so a
/// key, session or refresh token issued or revoked by one is seen by all on their next request;
/// the JWT secret, unless configured, is made once and kept in the database for all of them.
struct Storage: Sendable {
    let location: StorageLocation
    let keys: KeyService
    let database: AppDatabase
    /// `PEGASUS_JWT_SECRET` when set; otherwise one made on first start and kept (the data
    /// folder's `jwt-secret` file, or the database's `app_setting` table), so tokens survive a
    /// restart and every instance accepts every other's.
    let jwtSecret: [UInt8]
    private let postgres: PostgresClientRun?

    /// Opens `location`, creating the folder or the schema on first use.
    /// - Parameter writable: refuse a data folder this process cannot write (the server writes;
    ///   admin commands that only read work on a read-only folder).
    /// - Throws: ``CommandError`` in one line: an unwritable folder, a damaged file, an
    ///   unreachable server or wrong credentials, a pepper other than the stored keys'.
    static func open(
        _ location: StorageLocation, environment: [String: String] = ProcessInfo.processInfo.environment,
        writable: Bool = false, logger: Logger = Logger(label: "pegasusd.storage")
    ) async throws -> Storage {
        let hasher = KeyHasher(
            pepper: try pepper("PEGASUS_KEY_PEPPER", environment), previousPepper: try pepper("PEGASUS_KEY_PEPPER_PREVIOUS", environment))
        switch location {
        case .folder(let path):
            let folder = try DataFolder(path: path)
            if writable { try folder.requireWritable() }
            let keys = KeyService(store: try SQLiteKeyStore(path: folder.databasePath), hasher: hasher)
            try await confirmPepper(of: keys, storedIn: folder.databasePath)
            return Storage(
                location: location, keys: keys, database: AppDatabase(backend: try SQLiteBackend(path: folder.databasePath)),
                jwtSecret: try folder.jwtSecret(environment: environment), postgres: nil)
        case .postgres(let url):
            do {
                try await url.checkConnection(logger: logger)
            } catch {
                throw CommandError("\(error)")
            }
            let run = PostgresClientRun(PostgresClient(configuration: url.configuration, backgroundLogger: logger))
            do {
                let store = PostgresKeyStore(client: run.client, url: url, logger: logger, connectionTimeout: PostgresBackend.connectionTimeout)
                try await store.migrate()
                try await PostgresAppMigrations.migrations.apply(to: run.client, logger: logger)
                let keys = KeyService(store: store, hasher: hasher)
                try await confirmPepper(of: keys, storedIn: url.description)
                let database = AppDatabase(backend: PostgresBackend(client: run.client, url: url, logger: logger))
                var secret = try JWTSecret.configured(in: environment)
                if secret == nil { secret = try await JWTSecret.shared(in: database) }
                return Storage(location: location, keys: keys, database: database, jwtSecret: secret!, postgres: run)
            } catch {
                await run.stop()
                throw error as? CommandError ?? CommandError("cannot use PostgreSQL at \(url): \(error)")
            }
        }
    }

    /// Writes what is pending (last-used times) and lets the connections go.
    func close() async {
        try? await keys.flushUsage()
        await database.close()
        await postgres?.stop()
    }

    private static func confirmPepper(of keys: KeyService, storedIn name: String) async throws {
        do {
            try await keys.confirmPepper()
        } catch let error as KeyCoreError {
            guard case .pepperMismatch = error else { throw CommandError("\(error)") }
            throw CommandError("\(name): \(error); the pepper is PEGASUS_KEY_PEPPER, the one being rotated out PEGASUS_KEY_PEPPER_PREVIOUS")
        }
    }

    /// Shorter peppers are refused: the pepper is a key, not a password.
    static let minimumPepperBytes = 16

    private static func pepper(_ variable: String, _ environment: [String: String]) throws -> SymmetricKey? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        guard text.utf8.count >= minimumPepperBytes else {
            throw CommandError("\(variable) must be at least \(minimumPepperBytes) bytes")
        }
        return SymmetricKey(data: Array(text.utf8))
    }
}

/// A PostgreSQL client and the task that runs it (postgres-nio's clients work only while their
/// `run()` does).
final class PostgresClientRun: Sendable {
    let client: PostgresClient
    private let task: Task<Void, Never>

    init(_ client: PostgresClient) {
        self.client = client
        task = Task { await client.run() }
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}
