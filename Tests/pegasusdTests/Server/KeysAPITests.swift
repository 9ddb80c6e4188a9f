import Foundation
import Testing

/// `/api/keys/`: a signed-in user's own keys; the secret shown once.
struct KeysAPITests {
    @Test func theKeyIsShownOnceAndNeverListed() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice, name: "laptop")

            let listed = try await server.send("GET", "/api/keys/", headers: alice.bearer)
            #expect(listed.status == 200)
            #expect(listed.results.map { $0["id"] as? String } == [id])
            #expect(listed.results.first?["key"] == nil)
            #expect(!String(decoding: listed.body, as: UTF8.self).contains(key))
            #expect(listed.results.first?["prefix"] as? String == String(key.prefix(16)))
        }
    }

    @Test func usersSeeAndRevokeOnlyTheirOwnKeys() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let bob = try await server.register("bob@example.com")
            let (aliceKey, aliceKeyID) = try await server.createKey(for: alice)

            #expect(try await server.send("GET", "/api/keys/", headers: bob.bearer).results.isEmpty)
            #expect(try await server.send("DELETE", "/api/keys/\(aliceKeyID)/", headers: bob.bearer).status == 404)
            #expect(try await server.send("DELETE", "/api/keys/no-such-id/", headers: bob.bearer).status == 404)
            // Still valid after Bob's attempts.
            #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: ["Authorization": "Api-Key \(aliceKey)"]).status == 200)
        }
    }

    @Test func revokingAKeyStopsItAtOnce() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice)
            let auth = ["Authorization": "Api-Key \(key)"]
            #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: auth).status == 200)
            #expect(try await server.send("DELETE", "/api/keys/\(id)/", headers: alice.bearer).status == 204)
            #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: auth).status == 401)
            #expect(try await server.send("GET", "/api/keys/", headers: alice.bearer).results.first?["revoked"] as? Bool == true)
        }
    }

    @Test func anAPIKeyCannotManageKeys() async throws {
        try await LiveServer.serving { server in
            let (key, id) = try await server.createKey(for: try await server.register("alice@example.com"))
            let auth = ["Authorization": "Api-Key \(key)"]
            let create = try await server.send("POST", "/api/keys/", headers: auth, json: ["name": "more"])
            #expect(create.status == 401)
            #expect(create.challenges.contains("Bearer"))
            #expect(!create.challenges.contains("Api-Key"))
            #expect(try await server.send("GET", "/api/keys/", headers: auth).status == 401)
            #expect(try await server.send("DELETE", "/api/keys/\(id)/", headers: auth).status == 401)
        }
    }

    @Test func expiriesAreReadWithOrWithoutFractionsAndWithOffsets() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            for (sent, stored) in [
                ("2099-01-31T00:00:00Z", "2099-01-31T00:00:00Z"),
                ("2099-01-31T00:00:00.000Z", "2099-01-31T00:00:00Z"),  // JavaScript's toISOString()
                ("2099-01-31T02:00:00+02:00", "2099-01-31T00:00:00Z"),
            ] {
                let reply = try await server.send("POST", "/api/keys/", headers: alice.bearer, json: ["name": "k", "expires_at": sent])
                #expect(reply.status == 201, "\(sent)")
                #expect(reply.json["expires_at"] as? String == stored, "\(sent)")
            }
        }
    }

    @Test func aNameIsRequiredAndAnExpiryMustBeAhead() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let missing = try await server.send("POST", "/api/keys/", headers: alice.bearer, json: ["expires_at": "2099-01-01T00:00:00Z"])
            #expect(missing.status == 400)
            #expect((missing.json["detail"] as? String)?.contains("name") == true)
            #expect(try await server.send("POST", "/api/keys/", headers: alice.bearer, json: ["name": ""]).code == "invalid_name")
            #expect(try await server.send("POST", "/api/keys/", headers: alice.bearer, json: ["name": "old", "expires_at": "2001-01-01T00:00:00Z"]).code == "expiry_in_past")
            #expect(try await server.send("POST", "/api/keys/", headers: alice.bearer, json: ["name": "x", "expires_at": "soon"]).code == "invalid_expires_at")
        }
    }

    @Test func aNameTheStoreWouldRefuseIsA400NotA503() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let reply = try await server.send("POST", "/api/keys/", headers: alice.bearer, json: ["name": String(repeating: "👨‍👩‍👧‍👦", count: 13)])
            #expect(reply.status == 400)
            #expect(reply.code == "invalid_name")
        }
    }
}
