import ArgumentParser
import Foundation
import KeyCore

/// Where an admin command finds the data: `--data-dir` (SQLite, the default) or `--database`
/// (PostgreSQL), shared by every command.
struct DataOptions: ParsableArguments {
    static let defaultDataDirectory = "./pegasus-data"

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "The data folder (env: PEGASUS_DATA_DIR; default: \(defaultDataDirectory)).", valueName: "dir"))
    var dataDirectory: String?

    @Option(name: .customLong("database"), help: ArgumentHelp(
        "A PostgreSQL database to use instead of the data folder: postgres://user:password@host:port/name (env: PEGASUS_DATABASE_URL).",
        valueName: "url"))
    var databaseURL: String?

    /// The folder from the flag, else the environment, else the default.
    var resolvedDataDirectory: String {
        dataDirectory ?? ProcessInfo.processInfo.environment["PEGASUS_DATA_DIR"] ?? Self.defaultDataDirectory
    }

    /// The PostgreSQL URL from the flag, else the environment; `nil` for the data folder.
    var resolvedDatabaseURL: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["PEGASUS_DATABASE_URL"]
    }

    /// Runs `body` with the stores opened, and closes them after.
    func withStorage<T>(_ body: (Storage) async throws -> T) async throws -> T {
        let storage = try await Storage.open(StorageLocation(databaseURL: resolvedDatabaseURL, dataDirectory: resolvedDataDirectory))
        do {
            let result = try await body(storage)
            await storage.close()
            return result
        } catch {
            await storage.close()
            throw error
        }
    }
}

extension Storage {
    /// Workspaces and memberships.
    var workspaces: WorkspaceStore { WorkspaceStore(database: database) }

    /// User accounts.
    var accounts: AccountStore { AccountStore(database: database) }
}
