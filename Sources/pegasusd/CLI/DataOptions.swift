import ArgumentParser
import Crypto
import Foundation
import KeyCore

/// Where the data lives and the secrets that protect it: shared by every admin command.
struct DataOptions: ParsableArguments {
    static let defaultDataDirectory = "./pegasus-data"
    static let databaseFileName = "pegasus.sqlite3"
    /// Shorter peppers are refused: the pepper is a key, not a password.
    static let minimumPepperBytes = 16

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "The data folder (env: PEGASUS_DATA_DIR; default: \(defaultDataDirectory)).", valueName: "dir"))
    var dataDirectory: String?

    /// The folder from the flag, else the environment, else the default.
    var resolvedDataDirectory: String {
        dataDirectory ?? ProcessInfo.processInfo.environment["PEGASUS_DATA_DIR"] ?? Self.defaultDataDirectory
    }

    /// The key service over the SQLite store in the data folder, which is created (mode 0700)
    /// if missing. Digests are HMAC-SHA256 keyed with `PEGASUS_KEY_PEPPER` when it is set.
    func keyService() throws -> KeyService {
        let folder = resolvedDataDirectory
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw CommandError("the data folder \(folder) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandError("cannot create the data folder \(folder): \(CommandError.reason(error))")
        }
        let store = try SQLiteKeyStore(path: (folder as NSString).appendingPathComponent(Self.databaseFileName))
        return KeyService(store: store, hasher: KeyHasher(pepper: try Self.pepper()))
    }

    private static func pepper() throws -> SymmetricKey? {
        guard let text = ProcessInfo.processInfo.environment["PEGASUS_KEY_PEPPER"], !text.isEmpty else { return nil }
        guard text.utf8.count >= minimumPepperBytes else {
            throw CommandError("PEGASUS_KEY_PEPPER must be at least \(minimumPepperBytes) bytes")
        }
        return SymmetricKey(data: Array(text.utf8))
    }
}
