import Foundation
import KeyCore
import Testing
@testable import pegasusd

/// `GET /api/auth/check/` over plain HTTP, as nginx's `auth_request` subrequest calls it: the
/// client's credential in its headers, the location's required scopes in
/// `X-Pegasus-Required-Scope`.
@Suite struct AuthCheckTests {
    @Test func aUsersKeyPassesWith204AndHeadersNamingItsUser() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice)
            let reply = try await server.check(apiKey(key))

            #expect(reply.status == 204)
            #expect(reply.body.isEmpty)
            #expect(reply.header("X-Pegasus-User") == alice.userID)
            #expect(reply.header("X-Pegasus-Email") == "alice@example.com")
            #expect(reply.header("X-Pegasus-Key-Id") == id)
            #expect(reply.header("X-Pegasus-Scopes") == nil)
            #expect(reply.header("X-Pegasus-Workspace") == nil)
        }
    }

    @Test func aTokenPassesWithItsScopesAndWorkspace() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let team = try await server.team("Acme", of: alice)
            let (token, id) = try await server.token(for: alice, scopes: ["bots:read", "usage:read"])
            let reply = try await server.check(bearer(token))

            #expect(reply.status == 204)
            #expect(reply.header("X-Pegasus-User") == alice.userID)
            #expect(reply.header("X-Pegasus-Scopes") == "bots:read usage:read")
            #expect(reply.header("X-Pegasus-Key-Id") == id)
            #expect(reply.header("X-Pegasus-Workspace") == team)
        }
    }

    @Test func headAnswersTheSameWithoutABody() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, _) = try await server.createKey(for: alice)
            let reply = try await server.check(apiKey(key), method: "HEAD")
            #expect(reply.status == 204)
            #expect(reply.header("X-Pegasus-User") == alice.userID)
            #expect(try await server.check([:], method: "HEAD").status == 401)
        }
    }

    @Test func aMissingOrInvalidCredentialIs401WithChallengesAndAProblem() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (revoked, id) = try await server.createKey(for: alice)
            #expect(try await server.send("DELETE", "/api/keys/\(id)/", headers: alice.bearer).status == 204)
            let refused: [(String, [String: String])] = [
                ("no credential", [:]),
                ("revoked key", apiKey(revoked)),
                ("malformed key", apiKey("abcd")),
                ("unknown token", bearer(KeyGenerator.generate(.personalAccessToken).plaintext.revealed)),
                ("login JWT", alice.bearer),
            ]
            for (label, headers) in refused {
                let reply = try await server.check(headers)
                #expect(reply.status == 401, "\(label)")
                #expect(reply.header("Content-Type") == "application/problem+json", "\(label)")
                #expect(reply.challenges.contains(#"Api-Key realm="pegasus""#), "\(label)")
                #expect(reply.challenges.contains(#"Bearer realm="pegasus""#), "\(label)")
                #expect(reply.header("X-Pegasus-User") == nil, "\(label)")
            }
        }
    }

    @Test func aMissingRequiredScopeIs403InsufficientScopeNamingIt() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let (token, _) = try await server.token(for: alice, scopes: ["bots:read"])
            let (key, _) = try await server.createKey(for: alice)

            #expect(try await server.check(bearer(token), requiring: "bots:read").status == 204)
            let refused = try await server.check(bearer(token), requiring: "bots:read  usage:read")
            #expect(refused.status == 403)
            #expect(refused.code == "insufficient_scope")
            #expect(refused.json["detail"] as? String == "This token lacks the scope usage:read.")
            // An API key carries no scopes: a location that requires one takes tokens only.
            #expect(try await server.check(apiKey(key), requiring: "bots:read").status == 403)
        }
    }

    @Test func keysOfNoUserAndTokensTheirWorkspaceRefusesAre403() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let team = try await server.team("Acme", of: alice)
            let (token, _) = try await server.token(for: alice, scopes: ["bots:read"])
            try await server.server.services.workspaces.setPlan(.free, of: team)

            let downgraded = try await server.check(bearer(token))
            #expect(downgraded.status == 403)
            #expect(downgraded.code == "upgrade_required")
            for owner in [KeyOwner(.team, "acme"), KeyOwner(.service, "gateway")] {
                let reply = try await server.check(apiKey(try await server.key(ownedBy: owner)))
                #expect(reply.status == 403, "\(owner)")
                #expect(reply.code == "permission_denied", "\(owner)")
            }
        }
    }

    @Test func theConfiguredAPIKeyHeaderIsRead() async throws {
        try await LiveServer.serving({ $0.apiKeyHeader = "X-Api-Key" }) { server in
            let alice = try await server.register("alice@example.com")
            let (key, _) = try await server.createKey(for: alice)
            #expect(try await server.check(["X-Api-Key": key]).header("X-Pegasus-User") == alice.userID)
        }
    }

    @Test func aCheckIsMeteredAndRefusedWith429PastTheMonthlyQuota() async throws {
        try await LiveServer.serving({ $0.monthlyQuotaFree = 2 }) { server in
            let alice = try await server.register("alice@example.com")
            let (key, _) = try await server.createKey(for: alice)
            #expect(try await server.check(apiKey(key)).status == 204)
            #expect(try await server.check(apiKey(key)).status == 204)

            let refused = try await server.check(apiKey(key))
            #expect(refused.status == 429)
            #expect(refused.code == "quota_exceeded")
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0)
            let personal = try #require(try await server.server.services.workspaces.personalWorkspace(of: alice.userID))
            #expect(try await server.server.services.usage.used(by: personal.id) == 2)
        }
    }
}
