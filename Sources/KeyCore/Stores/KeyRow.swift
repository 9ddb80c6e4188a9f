import Foundation
import GRDB

/// The mapping between ``StoredKey`` and a row of the `stored_key` table, hand-written so the
/// verification read decodes by column position with no `Codable` overhead.
enum KeyRow {
    static let columns = "lookup_id, id, type, digest, name, owner, scopes, created_at, expires_at, revoked_at, last_used_at"
    static let selectAll = "SELECT \(columns) FROM stored_key"
    static let selectByLookupID = selectAll + " WHERE lookup_id = ?"
    static let selectByID = selectAll + " WHERE id = ?"

    static func insert(_ key: StoredKey, into db: Database) throws {
        let record = key.record
        try db.cachedStatement(sql: "INSERT INTO stored_key (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                record.lookupID, record.id, record.type.prefix, key.digest.encoded, record.name,
                record.owner?.description, record.scopes.joined(separator: " "), record.createdAt,
                record.expiresAt, record.revokedAt, record.lastUsedAt,
            ])
    }

    static func storedKey(_ row: Row) throws -> StoredKey {
        let typeText: String = row[2]
        guard let type = KeyType(prefix: typeText) else { throw KeyCoreError.unsupportedDigest("type \(typeText)") }
        let ownerText: String? = row[5]
        let scopesText: String = row[6]
        let record = KeyRecord(
            id: row[1], type: type, lookupID: row[0], name: row[4],
            owner: ownerText.flatMap(KeyOwner.init(parsing:)),
            scopes: scopesText.split(separator: " ").map(String.init),
            createdAt: row[7], expiresAt: row[8], revokedAt: row[9], lastUsedAt: row[10]
        )
        return StoredKey(record: record, digest: try KeyDigest(encoded: row[3]))
    }
}
