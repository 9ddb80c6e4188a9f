import Foundation
import Logging
import PostgresNIO
import TestSupport
import Testing
@testable import KeyCore
@testable import KeyCorePostgres

/// What the PostgreSQL store adds to the behaviour every store shares (those tests run over
/// ``StoreKind/postgres`` too): several servers on one database, and how it fails.
@Suite(.enabled(if: TestPostgres.adminURL != nil || TestPostgres.isRequired, "needs PEGASUS_TEST_POSTGRES_URL"))
struct PostgresKeyStoreTests {
    let folder = TemporaryDirectory()
    let clock = TestClock()
    let logger = Logger.forTests

    /// The parts of the test server's superuser URL.
    func adminComponents() throws -> URLComponents {
        let adminURL = try #require(TestPostgres.adminURL)
        return try #require(URLComponents(string: adminURL))
    }

    /// A fresh database of the test server.
    func freshURL() async throws -> PostgresURL {
        try PostgresURL(try await TestPostgres.freshDatabase())
    }

    /// A key revoked through one server is refused by another on its very next request: no
    /// server caches what it read.
    @Test func aKeyRevokedThroughOneServerIsRefusedByAnotherAtOnce() async throws {
        let url = try await freshURL()
        let first = KeyService(store: try await StoreKind.postgresStore(url: url, folder: folder), clock: { clock.now })
        let second = KeyService(store: try await StoreKind.postgresStore(url: url, folder: folder), clock: { clock.now })
        let issued = try await first.create(name: "shared")
        #expect(try await second.verify(issued.key.revealed) == .valid(issued.record))
        try await first.revoke(id: issued.record.id)
        #expect(try await second.verify(issued.key.revealed) == .rejected(.revoked))
    }

    @Test func revocationIsFinalEvenThroughDirectSQL() async throws {
        let url = try await freshURL()
        let client = folder.postgresClient(for: url)
        let service = KeyService(store: try await StoreKind.postgresStore(url: url, folder: folder), clock: { clock.now })
        let issued = try await service.create(name: "k")
        let revoked = try await service.revoke(id: issued.record.id)
        let id = issued.record.id

        for update: PostgresQuery in [
            "UPDATE stored_key SET revoked_at = NULL WHERE id = \(id)",
            "UPDATE stored_key SET revoked_at = revoked_at + 1 WHERE id = \(id)",
        ] {
            let error = await #expect(throws: (any Error).self) { try await client.query(update, logger: logger).collect() }
            #expect(error.map(FailureReason.of) == "revocation is final")
        }
        #expect(try await service.record(id: id).revokedAt == revoked.revokedAt)
        #expect(try await service.verify(issued.key.revealed) == .rejected(.revoked))
        // Other columns of a revoked key may still change.
        _ = try await client.query("UPDATE stored_key SET name = 'renamed' WHERE id = \(id)", logger: logger).collect()
        #expect(try await service.record(id: id).name == "renamed")
    }

    @Test func keysAndTheirStateSurviveANewClient() async throws {
        let url = try await freshURL()
        let issued: IssuedKey, revokedID: String
        do {
            let scratch = TemporaryDirectory()
            let service = KeyService(store: try await StoreKind.postgresStore(url: url, folder: scratch), clock: { clock.now })
            issued = try await service.create(name: "kept", owner: KeyOwner(.team, "7"), scopes: ["a", "b"], workspace: "team-7")
            revokedID = try await service.create(name: "gone").record.id
            try await service.revoke(id: revokedID)
            _ = try await service.verify(issued.key.revealed)
            try await service.flushUsage()
        }  // the first client stops here

        let service = KeyService(store: try await StoreKind.postgresStore(url: url, folder: folder), clock: { clock.now })
        guard case .valid(let record) = try await service.verify(issued.key.revealed) else {
            Issue.record("the key did not verify through a new client")
            return
        }
        #expect(record.scopes == ["a", "b"] && record.workspace == "team-7" && record.owner == KeyOwner(.team, "7"))
        #expect(record.lastUsedAt == clock.now)
        #expect(try await service.record(id: revokedID).revokedAt == clock.now)
        #expect(try await service.list().count == 2)
    }

    @Test func thePepperFingerprintRoundTrips() async throws {
        let store = try await StoreKind.postgresStore(url: try await freshURL(), folder: folder)
        #expect(try await store.pepperFingerprint() == nil)
        try await store.recordPepperFingerprint(.none)
        #expect(try await store.pepperFingerprint() == PepperFingerprint.none)
        let peppered = PepperFingerprint(of: .init(size: .bits256))
        try await store.recordPepperFingerprint(peppered)
        #expect(try await store.pepperFingerprint() == peppered)
    }

    @Test func insertNewAddsAllOrNothingAndSkipsStoredLookupIDs() async throws {
        let store = try await StoreKind.postgresStore(url: try await freshURL(), folder: folder)
        func key(_ lookupID: String, name: String = "imported") -> StoredKey {
            StoredKey(
                record: KeyRecord(id: UUID().uuidString, type: .djangoAPIKey, lookupID: lookupID, name: name, createdAt: clock.now),
                digest: KeyHasher().digest(of: PlaintextKey(lookupID + ".secret")))
        }
        #expect(try await store.insertNew([key("AAAA0001"), key("AAAA0002")]) == 2)
        #expect(try await store.insertNew([key("AAAA0002"), key("AAAA0003")]) == 1)
        // The schema refuses a 51-character name: the whole batch is rolled back.
        await #expect(throws: KeyCoreError.self) {
            try await store.insertNew([key("AAAA0004"), key("AAAA0005", name: String(repeating: "x", count: 51))])
        }
        #expect(try await store.find(lookupID: "AAAA0004") == nil)
        await #expect(throws: KeyCoreError.duplicateLookupID("AAAA0001")) { try await store.insert(key("AAAA0001")) }
        #expect(try await store.records(ownedBy: nil).count == 3)
    }

    /// A batch larger than one statement's worth of rows, with a lookup id repeated across them.
    @Test func insertNewOfManyKeysSkipsRepeatsAcrossStatements() async throws {
        let store = try await StoreKind.postgresStore(url: try await freshURL(), folder: folder)
        let keys = (0..<2_500).map { index in
            StoredKey(
                record: KeyRecord(
                    id: "id-\(index)", type: .apiKey, lookupID: String(format: "L%011d", index % 2_400), name: "k\(index)",
                    createdAt: clock.now),
                digest: KeyHasher().digest(of: PlaintextKey("secret \(index)")))
        }
        #expect(try await store.insertNew(keys) == 2_400)
        #expect(try await store.find(lookupID: "L00000000099")?.record.id == "id-99")
        #expect(try await store.records(ownedBy: nil).count == 2_400)
    }

    /// Several servers starting together on one database: each migration is applied once.
    @Test func migrationsAppliedByManyClientsAtOnceApplyOnce() async throws {
        let url = try await freshURL()
        var migrations = PostgresMigrations(component: "race")
        migrations.append("v1: a table and a function", sql: """
            CREATE TABLE applied (migration TEXT NOT NULL);
            -- A body with semicolons of its own; the script is split around it.
            CREATE FUNCTION note(text) RETURNS void LANGUAGE plpgsql AS $body$
            BEGIN
                INSERT INTO applied VALUES ($1);
            END;
            $body$;
            SELECT note('v1');
            """)
        migrations.append("v2: a second step", sql: "SELECT note('v2; with a semicolon')")
        let clients = (0..<6).map { _ in folder.postgresClient(for: url) }
        let script = migrations

        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask { try await script.apply(to: client, logger: logger) }
            }
            try await group.waitForAll()
        }

        let rows = try await clients[0].query("SELECT migration FROM applied ORDER BY migration", logger: logger)
        var applied: [String] = []
        for try await migration in rows.decode(String.self) { applied.append(migration) }
        #expect(applied == ["v1", "v2; with a semicolon"])
        #expect(try await migrations.pending(in: clients[0], logger: logger).isEmpty)
        let recorded = try await clients[0].query(
            "SELECT count(*) FROM pegasus_migration WHERE component = 'race'", logger: logger)
        #expect(try await recorded.decode(Int.self).first { _ in true } == 2)
    }

    @Test func aFailedMigrationIsRolledBackAndNamed() async throws {
        let client = folder.postgresClient(for: try await freshURL())
        var migrations = PostgresMigrations(component: "broken")
        migrations.append("v1: fine", sql: "CREATE TABLE fine (x INT)")
        migrations.append("v2: broken", sql: "CREATE TABLE half (x INT); SELECT * FROM missing_table")
        let error = await #expect(throws: PostgresMigrationError.self) { try await migrations.apply(to: client, logger: logger) }
        #expect(error?.description == #"migration 'v2: broken' of broken failed: relation "missing_table" does not exist"#)
        #expect(try await migrations.pending(in: client, logger: logger) == ["v2: broken"])
        let half = try await client.query("SELECT to_regclass('half') IS NULL", logger: logger)
        #expect(try await half.decode(Bool.self).first { _ in true } == true)
    }

    /// Why migrations are split into statements: postgres-nio sends each query with the
    /// extended protocol, which takes one statement.
    @Test func theServerRefusesSeveralStatementsInOneQuery() async throws {
        let client = folder.postgresClient(for: try await freshURL())
        let error = await #expect(throws: (any Error).self) { try await client.query("SELECT 1; SELECT 2", logger: logger).collect() }
        #expect(error.map(FailureReason.of) == "cannot insert multiple commands into a prepared statement")
    }

    @Test func aWrongPasswordFailsWithOneLineNamingTheUserButNotThePassword() async throws {
        var components = try adminComponents()
        let wrong = "not-the-password-" + UUID().uuidString
        components.password = wrong
        let url = try PostgresURL(try #require(components.string))
        let error = await #expect(throws: PostgresUnavailable.self) { try await url.checkConnection(logger: logger) }
        let message = try #require(error?.description)
        #expect(message == "cannot reach PostgreSQL at \(url): password authentication failed for user \"\(components.user!)\"")
        #expect(!message.contains(wrong) && !message.contains("\n"))
    }

    @Test func theRightCredentialsPassTheCheck() async throws {
        let adminURL = try #require(TestPostgres.adminURL)
        try await PostgresURL(adminURL).checkConnection(logger: logger)
    }

    @Test func aMissingDatabaseIsNamedByTheServer() async throws {
        var components = try adminComponents()
        components.path = "/no_such_database"
        let url = try PostgresURL(try #require(components.string))
        let error = await #expect(throws: PostgresUnavailable.self) { try await url.checkConnection(logger: logger) }
        #expect(error?.description.hasSuffix(#": database "no_such_database" does not exist"#) == true)
    }
}

/// A server that is down: every call fails as unavailable within its timeout, where postgres-nio
/// alone would hold a lease for a minute before its circuit breaker trips.
@Suite struct PostgresDownTests {
    let folder = TemporaryDirectory()
    let logger = Logger.forTests
    /// Port 1 on loopback: nothing listens there, so connecting is refused at once.
    let down = try! PostgresURL("postgres://app:secret-password@127.0.0.1:1/keys")
    /// What a timing may exceed its timeout by: alone these tests take the timeout to the
    /// millisecond, but among the other tests running in parallel on two cores a task was seen
    /// to wait 17 seconds to be scheduled. Still short of the minute postgres-nio alone would wait.
    static let slack: Duration = .seconds(40)

    @Test func theCheckOfARefusedPortFailsWithinItsTimeout() async throws {
        let started = ContinuousClock.now
        let error = await #expect(throws: PostgresUnavailable.self) { try await down.checkConnection(timeout: .seconds(2), logger: logger) }
        #expect(ContinuousClock.now - started < .seconds(2) + Self.slack)
        #expect(error?.description == "cannot reach PostgreSQL at postgres://app:***@127.0.0.1:1/keys: connection refused")
    }

    @Test func aLeaseFromAPoolThatCannotConnectFailsAtItsTimeout() async throws {
        let client = folder.postgresClient(for: down)
        let started = ContinuousClock.now
        let error = await #expect(throws: PostgresUnavailable.self) {
            try await client.withConnection(timeout: .milliseconds(300)) { _ in Issue.record("a connection was lent") }
        }
        #expect(ContinuousClock.now - started < .milliseconds(300) + Self.slack)
        #expect(error?.description == "cannot reach PostgreSQL: no connection within 0.3 seconds")
    }

    @Test func everyStoreCallFailsAsUnavailable() async throws {
        let store = PostgresKeyStore(
            client: folder.postgresClient(for: down), url: down, logger: logger, connectionTimeout: .milliseconds(200))
        let unavailable = KeyCoreError.storeUnavailable(
            path: "postgres://app:***@127.0.0.1:1/keys", reason: "no connection within 0.2 seconds")
        await #expect(throws: unavailable) { try await store.find(lookupID: "AAAA0001") }
        await #expect(throws: unavailable) { try await store.records(ownedBy: nil) }
        await #expect(throws: KeyCoreError.self) { try await store.migrate() }
    }
}
