import Foundation
import TestSupport
import Testing
@testable import pegasusd

/// What a PostgreSQL that is unreachable, or goes away while serving, does to pegasusd: a
/// one-line error at start; 503 problems while it is gone, the process serving on; recovery
/// when it returns.
@Suite(.enabled(if: TestPostgres.adminURL != nil || TestPostgres.isRequired, "needs PEGASUS_TEST_POSTGRES_URL"))
struct DatabaseOutageTests {
    let folder = TemporaryDirectory()

    @Test(arguments: [
        ("postgres://nobody@127.0.0.1:1/pegasus", "127.0.0.1:1"),
        ("mysql://root@localhost/pegasus", "postgres://"),
        ("postgres://pegasus@127.0.0.1:99999/pegasus", "port"),
    ])
    func anUnusableDatabaseIsAOneLineErrorAtStart(url: String, named: String) throws {
        let outcome = try PegasusdProcess(dataDirectory: folder.path, environment: ["PEGASUS_DATABASE_URL": url])
            .run(["serve", "--port", "0"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(named), "\(outcome.stderr)")
        #expect(outcome.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(outcome.stderr)")
    }

    @Test func wrongCredentialsAreNamedWithoutThePassword() async throws {
        var url = try #require(URLComponents(string: try await TestPostgres.freshDatabase()))
        url.password = "not-the-password-42"
        let outcome = try PegasusdProcess(dataDirectory: folder.path).run(["users", "list", "--database", try #require(url.string)])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("password authentication failed"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("not-the-password-42"))
        #expect(outcome.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(outcome.stderr)")
    }

    @Test func aDatabaseThatGoesAwayGives503sAndTheServerRecoversWhenItReturns() async throws {
        let url = try await TestPostgres.freshDatabase()
        let name = try #require(URLComponents(string: url)?.path.dropFirst()).description
        try await LiveServer.serving({ $0.databaseURL = url }) { server in
            let alice = try await server.register("alice@example.com")
            let key = try await server.createKey(for: alice)
            let header = ["Authorization": "Api-Key \(key.key)"]
            #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: header).status == 200)

            // The database goes away for pegasusd: its connections are cut and new ones refused.
            // (Done in SQL on the shared test server: no process of the test is started or stopped.)
            try await TestPostgres.administer(
                "ALTER DATABASE \(name) ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
            for path in ["/pegasus/employees/api/employees/", "/healthz"] {
                let refused = try await server.send("GET", path, headers: header)
                #expect(refused.status == 503, "\(path): \(String(decoding: refused.body, as: UTF8.self))")
                #expect(refused.header("Content-Type") == "application/problem+json")
                #expect(refused.header("Retry-After") != nil)
            }
            #expect(try await server.send("GET", "/livez").status == 200)

            try await TestPostgres.administer("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
            // The pool reconnects after its next backoff: within seconds of a short outage.
            let deadline = Date().addingTimeInterval(60)
            var status = 0
            while Date() < deadline {
                status = try await server.send("GET", "/pegasus/employees/api/employees/", headers: header).status
                if status == 200 { break }
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(status == 200)
        }
    }
}
