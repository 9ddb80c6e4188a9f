import Foundation
import TestSupport
import Testing
@testable import pegasusd
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `pegasusd serve` and `pegasusd users` run as separate processes.
@Suite struct ServeCommandTests {
    let temporary = TemporaryDirectory()
    var folder: String { temporary.file("data") }

    @Test func serveAnswersAndStopsCleanlyOnSIGTERMWithoutLoggingSecrets() async throws {
        let server = try ServeProcess(["--port", "0", "--data-dir", folder])
        let base = try #require(server.baseURL)
        let (_, health) = try await LiveServer.httpSession.data(from: base.appendingPathComponent("healthz"))
        #expect((health as? HTTPURLResponse)?.statusCode == 200)

        var login = URLRequest(url: URL(string: base.absoluteString + "/api/auth/register/")!)
        login.httpMethod = "POST"
        login.setValue("application/json", forHTTPHeaderField: "Content-Type")
        login.httpBody = Data(#"{"email":"a@example.com","password":"a secret password"}"#.utf8)
        _ = try await LiveServer.httpSession.data(for: login)
        var probe = URLRequest(url: URL(string: base.absoluteString + "/pegasus/employees/api/employees/")!)
        probe.setValue("Api-Key pgk_notarealkeybutsecret", forHTTPHeaderField: "Authorization")
        _ = try await LiveServer.httpSession.data(for: probe)

        #expect(server.stop(with: SIGTERM) == 0)
        let log = server.errorOutput()
        #expect(log.contains("path=/healthz"))
        #expect(log.contains("status=401"))
        #expect(!log.contains("a secret password"))
        #expect(!log.contains("notarealkeybutsecret"))
    }

    @Test func aConfigFileWithAnUnknownKeyIsRefusedInOneLine() throws {
        let config = temporary.file("pegasus.json")
        try Data(#"{"port": 0, "prot": 9000}"#.utf8).write(to: URL(fileURLWithPath: config))
        #expect(throws: ServeProcess.DidNotStart.self) {
            _ = try ServeProcess(["--config", config, "--data-dir", folder])
        }
        let outcome = try PegasusdProcess(dataDirectory: folder).run(["serve", "--config", config])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("unknown key \"prot\""))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    /// A truncated or overwritten database stops the start with one line naming the file (no
    /// crash, no SIGBUS: nothing is memory-mapped).
    @Test(arguments: ["truncated", "not a database"])
    func aDamagedDatabaseIsAOneLineErrorNamingTheFile(damage: String) throws {
        let pegasusd = PegasusdProcess(dataDirectory: folder)
        #expect(try pegasusd.run(["users", "create", "--email", "a@example.com"], input: "a long password\n").status == 0)
        let file = URL(fileURLWithPath: folder).appendingPathComponent("pegasus.sqlite3")
        for sidecar in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + sidecar) }
        if damage == "truncated" {
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 5_000)
            try handle.close()
        } else {
            try Data(repeating: 0x5A, count: 300).write(to: file)
        }
        let outcome = try pegasusd.run(["serve", "--port", "0"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(file.path), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
    }

    /// A data folder the server cannot write stops it at start with one line naming the folder.
    /// Root writes anywhere, so as root the server runs as `nobody` (util-linux's setpriv) on a
    /// folder that `nobody` owns but may only read.
    @Test func aReadOnlyDataFolderIsAOneLineErrorNamingIt() throws {
        var pegasusd = PegasusdProcess(dataDirectory: folder)
        _ = try pegasusd.createKey(["--name", "before"])
        if getuid() == 0 {
            let nobody = try #require(getpwnam("nobody")?.pointee)
            for path in [temporary.path, folder] + (try FileManager.default.contentsOfDirectory(atPath: folder)).map({ folder + "/" + $0 }) {
                #expect(chown(path, nobody.pw_uid, nobody.pw_gid) == 0)
            }
            pegasusd.launcher = ["/usr/bin/setpriv", "--reuid=\(nobody.pw_uid)", "--regid=\(nobody.pw_gid)", "--clear-groups"]
            // The build folder may sit in a home only root can enter: nobody runs a copy.
            pegasusd.binary = URL(fileURLWithPath: temporary.file("pegasusd"))
            try FileManager.default.copyItem(at: PegasusdProcess.executable, to: pegasusd.binary)
            #expect(chmod(pegasusd.binary.path, 0o755) == 0)
        }
        #expect(chmod(folder, 0o500) == 0)
        defer { chmod(folder, 0o700) }
        let outcome = try pegasusd.run(["serve", "--port", "0"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(folder) is not writable"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        // Reading still works: an admin can list what is there.
        #expect(try pegasusd.run(["keys", "list"]).stdout.contains("before"))
    }

    @Test func serveHelpNamesEverySettingsVariable() throws {
        let help = try PegasusdProcess(dataDirectory: folder).run(["serve", "--help"], withDataDirectory: false).stdout
        for key in ServerConfiguration.CodingKeys.allCases {
            #expect(help.contains(key.environmentName), "\(key.environmentName)")
        }
        for secret in ["PEGASUS_KEY_PEPPER", "PEGASUS_KEY_PEPPER_PREVIOUS", "PEGASUS_JWT_SECRET"] { #expect(help.contains(secret)) }
    }

    @Test func configFileEnvironmentAndFlagsApplyInThatOrder() throws {
        let config = temporary.file("pegasus.json")
        try Data(#"{"port": 1, "api_key_header": "X-From-File"}"#.utf8).write(to: URL(fileURLWithPath: config))
        // The file's port 1 is overridden by the environment, which the flag overrides in turn.
        let server = try ServeProcess(["--config", config, "--data-dir", folder, "--port", "0"], environment: ["PEGASUS_PORT": "2"])
        #expect(server.baseURL?.port != 1 && server.baseURL?.port != 2)
        #expect(server.stop() == 0)

        let badEnvironment = try PegasusdProcess(dataDirectory: folder, environment: ["PEGASUS_PORT": "eighty"]).run(["serve"])
        #expect(badEnvironment.status != 0)
        #expect(badEnvironment.stderr.contains("PEGASUS_PORT must be a whole number"))
    }

    @Test func usersCreateMakesAnAdminAndRefusesBadInput() throws {
        let pegasusd = PegasusdProcess(dataDirectory: folder)
        let created = try pegasusd.run(["users", "create", "--email", "root@example.com", "--admin"], input: "a long password\n")
        #expect(created.status == 0)
        #expect(created.stdout.contains("Created admin user root@example.com"))
        let listed = try pegasusd.run(["users", "list", "--json"])
        #expect(listed.stdout.contains(#""is_admin":true"#))
        #expect(!listed.stdout.contains("password"))

        let duplicate = try pegasusd.run(["users", "create", "--email", "ROOT@example.com"], input: "a long password\n")
        #expect(duplicate.status != 0)
        #expect(duplicate.stderr.contains("already exists"))
        let short = try pegasusd.run(["users", "create", "--email", "b@example.com"], input: "short\n")
        #expect(short.status != 0)
        #expect(short.stderr.contains("at least 8 characters"))
    }
}
