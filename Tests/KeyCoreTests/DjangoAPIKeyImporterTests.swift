import Foundation
import GRDB
import TestSupport
import Testing
@testable import KeyCore
@testable import KeyCoreSQLite

/// The importer against a database shaped like djangorestframework-api-key's, with hashes made
/// by Django 5.2 (the end-to-end check with the real library lives in pegasusdTests).
@Suite struct DjangoAPIKeyImporterTests {
    static let key = "AbCd1234.0123456789abcdefghijABCDEFGHIJkl"
    static let sha512 = "sha512$$736197cd2d1b2f720581d8c6f5f1fd142106103d110280ab719ab1004b88d1d3b68f28a763151fec432bfe60af0ddb0235e7095b1f26fe1ca009dfaf59d2359f"
    static let pbkdf2 = "pbkdf2_sha256$1000$fixedSaltValue1234$BcR7dnXrEcXNUSOG0qePsszcZa+tZNisvi2EtQ+8FqY="

    let folder = TemporaryDirectory()

    /// A Django database with `rows` of (prefix, hashed_key, name, created, revoked, expiry_date[, user_id]).
    func djangoDatabase(table: String = DjangoAPIKeyImporter.defaultTable, withUser: Bool = false, rows: [[(any DatabaseValueConvertible)?]]) throws -> String {
        let path = folder.file("django.sqlite3")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE "\(table)" (id varchar(150) PRIMARY KEY, created datetime NOT NULL, name varchar(50) NOT NULL,
                revoked bool NOT NULL, expiry_date datetime NULL, hashed_key varchar(150) NOT NULL, prefix varchar(8) NOT NULL UNIQUE
                \(withUser ? ", user_id integer NOT NULL" : ""))
                """)
            for row in rows {
                let columns = "prefix, hashed_key, name, created, revoked, expiry_date" + (withUser ? ", user_id" : "")
                let marks = Array(repeating: "?", count: row.count).joined(separator: ", ")
                try db.execute(sql: "INSERT INTO \"\(table)\" (id, \(columns)) VALUES (? || '.x', \(marks))",
                               arguments: StatementArguments(([row[0]] + row).map { $0?.databaseValue ?? .null }))
            }
        }
        return path
    }

    @Test func importedKeysVerifyWithTheirOriginalText() async throws {
        let path = try djangoDatabase(rows: [
            ["AbCd1234", Self.sha512, "v3 key", "2026-01-02 03:04:05.123456", false, nil],
        ])
        let keys = try DjangoAPIKeyImporter.read(databaseAt: path)
        let service = KeyService(store: InMemoryKeyStore())
        #expect(try await service.store.insertNew(keys) == 1)
        let record = try #require(try await service.verify(Self.key).record)
        #expect(record.name == "v3 key" && record.type == .djangoAPIKey && record.displayPrefix == "AbCd1234")
        #expect(record.createdAt == Date(timeIntervalSince1970: 1_767_323_045.123))
        #expect(try await service.verify("AbCd1234.0123456789abcdefghijABCDEFGHIJkm") == .rejected(.unknown))
    }

    @Test func revokedAndExpiredDjangoKeysStayRefused() async throws {
        let past = "2001-01-01 00:00:00", future = "2999-01-01T00:00:00Z"
        let path = try djangoDatabase(rows: [
            ["AbCd1234", Self.sha512, "revoked", past, true, nil],
            ["pbkdf2AA", Self.pbkdf2, "expired", past, false, past],
            ["zzzzzzzz", Self.sha512, "future", past, false, future],
        ])
        let keys = try DjangoAPIKeyImporter.read(databaseAt: path, importedAt: Date(timeIntervalSince1970: 5))
        #expect(keys.map(\.record.revokedAt) == [Date(timeIntervalSince1970: 5), nil, nil])
        #expect(keys[2].record.expiresAt == Date(timeIntervalSince1970: 32_472_144_000))
        let service = KeyService(store: InMemoryKeyStore())
        _ = try await service.store.insertNew(keys)
        #expect(try await service.verify(Self.key) == .rejected(.revoked))
    }

    @Test func aCustomTableWithAUserBecomesTheOwner() throws {
        let path = try djangoDatabase(table: "app_userapikey", withUser: true, rows: [
            ["AbCd1234", Self.sha512, "alice's", "2026-01-02 03:04:05", false, nil, 17],
        ])
        let keys = try DjangoAPIKeyImporter.read(databaseAt: path, table: "app_userapikey")
        #expect(keys.first?.record.owner == KeyOwner(.user, "17"))
    }

    @Test func unsupportedHashersFailTheWholeImportNamingTheKeyNotTheHash() throws {
        let path = try djangoDatabase(rows: [
            ["AbCd1234", Self.sha512, "fine", "2026-01-02 03:04:05", false, nil],
            ["Argon2AA", "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$SECRETHASH", "odd", "2026-01-02 03:04:05", false, nil],
        ])
        #expect(throws: KeyCoreError.unsupportedDigest("argon2 (key Argon2AA)")) { try DjangoAPIKeyImporter.read(databaseAt: path) }
    }

    @Test func somethingElseThanADjangoKeyTableIsRefused() throws {
        let path = try djangoDatabase(rows: [])
        for (table, message) in [("no_such_table", "no_such_table"), ("sqlite_master", "lacks column")] {
            #expect {
                _ = try DjangoAPIKeyImporter.read(databaseAt: path, table: table)
            } throws: { error in
                guard case .invalidImportSource(let reason) = error as? KeyCoreError else { return false }
                return reason.contains(message)
            }
        }
        let notSQLite = folder.file("text.sqlite3")
        #expect(FileManager.default.createFile(atPath: notSQLite, contents: Data(repeating: 65, count: 4096)))
        #expect(throws: KeyCoreError.self) { try DjangoAPIKeyImporter.read(databaseAt: notSQLite) }
    }

    @Test func djangoDateFormatsAreReadAsUTC() throws {
        let expected = Date(timeIntervalSince1970: 1_767_323_045)
        for text in ["2026-01-02 03:04:05", "2026-01-02T03:04:05", "2026-01-02 03:04:05Z", "2026-01-02 03:04:05+00:00", "2026-01-02 05:04:05+02:00"] {
            #expect(try DjangoAPIKeyImporter.djangoDate(text, prefix: "p") == expected, "\(text)")
        }
        #expect(throws: KeyCoreError.self) { try DjangoAPIKeyImporter.djangoDate("yesterday", prefix: "p") }
    }

    /// Custom Django user models often have text ids (UUIDs): the owner is the id as written.
    @Test func aTextUserIDIsTheOwnerUnquoted() throws {
        let path = try djangoDatabase(table: "app_userapikey", withUser: true, rows: [
            ["AbCd1234", Self.sha512, "alice's", "2026-01-02 03:04:05", false, nil, "5f0c-user"],
        ])
        let keys = try DjangoAPIKeyImporter.read(databaseAt: path, table: "app_userapikey")
        #expect(keys.first?.record.owner?.description == "user:5f0c-user")
    }
}
