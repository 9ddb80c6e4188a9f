import Foundation
import TestSupport
import Testing
@testable import pegasusd

/// Three pegasusd on one PostgreSQL database behave as one server for every key, token and
/// session.
@Suite(.enabled(if: TestPostgres.adminURL != nil || TestPostgres.isRequired, "needs PEGASUS_TEST_POSTGRES_URL"))
struct SeveralInstancesTests {
    /// Runs `body` with three servers on one fresh database, started together (their
    /// migrations race, and apply once).
    private func threeInstances(_ body: ([LiveServer]) async throws -> Void) async throws {
        let url = try await TestPostgres.freshDatabase()
        async let first = LiveServer.start { $0.databaseURL = url }
        async let second = LiveServer.start { $0.databaseURL = url }
        async let third = LiveServer.start { $0.databaseURL = url }
        let servers = try await [first, second, third]
        do {
            try await body(servers)
        } catch {
            for server in servers { await server.stop() }
            throw error
        }
        for server in servers { await server.stop() }
    }

    @Test func aKeyMadeOnOneWorksOnAnotherAndItsRevocationOnAThirdStopsAll() async throws {
        try await threeInstances { servers in
            let alice = try await servers[0].register("alice@example.com")
            let key = try await servers[0].createKey(for: alice)
            let header = ["Authorization": "Api-Key \(key.key)"]
            _ = try await servers[1].addEmployee("Ada", headers: header)
            for server in servers {
                #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: header).results.count == 1)
            }
            #expect(try await servers[2].send("DELETE", "/api/keys/\(key.id)/", headers: alice.bearer).status == 204)
            // Within a second on every instance; in fact on the very next request, as none caches.
            let revoked = Date()
            for server in servers {
                #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: header).status == 401)
            }
            #expect(Date().timeIntervalSince(revoked) < 1)
        }
    }

    @Test func jwtsSessionsAndRefreshTokensOfOneAreHonouredByAll() async throws {
        try await threeInstances { servers in
            let alice = try await servers[0].register("alice@example.com")
            for server in servers {
                #expect(try await server.send("GET", "/api/auth/user/", headers: alice.bearer).status == 200)
                #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": alice.cookie]).status == 200)
            }
            // A refresh on the second instance; the used token replayed on the third revokes the
            // family everywhere, the new refresh token included.
            let refreshed = try await servers[1].send("POST", "/api/auth/token/refresh/", json: ["refresh": alice.refresh])
            #expect(refreshed.status == 200)
            let next = try #require(refreshed.json["refresh"] as? String)
            #expect(try await servers[2].send("POST", "/api/auth/token/refresh/", json: ["refresh": alice.refresh]).status == 400)
            #expect(try await servers[0].send("POST", "/api/auth/token/refresh/", json: ["refresh": next]).status == 400)
            // Signing out on one ends the session on all.
            let logout = try await servers[2].send(
                "POST", "/api/auth/logout/", headers: ["Cookie": alice.cookie, "X-CSRFToken": alice.csrfToken],
                json: [String: String]())
            #expect(logout.status == 204 || logout.status == 200, "\(logout.status) \(String(decoding: logout.body, as: UTF8.self))")
            for server in servers {
                #expect(try await server.send("GET", "/api/auth/user/", headers: ["Cookie": alice.cookie]).status == 401)
            }
        }
    }

    @Test func theAdminCommandLineWorksOnTheSharedDatabase() async throws {
        try await threeInstances { servers in
            let alice = try await servers[0].register("alice@example.com")
            let cli = servers[1].commandLine
            let listed = try cli.run(["users", "list"])
            #expect(listed.stdout.contains("alice@example.com"), "\(listed.stderr)")
            let created = try cli.run(["keys", "create", "--name", "from the cli", "--owner", "user:\(alice.userID)"])
            // "Created API key …", then the key on a line of its own.
            let lines = created.stdout.split(separator: "\n")
            #expect(lines.count >= 2, "\(created.stderr)")
            let key = String(lines.dropFirst().first ?? "")
            #expect(try await servers[2].send("GET", "/pegasus/employees/api/employees/", headers: ["Authorization": "Api-Key \(key)"]).status == 200)
        }
    }
}
