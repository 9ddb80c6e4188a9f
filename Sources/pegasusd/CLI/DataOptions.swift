import ArgumentParser
import Foundation
import KeyCore

/// The `--data-dir` option shared by every admin command.
struct DataOptions: ParsableArguments {
    static let defaultDataDirectory = "./pegasus-data"

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "The data folder (env: PEGASUS_DATA_DIR; default: \(defaultDataDirectory)).", valueName: "dir"))
    var dataDirectory: String?

    /// The folder from the flag, else the environment, else the default.
    var resolvedDataDirectory: String {
        dataDirectory ?? ProcessInfo.processInfo.environment["PEGASUS_DATA_DIR"] ?? Self.defaultDataDirectory
    }

    /// The data folder, created if missing.
    func folder() throws -> DataFolder {
        try DataFolder(path: resolvedDataDirectory)
    }

    /// The key service over the data folder's store.
    func keyService() async throws -> KeyService {
        try await folder().keyService()
    }

    /// Workspaces and memberships in the data folder's database.
    func workspaces() throws -> WorkspaceStore {
        WorkspaceStore(database: try folder().appDatabase())
    }

    /// Accounts in the data folder's database.
    func accounts() throws -> AccountStore {
        AccountStore(database: try folder().appDatabase())
    }
}
