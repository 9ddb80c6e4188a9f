import Foundation
import GRDB
import TestSupport
import Testing

/// `pegasusd keys …` run as a separate process against a real data folder.
@Suite struct KeysCommandTests {
    let temporary = TemporaryDirectory()
    var folder: String { temporary.file("data") }
    var pegasusd: PegasusdProcess { PegasusdProcess(dataDirectory: folder) }

    @Test func createPrintsTheKeyOnceWithAWarning() throws {
        let outcome = try pegasusd.run(["keys", "create", "--name", "deploy"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("pgk_"))
        #expect(lines[2].contains("will not be shown again"))
        let listing = try pegasusd.run(["keys", "list"]).stdout + (try pegasusd.run(["keys", "list", "--json"]).stdout)
        #expect(listing.contains("deploy"))
        #expect(!listing.contains(String(lines[1])))
        #expect(listing.contains(String(lines[1].prefix(16)))) // the public prefix is shown
    }

    @Test func verifyExitsZeroOnlyForAValidKey() throws {
        let created = try pegasusd.createKey(["--name", "k", "--owner", "user:7"])
        let valid = try pegasusd.run(["keys", "verify"], input: created.key + "\n")
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("valid: key \(created.id)"))
        #expect(valid.stdout.contains("owner user:7"))

        var tampered = Array(created.key)
        tampered[20] = tampered[20] == "a" ? "b" : "a"
        for (input, reason) in [(String(tampered), "malformed"), (created.key.uppercased(), "malformed"), ("abcd", "malformed")] {
            let outcome = try pegasusd.run(["keys", "verify"], input: input)
            #expect(outcome.status == 1)
            #expect(outcome.stdout == "rejected: \(reason)\n")
        }
        let empty = try pegasusd.run(["keys", "verify"], input: "")
        #expect(empty.status != 0 && empty.stderr.contains("no key on standard input"))
    }

    @Test func revokedKeysAreRejectedAndStayRevoked() throws {
        let created = try pegasusd.createKey(["--name", "k"])
        let revoke = try pegasusd.run(["keys", "revoke", created.id])
        #expect(revoke.status == 0 && revoke.stdout.contains("Revoked key \(created.id)"))
        #expect(try pegasusd.run(["keys", "verify"], input: created.key).stdout == "rejected: revoked\n")
        let again = try pegasusd.run(["keys", "revoke", created.id])
        #expect(again.status == 0 && again.stdout.contains("already revoked"))
        let listing = try pegasusd.run(["keys", "list", "--json"]).stdout
        #expect(listing.contains("\"revoked\" : true"))
    }

    @Test func verificationRecordsLastUse() throws {
        let created = try pegasusd.createKey(["--name", "k"])
        #expect(try pegasusd.run(["keys", "list", "--json"]).stdout.contains("\"last_used_at\" : null"))
        _ = try pegasusd.run(["keys", "verify"], input: created.key)
        #expect(!(try pegasusd.run(["keys", "list", "--json"]).stdout.contains("\"last_used_at\" : null")))
    }

    @Test func expiryAcceptsDurationsAndDates() throws {
        _ = try pegasusd.createKey(["--name", "ninety", "--expires", "90d"])
        _ = try pegasusd.createKey(["--name", "dated", "--expires", "2099-01-31"])
        let listing = try pegasusd.run(["keys", "list", "--json"]).stdout
        #expect(listing.contains("\"expires_at\" : \"2099-02-01T00:00:00Z\""))
        let ninety = try #require(try pegasusd.run(["keys", "list"]).stdout.split(separator: "\n").first { $0.contains("ninety") })
        let expected = Date().addingTimeInterval(90 * 86_400).formatted(.iso8601.year().month().day())
        #expect(ninety.contains(expected))
    }

    @Test func badInputGetsAOneLineErrorAndANonZeroExit() throws {
        let cases: [([String], String)] = [
            (["keys", "create", "--name", ""], "must be 1 to 50 characters"),
            (["keys", "create", "--name", "   "], "cannot be blank"),
            (["keys", "create", "--name", String(repeating: "n", count: 51)], "must be 1 to 50 characters"),
            (["keys", "create", "--name", "x", "--expires", "2020-01-01"], "must be in the future"),
            (["keys", "create", "--name", "x", "--expires", "2027-02-30"], "invalid for '--expires"),
            (["keys", "create", "--name", "x", "--expires", "tomorrow"], "invalid for '--expires"),
            (["keys", "create", "--name", "x", "--owner", "bob"], "invalid for '--owner"),
            (["keys", "revoke", "no-such-id"], "no key with id no-such-id"),
            (["keys", "import-drf", "--from", "/nonexistent/db.sqlite3"], "does not exist or is not readable"),
        ]
        for (arguments, message) in cases {
            let outcome = try pegasusd.run(arguments)
            #expect(outcome.status != 0, "\(arguments)")
            #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("Error:"), "\(arguments): \(outcome.stderr)")
        }
        #expect(try pegasusd.run(["keys", "list", "--json"]).stdout == "[\n\n]\n")
    }

    @Test func anUnusableDataFolderIsAClearError() throws {
        let file = temporary.file("plain-file")
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        for dataDirectory in [file, "/proc/pegasus-data"] {
            let outcome = try PegasusdProcess(dataDirectory: dataDirectory).run(["keys", "list"])
            #expect(outcome.status != 0)
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        }
    }

    @Test func aLockedDatabaseFailsCleanlyAndLosesNothing() async throws {
        let created = try pegasusd.createKey(["--name", "before-lock"])
        let queue = try DatabaseQueue(path: folder + "/pegasus.sqlite3")
        let outcome = try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            return try pegasusd.run(["keys", "create", "--name", "while-locked"])
        }
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("locked"), "\(outcome.stderr)")
        let listing = try pegasusd.run(["keys", "list", "--json"]).stdout
        #expect(listing.contains("before-lock") && !listing.contains("while-locked"))
        #expect(try pegasusd.run(["keys", "verify"], input: created.key).status == 0)
    }

    @Test func theDataFolderComesFromTheEnvironmentWhenNoFlagIsGiven() throws {
        var process = PegasusdProcess(dataDirectory: folder)
        process.environment["PEGASUS_DATA_DIR"] = folder
        #expect(try process.run(["keys", "create", "--name", "from-env"], withDataDirectory: false).status == 0)
        #expect(try pegasusd.run(["keys", "list"]).stdout.contains("from-env"))
    }

    @Test func aPepperedStoreRefusesAMissingOrWrongPepperAndRotatesToANewOne() throws {
        let oldPepper = "a-server-side-secret-of-32-bytes", newPepper = "the-next-server-side-secret-32-b"
        let peppered = pegasusd.with(["PEGASUS_KEY_PEPPER": oldPepper])
        let used = try peppered.createKey(["--name", "used"]), unused = try peppered.createKey(["--name", "unused"])
        #expect(try peppered.run(["keys", "verify"], input: used.key).status == 0)

        for (wrong, says) in [(pegasusd, "no pepper is configured"), (pegasusd.with(["PEGASUS_KEY_PEPPER": newPepper]), "the configured pepper's is")] {
            let refused = try wrong.run(["keys", "verify"], input: used.key)
            #expect(refused.status != 0 && refused.stdout.isEmpty)
            #expect(refused.stderr.contains(says) && refused.stderr.contains("pegasus.sqlite3"))
            #expect(refused.stderr.contains("PEGASUS_KEY_PEPPER_PREVIOUS"))
            #expect(refused.stderr.split(separator: "\n").count == 1)
            #expect(!refused.stderr.contains(oldPepper) && !refused.stderr.contains(newPepper))
        }

        let rotating = pegasusd.with(["PEGASUS_KEY_PEPPER": newPepper, "PEGASUS_KEY_PEPPER_PREVIOUS": oldPepper])
        #expect(try rotating.run(["keys", "verify"], input: used.key).status == 0)
        let rotated = pegasusd.with(["PEGASUS_KEY_PEPPER": newPepper])
        #expect(try rotated.run(["keys", "verify"], input: used.key).status == 0)
        #expect(try rotated.run(["keys", "verify"], input: unused.key).stdout == "rejected: unknown\n")
        #expect(try peppered.run(["keys", "list"]).status != 0)

        #expect(try pegasusd.with(["PEGASUS_KEY_PEPPER": "short"]).run(["keys", "list"]).stderr.contains("at least 16 bytes"))
    }

    @Test func everyCommandHasHelp() throws {
        for command in [[], ["keys"], ["keys", "create"], ["keys", "list"], ["keys", "revoke"], ["keys", "verify"], ["keys", "import-drf"]] {
            let outcome = try pegasusd.run(command + ["--help"], withDataDirectory: false)
            #expect(outcome.status == 0, "\(command)")
            #expect(outcome.stdout.contains("USAGE"), "\(command)")
        }
    }
}
