import Foundation
import Testing
@testable import pegasusd

/// `/api/tokens/`: creating (scopes or a preset, a fixed lifetime, shown once), listing,
/// renaming (never rescoping) and revoking personal access tokens.
@Suite struct TokensAPITests {
    @Test(arguments: TokenPreset.allCases)
    func eachPresetGivesItsScopes(preset: TokenPreset) async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let (_, id) = try await server.token(for: alice, preset: preset.rawValue)
            let listed = try await server.send("GET", "/api/tokens/", headers: alice.bearer).results.first { $0["id"] as? String == id }
            #expect(listed?["scopes"] as? [String] == preset.scopes.map(\.rawValue))
            #expect(listed?["token"] == nil)
        }
    }

    @Test func theScopesPageListsScopesPresetsAndLifetimes() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let options = try await server.send("GET", "/api/tokens/scopes/", headers: alice.bearer).json
            let scopes = options["scopes"] as? [[String: Any]] ?? []
            #expect(scopes.compactMap { $0["code"] as? String } == Scope.allCases.map(\.rawValue))
            #expect(scopes.first?["label"] as? String == "Read your profile")
            #expect((options["presets"] as? [[String: Any]])?.compactMap { $0["label"] as? String } == ["Chat API only", "Read-only", "Bot management"])
            #expect(options["expiry_days"] as? [Int] == [30, 60, 90, 180, 365])
            #expect(options["can_create"] as? Bool == true)
        }
    }

    @Test func aLifetimeOutsideTheChoicesIsRefusedNamingThem() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            for days in [0, 7, 31, 366] {
                let reply = try await server.send("POST", "/api/tokens/", headers: alice.bearer, json: ["name": "x", "preset": "read-only", "expires_in_days": days])
                #expect(reply.status == 400)
                #expect(reply.json["detail"] as? String == "The field expires_in_days must be one of 30, 60, 90, 180, 365.")
            }
            let created = try await server.send("POST", "/api/tokens/", headers: alice.bearer, json: ["name": "x", "preset": "read-only", "expires_in_days": 90])
            let expires = try #require((created.json["expires_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(expires.timeIntervalSinceNow - 90 * 86_400) < 120)
        }
    }

    @Test func scopesMustBeGivenOnceAndKnown() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            for body: [String: Any] in [
                ["name": "x", "expires_in_days": 30],
                ["name": "x", "scopes": [String](), "expires_in_days": 30],
                ["name": "x", "scopes": ["bots:read"], "preset": "read-only", "expires_in_days": 30],
                ["name": "x", "scopes": ["bots:delete"], "expires_in_days": 30],
                ["name": "x", "preset": "everything", "expires_in_days": 30],
                ["name": "", "scopes": ["bots:read"], "expires_in_days": 30],
            ] {
                let reply = try await server.send("POST", "/api/tokens/", headers: alice.bearer, json: body)
                #expect(reply.status == 400, "\(body): \(reply.status)")
            }
        }
    }

    @Test func theTokenIsShownOnceAndScopesNeverChange() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let (token, id) = try await server.token(for: alice, scopes: ["bots:read"])
            let listing = try await server.send("GET", "/api/tokens/", headers: alice.bearer)
            #expect(!String(decoding: listing.body, as: UTF8.self).contains(token))

            for method in ["PATCH", "PUT"] {
                for body: [String: Any] in [["scopes": ["bots:write"]], ["preset": "bot-management"], ["name": "y", "scopes": ["bots:read"]]] {
                    let reply = try await server.send(method, "/api/tokens/\(id)/", headers: alice.bearer, json: body)
                    #expect(reply.status == 400)
                    #expect(reply.json["detail"] as? String == "Scopes cannot be edited after token creation. Revoke the token and create a new one.")
                }
            }
            let renamed = try await server.send("PATCH", "/api/tokens/\(id)/", headers: alice.bearer, json: ["name": "Reporting"])
            #expect(renamed.json["name"] as? String == "Reporting")
            #expect(renamed.json["scopes"] as? [String] == ["bots:read"])
            #expect(try await server.send("GET", "/api/bots/", headers: bearer(token)).status == 200)
        }
    }

    @Test func aTokenCannotMintOrManageTokens() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let (token, id) = try await server.token(for: alice, scopes: Scope.allCases.map(\.rawValue))
            let mint = try await server.send("POST", "/api/tokens/", headers: bearer(token), json: ["name": "x", "preset": "read-only", "expires_in_days": 30])
            #expect(mint.status == 401)
            #expect(try await server.send("DELETE", "/api/tokens/\(id)/", headers: bearer(token)).status == 401)
            #expect(try await server.send("GET", "/api/workspaces/", headers: bearer(token)).status == 401)
        }
    }

    @Test func anotherUsersTokenIsNotFound() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let bob = try await server.register("bob@example.com")
            _ = try await server.team("Acme", of: alice)
            let (token, id) = try await server.token(for: alice, scopes: ["bots:read"])
            #expect(try await server.send("DELETE", "/api/tokens/\(id)/", headers: bob.bearer).status == 404)
            #expect(try await server.send("PATCH", "/api/tokens/\(id)/", headers: bob.bearer, json: ["name": "mine"]).status == 404)
            #expect(try await server.send("GET", "/api/bots/", headers: bearer(token)).status == 200)
        }
    }
}
