import Foundation
import GRDB
import TestSupport
import Testing
@testable import pegasusd

/// Keys made by the real djangorestframework-api-key (in a throwaway virtualenv, by
/// `Tests/Interop/make_drf_fixture.py`) are imported with `keys import-drf` and checked with
/// `keys verify`. The test command sets `PEGASUS_DRF_MANIFEST` and `PEGASUS_REQUIRE_INTEROP=1`;
/// a plain `swift test` without the fixture skips this suite.
@Suite(.enabled(if: DjangoFixture.manifestPath != nil || DjangoFixture.required, "needs the Django fixture (run scripts/test.sh)"))
struct DjangoInteropTests {
    let temporary = TemporaryDirectory()
    var pegasusd: PegasusdProcess { PegasusdProcess(dataDirectory: temporary.file("data")) }

    @Test func importedDjangoKeysVerifyExactlyAsDjangoDecided() throws {
        let fixture = try DjangoFixture.load()
        for (table, keys) in fixture.tables.sorted(by: { $0.key < $1.key }) {
            let imported = try pegasusd.run(["keys", "import-drf", "--from", fixture.database, "--table", table])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("Imported \(keys.count) key"), "\(imported.stdout)")

            for key in keys {
                let outcome = try pegasusd.run(["keys", "verify"], input: key.key)
                if key.expect == "valid" {
                    #expect(outcome.status == 0, "\(table) \(key.prefix) (\(key.hasher)): \(outcome.stdout)")
                } else {
                    #expect(outcome.status == 1 && outcome.stdout == "rejected: \(key.expect)\n", "\(table) \(key.prefix): \(outcome.stdout)")
                }
                for altered in Self.alterations(of: key.key) {
                    let refused = try pegasusd.run(["keys", "verify"], input: altered)
                    #expect(refused.status == 1, "accepted an altered key of \(key.prefix): \(altered)")
                }
            }
        }
        let again = try pegasusd.run(["keys", "import-drf", "--from", fixture.database])
        #expect(again.stdout.contains("Imported 0 keys") && again.stdout.contains("already present"), "\(again.stdout)")
    }

    @Test func legacyDigestsAreUpgradedOnFirstUseAndOwnersKept() throws {
        let fixture = try DjangoFixture.load()
        for table in fixture.tables.keys {
            _ = try pegasusd.run(["keys", "import-drf", "--from", fixture.database, "--table", table])
        }
        let all = fixture.tables.values.flatMap { $0 }
        let pbkdf2 = try #require(all.first { $0.hasher == "pbkdf2" && $0.expect == "valid" })
        let database = try DatabaseQueue(path: temporary.file("data/pegasus.sqlite3"))
        let digest = { try database.read { try String.fetchOne($0, sql: "SELECT digest FROM stored_key WHERE lookup_id = ?", arguments: [pbkdf2.prefix]) } }
        #expect(try digest()?.hasPrefix("pbkdf2_sha256$") == true)
        #expect(try pegasusd.run(["keys", "verify"], input: pbkdf2.key).status == 0)
        #expect(try digest()?.hasPrefix("sha256$") == true)
        #expect(try pegasusd.run(["keys", "verify"], input: pbkdf2.key).status == 0)

        let owned = try #require(all.first { $0.userID != nil })
        let listing = try pegasusd.run(["keys", "list", "--owner", "user:\(owned.userID!)", "--json"]).stdout
        #expect(listing.contains(owned.prefix))
    }

    /// Moving from Django over HTTP: the people exist in pegasusd under the same emails, the
    /// import gives each key to its person, who lists and revokes it; a still-valid imported key
    /// calls the employee API. A key of a Django user with no pegasusd user stops the import
    /// until it is mapped or left out.
    @Test func importedKeysBelongToTheirPeopleOverHTTP() async throws {
        let fixture = try DjangoFixture.load()
        let (table, keys) = try #require(fixture.tables.first { $0.value.contains { $0.userID != nil } })
        let alices = keys.filter { $0.email == "alice@example.com" }, carols = keys.filter { $0.email == "carol@example.com" }
        try #require(alices.count == 3 && carols.count == 1)
        #expect(try pegasusd.run(["users", "create", "--email", "alice@example.com"], input: "correct horse battery\n").status == 0)
        let importing = ["keys", "import-drf", "--from", fixture.database, "--table", table]

        let refused = try pegasusd.run(importing + ["--users-by-email"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("key \(carols[0].prefix) of Django user \(carols[0].userID!) (no pegasusd user carol@example.com)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Nothing was imported"))
        #expect(try pegasusd.run(["keys", "list", "--json"]).stdout.contains(alices[0].prefix) == false)

        let imported = try pegasusd.run(importing + ["--users-by-email", "--skip-unmapped"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 3 keys") && imported.stdout.contains("Left out key \(carols[0].prefix)"), "\(imported.stdout)")

        try await LiveServer.serving({ $0.dataDir = temporary.file("data") }) { server in
            let alice = try await server.login("alice@example.com")
            let listing = try await server.send("GET", "/api/keys/", headers: alice.bearer)
            let results = try #require(listing.json["results"] as? [[String: Any]])
            #expect(Set(results.compactMap { $0["prefix"] as? String }) == Set(alices.map(\.prefix)))
            #expect(results.allSatisfy { $0["owner"] as? String == "user:\(alice.userID)" })
            let (laptop, ci) = (alices[0], alices[1])
            let laptopID = try #require(results.first { $0["prefix"] as? String == laptop.prefix }?["id"] as? String)
            let employees = "/pegasus/employees/api/employees/"
            #expect(try await server.send("GET", employees, headers: ["Authorization": "Api-Key \(laptop.key)"]).status == 200)
            #expect(try await server.send("DELETE", "/api/keys/\(laptopID)/", headers: alice.bearer).status == 204)
            #expect(try await server.send("GET", employees, headers: ["Authorization": "Api-Key \(laptop.key)"]).status == 401)
            #expect(try await server.send("GET", employees, headers: ["Authorization": "Api-Key \(ci.key)"]).status == 200)
        }

        // A mapping file gives carol's key to alice (an explicit choice, as when emails differ).
        let map = temporary.file("users.csv")
        try Data("# django id,email\n\(carols[0].userID!),alice@example.com\n".utf8).write(to: URL(fileURLWithPath: map))
        let mapped = try pegasusd.run(importing + ["--users-by-email", "--user-map", map])
        #expect(mapped.stdout.contains("Imported 1 key") && mapped.stdout.contains("3 already present"), "\(mapped.stdout) \(mapped.stderr)")
        #expect(try pegasusd.run(["keys", "verify"], input: carols[0].key).stdout.contains("owner user:"))
    }

    /// A changed last character, a changed prefix character, case changes, truncation.
    static func alterations(of key: String) -> [String] {
        func replacing(_ offset: Int) -> String {
            var chars = Array(key)
            chars[offset] = chars[offset] == "a" ? "b" : "a"
            return String(chars)
        }
        return [replacing(key.count - 1), replacing(0), key.uppercased(), key.lowercased(), String(key.dropLast())]
            .filter { $0 != key }
    }
}

/// The manifest written by `Tests/Interop/make_drf_fixture.py`.
struct DjangoFixture: Decodable {
    struct Key: Decodable {
        let key: String
        let prefix: String
        let expect: String
        let hasher: String
        let userID: Int?
        let email: String?

        enum CodingKeys: String, CodingKey {
            case key, prefix, expect, hasher, email
            case userID = "user_id"
        }
    }

    let database: String
    let tables: [String: [Key]]

    static let manifestPath = ProcessInfo.processInfo.environment["PEGASUS_DRF_MANIFEST"]
    static let required = ProcessInfo.processInfo.environment["PEGASUS_REQUIRE_INTEROP"] == "1"

    static func load() throws -> DjangoFixture {
        let path = try #require(manifestPath, "PEGASUS_REQUIRE_INTEROP=1 but PEGASUS_DRF_MANIFEST is not set")
        return try JSONDecoder().decode(DjangoFixture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
