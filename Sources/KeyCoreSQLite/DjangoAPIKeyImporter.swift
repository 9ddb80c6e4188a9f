import KeyCore
import Foundation
import GRDB

/// Reads the keys of a djangorestframework-api-key SQLite database so they can be added to a
/// ``KeyStore`` and keep working without being reissued.
///
/// It reads the library's `rest_framework_api_key_apikey` table or any table of a model that
/// extends `AbstractAPIKey` (same `prefix`, `hashed_key`, `name`, `created`, `revoked`,
/// `expiry_date` columns). A `user_id` or `team_id` column becomes the key's owner. The database
/// is opened read-only and never changed.
///
/// Stored digests are taken as they are (`sha512$$…` from 3.x, `pbkdf2_sha256$…` from 2.x);
/// ``KeyService/verify(_:)`` rewrites each to the native digest on its first success.
public enum DjangoAPIKeyImporter {
    public static let defaultTable = "rest_framework_api_key_apikey"
    /// Django's user table (`django.contrib.auth`'s `User`).
    public static let defaultUserTable = "auth_user"
    static let requiredColumns: Set<String> = ["prefix", "hashed_key", "name", "created", "revoked", "expiry_date"]

    /// The keys in `table` of the SQLite database at `path`, as ``StoredKey`` values with new ids.
    /// - Parameter importedAt: the revocation time given to keys that were revoked in Django
    ///   (which does not record when).
    /// - Throws: ``KeyCoreError/invalidImportSource(_:)`` when the file cannot be read as such a
    ///   table, or ``KeyCoreError/unsupportedDigest(_:)`` naming the key prefix whose hash
    ///   algorithm is not supported; nothing is returned in that case.
    public static func read(databaseAt path: String, table: String = defaultTable, importedAt: Date = Date()) throws(KeyCoreError) -> [StoredKey] {
        try reading(databaseAt: path) { db in
            let columns = try Set(db.columns(in: table).map(\.name))
            let missing = requiredColumns.subtracting(columns)
            guard missing.isEmpty else {
                throw KeyCoreError.invalidImportSource("table \(table) lacks column(s) \(missing.sorted().joined(separator: ", ")); is it a djangorestframework-api-key table?")
            }
            let ownerColumn = columns.contains("user_id") ? "user_id" : columns.contains("team_id") ? "team_id" : nil
            let ownerKind: KeyOwner.Kind = ownerColumn == "team_id" ? .team : .user
            let ownerSelect = ownerColumn.map { ", " + $0.quotedDatabaseIdentifier } ?? ""
            let rows = try Row.fetchAll(db, sql: """
                SELECT prefix, hashed_key, name, created, revoked, expiry_date\(ownerSelect)
                FROM \(table.quotedDatabaseIdentifier) ORDER BY created
                """)
            return try rows.map { row in
                try storedKey(row, ownerKind: ownerColumn == nil ? nil : ownerKind, importedAt: importedAt)
            }
        }
    }

    /// Each Django user's email, by user id (as text, as key owners are written), read from
    /// `table` (`auth_user`, or a custom user model's table with `id` and `email` columns) of the
    /// SQLite database at `path`. Users without an email are left out.
    /// - Throws: ``KeyCoreError/invalidImportSource(_:)`` when the file or table cannot be read.
    public static func userEmails(databaseAt path: String, table: String = defaultUserTable) throws(KeyCoreError) -> [String: String] {
        try reading(databaseAt: path) { db in
            let columns = try Set(db.columns(in: table).map(\.name))
            guard columns.isSuperset(of: ["id", "email"]) else {
                throw KeyCoreError.invalidImportSource("table \(table) has no id and email columns; is it a Django user table?")
            }
            var emails: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, email FROM \(table.quotedDatabaseIdentifier)") {
                if let id = text(row[0]), let email = row[1] as String?, !email.isEmpty { emails[id] = email }
            }
            return emails
        }
    }

    /// Runs `body` on the database at `path` opened read-only, reporting every failure as
    /// ``KeyCoreError/invalidImportSource(_:)``.
    private static func reading<T>(databaseAt path: String, _ body: (Database) throws -> T) throws(KeyCoreError) -> T {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .invalidImportSource("\(path) does not exist or is not readable")
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: path, configuration: configuration).read(body)
        } catch let error as KeyCoreError {
            throw error
        } catch let error as DatabaseError {
            throw .invalidImportSource("\(path): \(error.message ?? "\(error.resultCode)")")
        } catch {
            throw .invalidImportSource("\(path): \(error)")
        }
    }

    /// A Django id as text: integers and text ids (UUIDs, custom users) as they are.
    private static func text(_ value: DatabaseValue) -> String? {
        String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map(String.init)
    }

    private static func storedKey(_ row: Row, ownerKind: KeyOwner.Kind?, importedAt: Date) throws -> StoredKey {
        let prefix: String = row["prefix"]
        let hashed: String = row["hashed_key"]
        // Only the algorithm tag goes into the error: the rest of the column is the hash.
        guard let digest = try? KeyDigest(encoded: hashed), digest.isLegacy else {
            throw KeyCoreError.unsupportedDigest("\(hashed.prefix { $0 != "$" }) (key \(prefix))")
        }
        let name = (try? KeyService.validatedName(row["name"])) ?? "imported \(prefix)"
        let owner: KeyOwner? = ownerKind.flatMap { kind in text(row[6]).map { KeyOwner(kind, $0) } }
        let revoked: Bool = row["revoked"]
        let record = KeyRecord(
            id: UUID().uuidString.lowercased(), type: .djangoAPIKey, lookupID: prefix, name: name, owner: owner,
            createdAt: try djangoDate(row["created"], prefix: prefix).truncatedToMilliseconds,
            expiresAt: try (row["expiry_date"] as String?).map { try djangoDate($0, prefix: prefix).truncatedToMilliseconds },
            revokedAt: revoked ? importedAt.truncatedToMilliseconds : nil
        )
        return StoredKey(record: record, digest: digest)
    }

    /// Django's SQLite backend writes datetimes as UTC text, `YYYY-MM-DD HH:MM:SS[.ffffff]`,
    /// sometimes with a `T` separator or an explicit UTC offset.
    static func djangoDate(_ text: String, prefix: String) throws -> Date {
        let normalized = text.replacingOccurrences(of: "T", with: " ")
        let pattern = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/
        guard let match = normalized.wholeMatch(of: pattern) else {
            throw KeyCoreError.invalidImportSource("key \(prefix) has an unreadable date '\(text)'")
        }
        var components = DateComponents()
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = Int(match.1); components.month = Int(match.2); components.day = Int(match.3)
        components.hour = Int(match.4); components.minute = Int(match.5); components.second = Int(match.6)
        guard let whole = Calendar(identifier: .gregorian).date(from: components) else {
            throw KeyCoreError.invalidImportSource("key \(prefix) has an invalid date '\(text)'")
        }
        let fraction = match.7.map { Double("0." + $0) ?? 0 } ?? 0
        let offset = match.8.map(offsetSeconds) ?? 0
        return whole.addingTimeInterval(fraction - offset)
    }

    private static func offsetSeconds(_ text: Substring) -> TimeInterval {
        guard text != "Z" else { return 0 }
        let digits = text.dropFirst().filter(\.isNumber)
        let hours = Double(digits.prefix(2)) ?? 0
        let minutes = Double(digits.suffix(2)) ?? 0
        return (text.first == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
