import Foundation
import GRDB
import TestSupport
import Testing

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
            let imported = try pegasusd.run(["keys", "import-drf", "--database", fixture.database, "--table", table])
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
        let again = try pegasusd.run(["keys", "import-drf", "--database", fixture.database])
        #expect(again.stdout.contains("Imported 0 keys") && again.stdout.contains("already present"), "\(again.stdout)")
    }

    @Test func legacyDigestsAreUpgradedOnFirstUseAndOwnersKept() throws {
        let fixture = try DjangoFixture.load()
        for table in fixture.tables.keys {
            _ = try pegasusd.run(["keys", "import-drf", "--database", fixture.database, "--table", table])
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

        enum CodingKeys: String, CodingKey {
            case key, prefix, expect, hasher
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
