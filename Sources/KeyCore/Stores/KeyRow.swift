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
                record.owner?.description, record.scopes.joined(separator: " "), milliseconds(record.createdAt),
                record.expiresAt.map(milliseconds), record.revokedAt.map(milliseconds), record.lastUsedAt.map(milliseconds),
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
            createdAt: date(row[7]), expiresAt: (row[8] as Int64?).map(date), revokedAt: (row[9] as Int64?).map(date),
            lastUsedAt: (row[10] as Int64?).map(date)
        )
        return StoredKey(record: record, digest: try KeyDigest(encoded: row[3]))
    }

    /// Times are stored as whole Unix milliseconds (to the nearest, so a time already cut to
    /// the millisecond survives the floating-point round trip unchanged).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
