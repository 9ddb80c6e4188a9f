import Foundation

/// How a SQL ``KeyStore`` lays a ``StoredKey`` out in its `stored_key` table, shared by the SQLite
/// and PostgreSQL stores so that both write and read a key alike.
///
/// Times are whole Unix milliseconds (exact round trips, readable by any SQL engine), scopes one
/// space-separated text, the owner its `kind:id` text.
public enum KeyRowLayout {
    /// The columns of a key, in the order ``storedKey(_:)`` reads them.
    public static let columns =
        "lookup_id, id, type, digest, name, owner, scopes, created_at, expires_at, revoked_at, last_used_at, workspace"

    /// Decodes a row selected with ``columns``.
    /// - Throws: ``KeyCoreError/storeUnavailable(path:reason:)`` for a row that no store writes:
    ///   a required column missing, an unknown key type or digest.
    public static func storedKey(_ row: some KeyColumns) throws(KeyCoreError) -> StoredKey {
        guard let lookupID = row.text(0), let id = row.text(1), let typeText = row.text(2), let digest = row.text(3),
              let name = row.text(4), let created = row.integer(7)
        else { throw .storeUnavailable(path: "stored_key", reason: "a row lacks a required column") }
        guard let type = KeyType(prefix: typeText) else {
            throw .storeUnavailable(path: "stored_key", reason: "unknown key type '\(typeText)'")
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

    /// The stored text of a key's scopes.
    public static func text(of scopes: [String]) -> String {
        scopes.joined(separator: " ")
    }

    /// Scopes read back from their stored text; most keys have none, which costs nothing to read.
    public static func scopes(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: " ").map(String.init)
    }

    /// A time as whole Unix milliseconds (to the nearest, so a time already cut to the millisecond
    /// survives the floating-point round trip unchanged).
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// A time read back from Unix milliseconds.
    public static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
