import KeyCorePostgres

/// Where a pegasusd keeps its keys and tables: the data folder's SQLite file (the default, no
/// setting needed), or a PostgreSQL database that several instances share.
enum StorageLocation: Sendable, CustomStringConvertible {
    case folder(String)
    case postgres(PostgresURL)

    /// A PostgreSQL URL when one is given, else the data folder.
    /// - Throws: ``CommandError`` naming what is wrong with the URL (never its password).
    init(databaseURL: String?, dataDirectory: String) throws {
        guard let text = databaseURL, !text.isEmpty else {
            self = .folder(dataDirectory)
            return
        }
        do {
            self = .postgres(try PostgresURL(text))
        } catch {
            throw CommandError("the database URL is not usable: \(error)")
        }
    }

    /// For logs and the start-up line: the folder, or the URL without its password.
    var description: String {
        switch self {
        case .folder(let path): "data: \(path)"
        case .postgres(let url): "database: \(url)"
        }
    }
}
