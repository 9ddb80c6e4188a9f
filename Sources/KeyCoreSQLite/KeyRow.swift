import KeyCore
import Foundation
import GRDB

/// The mapping between ``StoredKey`` and a row of the `stored_key` table, hand-written so the
/// verification read decodes by column position with no `Codable` overhead.
enum KeyRow {
    static let columns = "lookup_id, id, type, digest, name, owner, scopes, created_at, expires_at, revoked_at, last_used_at, workspace"
    static let selectAll = "SELECT \(columns) FROM stored_key"
    static let selectByLookupID = selectAll + " WHERE lookup_id = ?"
    static let selectByID = selectAll + " WHERE id = ?"

    static func insert(_ key: StoredKey, into db: Database) throws {
        let record = key.record
        try db.cachedStatement(sql: "INSERT INTO stored_key (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                record.lookupID, record.id, record.type.prefix, key.digest.encoded, record.name,
                record.owner?.description, record.scopes.joined(separator: " "), milliseconds(record.createdAt),
                record.expiresAt.map(milliseconds), record.revokedAt.map(milliseconds), record.lastUsedAt.map(milliseconds),
                record.workspace,
            ])
    }

    /// Decodes a row selected with ``columns``, from GRDB or from a raw statement.
    static func storedKey(_ row: some KeyColumns) throws -> StoredKey {
        guard let lookupID = row.text(0), let id = row.text(1), let typeText = row.text(2), let digest = row.text(3),
              let name = row.text(4), let created = row.integer(7)
        else { throw KeyCoreError.storeUnavailable(path: "stored_key", reason: "a row lacks a required column") }
        guard let type = KeyType(prefix: typeText) else {
            throw KeyCoreError.storeUnavailable(path: "stored_key", reason: "unknown key type '\(typeText)'")
        }
        let record = KeyRecord(
            id: id, type: type, lookupID: lookupID, name: name,
            owner: row.text(5).flatMap(KeyOwner.init(parsing:)),
            scopes: row.text(6).map(scopes) ?? [], workspace: row.text(11),
            createdAt: date(created), expiresAt: row.integer(8).map(date), revokedAt: row.integer(9).map(date),
            lastUsedAt: row.integer(10).map(date)
        )
        return StoredKey(record: record, digest: try KeyDigest(encoded: digest))
    }

    /// Scopes are stored space-separated; most keys have none, which costs nothing to read.
    static func scopes(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: " ").map(String.init)
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

/// Reads the columns of one `stored_key` row by position.
protocol KeyColumns {
    func text(_ index: Int) -> String?
    func integer(_ index: Int) -> Int64?
}

extension Row: KeyColumns {
    func text(_ index: Int) -> String? { self[index] }
    func integer(_ index: Int) -> Int64? { self[index] }
}
