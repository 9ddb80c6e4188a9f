import Foundation
import GRDB
import TestSupport
import Testing
@testable import KeyCore
@testable import KeyCoreSQLite

@Suite struct SQLiteKeyStoreTests {
    let folder = TemporaryDirectory()

    @Test func theKeyTextIsNowhereInTheDatabaseFiles() async throws {
        let path = folder.file("keys.sqlite3")
        let service = KeyService(store: try SQLiteKeyStore(path: path))
        var secrets: [String] = []
        for index in 0..<20 {
            let issued = try await service.create(name: "k\(index)")
            _ = try await service.verify(issued.key.revealed)
            secrets.append(String(issued.key.revealed.split(separator: "_")[2].prefix(KeyFormat.secretLength)))
        }
        try await service.flushUsage()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("keys.sqlite3") }
        #expect(files.contains("keys.sqlite3"))
        var bytes = Data()
        for file in files { bytes += try Data(contentsOf: URL(fileURLWithPath: folder.file(file))) }
        let contents = String(decoding: bytes, as: UTF8.self)
        #expect(contents.contains("k19")) // the scan does see row data
        for secret in secrets {
            #expect(!contents.contains(secret))
        }
    }

    @Test func dataSurvivesReopeningTheStore() async throws {
        let path = folder.file("keys.sqlite3")
        let issued = try await KeyService(store: try SQLiteKeyStore(path: path)).create(name: "durable", owner: KeyOwner(.team, "t1"), scopes: ["a", "b"])
        let reopened = KeyService(store: try SQLiteKeyStore(path: path))
        #expect(try await reopened.verify(issued.key.revealed) == .valid(issued.record))
        #expect(try await reopened.list() == [issued.record])
    }

    @Test func aDuplicateLookupIDIsRefused() async throws {
        let store = try SQLiteKeyStore(path: folder.file("keys.sqlite3"))
        let record = KeyRecord(id: "1", type: .apiKey, lookupID: "AAAAAAAAAAAA", name: "a", createdAt: Date())
        let key = StoredKey(record: record, digest: .sha256(Array(repeating: 0, count: 32)))
        try store.insert(key)
        var twin = key
        twin.record.id = "2"
        #expect(throws: KeyCoreError.duplicateLookupID("AAAAAAAAAAAA")) { try store.insert(twin) }
        #expect(try store.insertNew([twin]) == 0)
    }

    @Test func revocationCannotBeUndoneEvenWithDirectSQL() async throws {
        let path = folder.file("keys.sqlite3")
        let service = KeyService(store: try SQLiteKeyStore(path: path))
        let issued = try await service.create(name: "k")
        try await service.revoke(id: issued.record.id)
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE stored_key SET revoked_at = NULL") }
        }
        #expect(try await service.verify(issued.key.revealed) == .rejected(.revoked))
    }

    @Test func anUnusableLocationGivesAStoreError() throws {
        let file = folder.file("plain-file")
        FileManager.default.createFile(atPath: file, contents: Data("not a folder".utf8))
        for path in [file + "/keys.sqlite3", "/proc/pegasus-test/keys.sqlite3", file] {
            #expect {
                _ = try SQLiteKeyStore(path: path)
            } throws: { error in
                guard case .storeUnavailable(let failedPath, _) = error as? KeyCoreError else { return false }
                return failedPath == path
            }
        }
    }

    @Test func aWholeImportIsOneTransaction() async throws {
        let store = try SQLiteKeyStore(path: folder.file("keys.sqlite3"))
        let good = StoredKey(record: KeyRecord(id: "1", type: .apiKey, lookupID: "AAAAAAAAAAAA", name: "ok", createdAt: Date()), digest: .sha256(Array(repeating: 0, count: 32)))
        // The schema refuses an empty name; the good row before it must not stay behind.
        let bad = StoredKey(record: KeyRecord(id: "2", type: .apiKey, lookupID: "BBBBBBBBBBBB", name: "", createdAt: Date()), digest: .sha256(Array(repeating: 0, count: 32)))
        #expect(throws: KeyCoreError.self) { try store.insertNew([good, bad]) }
        #expect(try store.records(ownedBy: nil).isEmpty)
    }

    @Test func aRevocationInThisProcessIsSeenByTheVeryNextVerification() async throws {
        let service = KeyService(store: try SQLiteKeyStore(path: folder.file("keys.sqlite3")))
        let issued = try await service.create(name: "k")
        // Verifying first leaves the reader connections holding a read snapshot.
        for _ in 0..<10 { #expect(try await service.verify(issued.key.revealed).record != nil) }
        try await service.revoke(id: issued.record.id)
        #expect(try await service.verify(issued.key.revealed) == .rejected(.revoked))
    }

    @Test func aKeyCreatedInThisProcessVerifiesAtOnce() async throws {
        let service = KeyService(store: try SQLiteKeyStore(path: folder.file("keys.sqlite3")))
        _ = try await service.verify(try await service.create(name: "first").key.revealed)
        let second = try await service.create(name: "second")
        #expect(try await service.verify(second.key.revealed).record?.name == "second")
    }

    /// Another process (here: another store on the same file) revokes a key; once the reader's
    /// snapshot age (100 ms) has passed, the very next verification in this process refuses it.
    @Test func aRevocationByAnotherProcessIsSeenOnceTheSnapshotAgeHasPassed() async throws {
        let path = folder.file("keys.sqlite3")
        let server = KeyService(store: try SQLiteKeyStore(path: path))
        let admin = KeyService(store: try SQLiteKeyStore(path: path))
        let issued = try await server.create(name: "k")
        #expect(try await server.verify(issued.key.revealed).record != nil)
        try await admin.revoke(id: issued.record.id)
        try await Task.sleep(for: SQLiteLookupReader.maximumSnapshotAge)
        #expect(try await server.verify(issued.key.revealed) == .rejected(.revoked))
    }

    /// Lookup connections that fall idle end their read snapshots, so a checkpoint can reset the
    /// WAL while only other tables of the file are written (as the daemon writes sessions). The
    /// wait is on the checkpoint succeeding; without the sweep it never does.
    @Test func idleLookupConnectionsDoNotHoldBackCheckpoints() async throws {
        let path = folder.file("keys.sqlite3")
        let service = KeyService(store: try SQLiteKeyStore(path: path))
        let issued = try await service.create(name: "k")
        for _ in 0..<10 { #expect(try await service.verify(issued.key.revealed).record != nil) }
        let sessions = try DatabaseQueue(path: path)
        try await sessions.write { db in
            try db.execute(sql: "CREATE TABLE session_like (id INTEGER PRIMARY KEY); INSERT INTO session_like DEFAULT VALUES")
        }
        let deadline = ContinuousClock.now + .seconds(10)
        var walFrames = -1
        while walFrames != 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            let row = try await sessions.writeWithoutTransaction { try Row.fetchOne($0, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            walFrames = row.map { $0[0] == 0 ? $0[1] as Int : -1 } ?? -1
        }
        #expect(walFrames == 0, "the WAL was never reset: a reader kept its snapshot")
        withExtendedLifetime(service) {}
    }

    /// Commits are written with `synchronous = FULL` (2): an acknowledged revocation survives
    /// a power cut, which WAL's default NORMAL does not promise.
    @Test func commitsAreSyncedInFull() async throws {
        let store = try SQLiteKeyStore(path: folder.file("sync.sqlite3"))
        #expect(try await store.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }
}
