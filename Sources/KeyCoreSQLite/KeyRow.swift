import KeyCore
import Foundation
import GRDB

/// The SQLite statements over `stored_key`, in ``KeyRowLayout``'s column order, so the
/// verification read decodes by column position with no `Codable` overhead.
enum KeyRow {
    static let selectAll = "SELECT \(KeyRowLayout.columns) FROM stored_key"
    static let selectByLookupID = selectAll + " WHERE lookup_id = ?"
    static let selectByID = selectAll + " WHERE id = ?"

    static func insert(_ key: StoredKey, into db: Database) throws {
        let record = key.record
        try db.cachedStatement(sql: "INSERT INTO stored_key (\(KeyRowLayout.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                record.lookupID, record.id, record.type.prefix, key.digest.encoded, record.name,
                record.owner?.description, KeyRowLayout.text(of: record.scopes), KeyRowLayout.milliseconds(record.createdAt),
                record.expiresAt.map(KeyRowLayout.milliseconds), record.revokedAt.map(KeyRowLayout.milliseconds),
                record.lastUsedAt.map(KeyRowLayout.milliseconds), record.workspace,
            ])
    }
}

extension Row: KeyColumns {
    public func text(_ index: Int) -> String? { self[index] }
    public func integer(_ index: Int) -> Int64? { self[index] }
}
