import Foundation

/// The data folder: one SQLite file for keys and the daemon's tables, and the JWT signing secret
/// when none is given in the environment. Created (mode 0700) on first use.
struct DataFolder {
    static let databaseFileName = "pegasus.sqlite3"
    static let jwtSecretFileName = "jwt-secret"

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

    /// `PEGASUS_JWT_SECRET` when set; otherwise a random secret kept in the data folder
    /// (mode 0600), made on first start, so tokens survive a restart.
    func jwtSecret(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [UInt8] {
        if let configured = try JWTSecret.configured(in: environment) { return configured }
        let file = (path as NSString).appendingPathComponent(Self.jwtSecretFileName)
        if let existing = FileManager.default.contents(atPath: file) {
            guard existing.count >= JWTSecret.minimumBytes else { throw CommandError("\(file) is too short to be a JWT secret") }
            return Array(existing)
        }
        let secret = JWTSecret.make()
        guard FileManager.default.createFile(atPath: file, contents: Data(secret), attributes: [.posixPermissions: 0o600]) else {
            throw CommandError("cannot write the JWT secret to \(file)")
        }
        return secret
    }
}
