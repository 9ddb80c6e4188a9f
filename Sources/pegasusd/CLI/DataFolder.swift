import Crypto
import Foundation
import KeyCore
import KeyCoreSQLite

/// The data folder: one SQLite file for keys and accounts, and the JWT signing secret when none
/// is given in the environment. Created (mode 0700) on first use.
struct DataFolder {
    static let databaseFileName = "pegasus.sqlite3"
    static let jwtSecretFileName = "jwt-secret"
    /// Shorter peppers are refused: the pepper is a key, not a password.
    static let minimumPepperBytes = 16
    static let minimumJWTSecretBytes = 32

    let path: String

    init(path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw CommandError("the data folder \(path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandError("cannot create the data folder \(path): \(CommandError.reason(error))")
        }
    }

    var databasePath: String { (path as NSString).appendingPathComponent(Self.databaseFileName) }

    /// Refuses, in one line naming it, a folder or database file this process cannot write (a
    /// read-only mount, another user's files), before the server starts rather than at its first
    /// write. (The admin commands that only read keep working on such a folder.)
    func requireWritable() throws {
        for target in [path, databasePath, databasePath + "-wal", databasePath + "-shm"]
        where FileManager.default.fileExists(atPath: target) && access(target, W_OK) != 0 {
            throw CommandError("\(target) is not writable by this process (\(String(cString: strerror(errno)))): the server writes its data folder")
        }
    }

    /// The key service over the SQLite store. Digests are HMAC-SHA256 keyed with
    /// `PEGASUS_KEY_PEPPER` when it is set; `PEGASUS_KEY_PEPPER_PREVIOUS` is a pepper being
    /// rotated out. Refuses a pepper other than the one the stored keys were digested with.
    func keyService(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> KeyService {
        let store = try SQLiteKeyStore(path: databasePath)
        let hasher = KeyHasher(
            pepper: try Self.pepper("PEGASUS_KEY_PEPPER", environment),
            previousPepper: try Self.pepper("PEGASUS_KEY_PEPPER_PREVIOUS", environment))
        let service = KeyService(store: store, hasher: hasher)
        do {
            try await service.confirmPepper()
        } catch let error as KeyCoreError {
            guard case .pepperMismatch = error else { throw error }
            throw CommandError("\(databasePath): \(error); the pepper is PEGASUS_KEY_PEPPER, the one being rotated out PEGASUS_KEY_PEPPER_PREVIOUS")
        }
        return service
    }

    /// Accounts, sessions, refresh tokens and employees.
    func appDatabase() throws -> AppDatabase {
        try AppDatabase(path: databasePath)
    }

    /// `PEGASUS_JWT_SECRET` when set; otherwise a random secret kept in the data folder
    /// (mode 0600), made on first start, so tokens survive a restart.
    func jwtSecret(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [UInt8] {
        if let text = environment["PEGASUS_JWT_SECRET"], !text.isEmpty {
            guard text.utf8.count >= Self.minimumJWTSecretBytes else {
                throw CommandError("PEGASUS_JWT_SECRET must be at least \(Self.minimumJWTSecretBytes) bytes")
            }
            return Array(text.utf8)
        }
        let file = (path as NSString).appendingPathComponent(Self.jwtSecretFileName)
        if let existing = FileManager.default.contents(atPath: file) {
            guard existing.count >= Self.minimumJWTSecretBytes else { throw CommandError("\(file) is too short to be a JWT secret") }
            return Array(existing)
        }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        guard FileManager.default.createFile(atPath: file, contents: Data(secret), attributes: [.posixPermissions: 0o600]) else {
            throw CommandError("cannot write the JWT secret to \(file)")
        }
        return secret
    }

    private static func pepper(_ variable: String, _ environment: [String: String]) throws -> SymmetricKey? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        guard text.utf8.count >= minimumPepperBytes else {
            throw CommandError("\(variable) must be at least \(minimumPepperBytes) bytes")
        }
        return SymmetricKey(data: Array(text.utf8))
    }
}
