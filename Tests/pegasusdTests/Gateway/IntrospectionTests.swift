import Foundation
import KeyCore
import Testing
@testable import pegasusd

/// `POST /api/introspect/` (RFC 7662) over HTTP: a gateway holding a service key asks about
/// the keys and tokens its clients present.
@Suite struct IntrospectionTests {
    static let inactive = #"{"active":false}"#

    @Test func anActiveUsersKeyNamesItsUserAndNothingElse() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice)
            let reply = try await server.introspect(key, with: apiKey(try await server.serviceKey()))

            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "application/json")
            let record = try await server.server.services.keys.record(id: id)
            #expect(reply.flatJSON == [
                "active": true, "client_id": .string(id), "sub": .string(alice.userID), "username": "alice@example.com",
                "iat": .int(Int(record.createdAt.timeIntervalSince1970)), "token_type": "api_key",
            ])
        }
    }

    @Test func anActiveTokenGivesItsScopesWorkspaceAndExpiry() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let team = try await server.team("Acme", of: alice)
            let (token, id) = try await server.token(for: alice, scopes: ["bots:read", "usage:read"], days: 30)
            let reply = try await server.introspect(token, with: apiKey(try await server.serviceKey()))

            let record = try await server.server.services.keys.record(id: id)
            #expect(reply.flatJSON == [
                "active": true, "scope": "bots:read usage:read", "client_id": .string(id), "sub": .string(alice.userID),
                "username": "alice@example.com", "iat": .int(Int(record.createdAt.timeIntervalSince1970)),
                "exp": .int(Int(try #require(record.expiresAt).timeIntervalSince1970)), "token_type": "personal_access_token",
                "workspace": .string(team),
            ])
        }
    }

    @Test func aKeyOfNoUserIsActiveWithItsOwnerAsSubject() async throws {
        try await LiveServer.serving { server in
            let service = try await server.serviceKey()
            let reply = try await server.introspect(try await server.key(ownedBy: KeyOwner(.team, "acme")), with: apiKey(service))
            #expect(reply.json["active"] as? Bool == true)
            #expect(reply.json["sub"] as? String == "team:acme")
            #expect(reply.json["username"] == nil)
        }
    }

    @Test func everyTokenThatWouldBeRefusedIsExactlyActiveFalse() async throws {
        try await LiveServer.serving { server in
            let service = apiKey(try await server.serviceKey())
            let alice = try await server.register("alice@example.com")
            let (revoked, revokedID) = try await server.createKey(for: alice, name: "revoked")
            #expect(try await server.send("DELETE", "/api/keys/\(revokedID)/", headers: alice.bearer).status == 204)
            let team = try await server.team("Acme", of: alice)
            let (downgraded, _) = try await server.token(for: alice, scopes: ["bots:read"])
            try await server.server.services.workspaces.setPlan(.free, of: team)
            let (key, _) = try await server.createKey(for: alice)

            let refused: [(String, String)] = [
                ("revoked key", revoked),
                ("token of a team now on Free", downgraded),
                ("unknown key", KeyGenerator.generate(.apiKey).plaintext.revealed),
                ("unknown token", KeyGenerator.generate(.personalAccessToken).plaintext.revealed),
                ("altered key", String(key.dropLast()) + (key.last == "A" ? "B" : "A")),
                ("malformed", "not-a-key"),
                ("empty", ""),
                ("login JWT", alice.access),
            ]
            for (label, token) in refused {
                let reply = try await server.introspect(token, with: service)
                #expect(reply.status == 200, "\(label)")
                #expect(String(decoding: reply.body, as: UTF8.self) == Self.inactive, "\(label)")
            }
        }
    }

    @Test func aJSONBodyIsAcceptedToo() async throws {
        try await LiveServer.serving { server in
            let (key, id) = try await server.createKey(for: try await server.register("alice@example.com"))
            let reply = try await server.send("POST", "/api/introspect/", headers: apiKey(try await server.serviceKey()), json: ["token": key])
            #expect(reply.json["client_id"] as? String == id)
        }
    }

    @Test func aUsersOrTeamsKeyMayNotIntrospectAnd403s() async throws {
        try await LiveServer.serving { server in
            let (key, _) = try await server.createKey(for: try await server.register("alice@example.com"))
            for credential in [key, try await server.key(ownedBy: KeyOwner(.team, "acme"))] {
                let reply = try await server.introspect(key, with: apiKey(credential))
                #expect(reply.status == 403)
                #expect(reply.header("Content-Type") == "application/problem+json")
                #expect(reply.code == "permission_denied")
            }
        }
    }

    @Test func withoutACredentialIs401WithAnAPIKeyChallenge() async throws {
        try await LiveServer.serving { server in
            let (key, _) = try await server.createKey(for: try await server.register("alice@example.com"))
            let reply = try await server.introspect(key, with: [:])
            #expect(reply.status == 401)
            #expect(reply.header("Content-Type") == "application/problem+json")
            #expect(reply.code == "not_authenticated")
            #expect(reply.challenges.contains(#"Api-Key realm="pegasus""#))
        }
    }

    @Test func aBodyWithoutATokenIs400AndAnotherMediaTypeIs415() async throws {
        try await LiveServer.serving { server in
            let service = apiKey(try await server.serviceKey())
            let form = service.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }
            let missing = try await server.send("POST", "/api/introspect/", headers: form, body: Data("token_type_hint=api_key".utf8))
            #expect(missing.status == 400)
            #expect(missing.json["detail"] as? String == "The field token is required.")
            #expect(try await server.send("POST", "/api/introspect/", headers: service, json: [String: String]()).status == 400)
            let text = service.merging(["Content-Type": "text/plain"]) { $1 }
            #expect(try await server.send("POST", "/api/introspect/", headers: text, body: Data("token=x".utf8)).status == 415)
        }
    }

    @Test func introspectingRecordsTheLastUseButIsNotMetered() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice)
            let service = apiKey(try await server.serviceKey())
            for _ in 1...3 { #expect(try await server.introspect(key, with: service).json["active"] as? Bool == true) }

            try await server.server.services.keys.flushUsage()
            #expect(try await server.server.services.keys.record(id: id).lastUsedAt != nil)
            let personal = try #require(try await server.server.services.workspaces.personalWorkspace(of: alice.userID))
            #expect(try await server.server.services.usage.used(by: personal.id) == 0)
        }
    }
}
