import Foundation
import KeyCore
import Testing
@testable import pegasusd

/// A real nginx in front of an API that is not written in Swift (`Tests/Gateway/upstream.py`),
/// each request checked by pegasusd through `auth_request`, with the configuration
/// Docs/deploy.md shows (`Docs/nginx/gateway.conf`).
@Suite(.enabled(
    if: NginxGateway.isInstalled || NginxGateway.required,
    "needs Debian's nginx at /usr/sbin/nginx (apt-get install nginx; PEGASUS_REQUIRE_GATEWAY=1 makes it required)"))
struct NginxGatewayTests {
    /// Runs `body` against a fresh pegasusd and nginx in front of a fresh upstream.
    func withGateway(
        _ configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: (LiveServer, NginxGateway) async throws -> Void
    ) async throws {
        try await LiveServer.serving(configure) { server in
            try await NginxGateway.serving(pegasusd: server.baseURL) { gateway in try await body(server, gateway) }
        }
    }

    /// The X-Pegasus-* headers the upstream received, from its echo.
    func identity(_ reply: LiveServer.Reply) -> [String: String] {
        reply.json["headers"] as? [String: String] ?? [:]
    }

    @Test func noKeyIs401AndTheUpstreamNeverSeesTheRequest() async throws {
        try await withGateway { _, gateway in
            let reply = try await gateway.send("GET", "/orders/")
            #expect(reply.status == 401)
            #expect(reply.challenges.contains(#"realm="pegasus""#))
            #expect(try await gateway.send("POST", "/orders/", headers: apiKey("abcd")).status == 401)
            #expect(try await gateway.requestsTheUpstreamSaw() == [])
        }
    }

    @Test func aUsersKeyReachesTheUpstreamAsItsUserWithoutTheKey() async throws {
        try await withGateway { server, gateway in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice)
            let reply = try await gateway.send("GET", "/orders/?page=2", headers: apiKey(key))

            #expect(reply.status == 200)
            #expect(identity(reply) == ["x-pegasus-user": alice.userID, "x-pegasus-email": "alice@example.com", "x-pegasus-key-id": id])
            #expect(reply.json["authorization"] as? Bool == false)
            #expect(try await gateway.requestsTheUpstreamSaw() == ["GET /orders/?page=2"])
        }
    }

    @Test func aTokensScopesAndWorkspaceAreForwarded() async throws {
        try await withGateway { server, gateway in
            let alice = try await server.register("alice@example.com")
            let team = try await server.team("Acme", of: alice)
            let (token, id) = try await server.token(for: alice, scopes: ["bots:read", "usage:read"])
            let reply = try await gateway.send("POST", "/orders/", headers: bearer(token))

            #expect(reply.status == 200)
            #expect(reply.json["method"] as? String == "POST")
            #expect(identity(reply) == [
                "x-pegasus-user": alice.userID, "x-pegasus-email": "alice@example.com", "x-pegasus-scopes": "bots:read usage:read",
                "x-pegasus-key-id": id, "x-pegasus-workspace": team,
            ])
        }
    }

    @Test func aLocationsRequiredScopeMissingIs403() async throws {
        try await withGateway { server, gateway in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let (reader, _) = try await server.token(for: alice, scopes: ["bots:read"])
            let (analyst, _) = try await server.token(for: alice, scopes: ["usage:read"])

            #expect(try await gateway.send("GET", "/reports/monthly", headers: bearer(reader)).status == 403)
            #expect(try await gateway.send("GET", "/reports/monthly", headers: bearer(analyst)).status == 200)
            #expect(try await gateway.send("GET", "/orders/", headers: bearer(reader)).status == 200)
            #expect(try await gateway.requestsTheUpstreamSaw() == ["GET /reports/monthly", "GET /orders/"])
        }
    }

    @Test func aKeyRevokedThroughTheAPIIsRefusedOnTheVeryNextRequest() async throws {
        try await withGateway { server, gateway in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice)
            #expect(try await gateway.send("GET", "/orders/", headers: apiKey(key)).status == 200)

            #expect(try await server.send("DELETE", "/api/keys/\(id)/", headers: alice.bearer).status == 204)
            #expect(try await gateway.send("GET", "/orders/", headers: apiKey(key)).status == 401)
            #expect(try await gateway.requestsTheUpstreamSaw() == ["GET /orders/"])
        }
    }

    @Test func identityHeadersAClientForgesNeverReachTheUpstream() async throws {
        try await withGateway { server, gateway in
            let alice = try await server.register("alice@example.com")
            let (key, _) = try await server.createKey(for: alice)
            let forged = ["X-Pegasus-User": "admin", "X-Pegasus-Workspace": "someone-elses", "X-Pegasus-Scopes": "bots:write"]
            let reply = try await gateway.send("GET", "/orders/", headers: apiKey(key).merging(forged) { $1 })

            #expect(identity(reply)["x-pegasus-user"] == alice.userID)
            #expect(identity(reply)["x-pegasus-workspace"] == nil)
            #expect(identity(reply)["x-pegasus-scopes"] == nil)
        }
    }

    @Test func aWorkspacePastItsQuotaGets429WithRetryAfterFromNginx() async throws {
        try await withGateway({ $0.monthlyQuotaFree = 1 }) { server, gateway in
            let (key, _) = try await server.createKey(for: try await server.register("alice@example.com"))
            #expect(try await gateway.send("GET", "/orders/", headers: apiKey(key)).status == 200)

            let refused = try await gateway.send("GET", "/orders/", headers: apiKey(key))
            #expect(refused.status == 429)
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0)
            #expect(try await gateway.requestsTheUpstreamSaw() == ["GET /orders/"])
        }
    }
}

/// Docs/deploy.md shows the nginx configuration the gateway tests run, word for word.
@Suite struct GatewayGuideTests {
    @Test func theDeployGuideShowsTheConfigurationTheTestsRun() throws {
        let guide = try String(contentsOf: Repository.file("Docs/deploy.md"), encoding: .utf8)
        let configuration = try String(contentsOf: Repository.file("Docs/nginx/gateway.conf"), encoding: .utf8)
        #expect(guide.contains("```nginx\n" + configuration + "```"))
    }
}
