import Foundation
import KeyCore
import Testing
@testable import pegasusd

/// The checks of djangorestframework-api-key's own test suite, over real HTTP against the
/// employee API (`IsAuthenticated() | HasUserAPIKey()`).
struct APIKeyAuthenticationTests {
    static let employees = "/pegasus/employees/api/employees/"

    @Test func validKeyGets200WithTheSaaSPegasusCurlLine() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, _) = try await server.createKey(for: alice)
            _ = try await server.addEmployee("Ada", headers: alice.bearer)

            let reply = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(key)"])
            #expect(reply.status == 200)
            #expect(reply.results.map { $0["name"] as? String } == ["Ada"])
        }
    }

    @Test func keywordIsMatchedCaseInsensitively() async throws {
        try await LiveServer.serving { server in
            let (key, _) = try await server.createKey(for: try await server.register("alice@example.com"))
            #expect(try await server.send("GET", Self.employees, headers: ["Authorization": "api-key \(key)"]).status == 200)
        }
    }

    @Test func customHeaderGets200AndReplacesTheAuthorizationForm() async throws {
        try await LiveServer.serving({ $0.apiKeyHeader = "X-Api-Key" }) { server in
            let (key, _) = try await server.createKey(for: try await server.register("alice@example.com"))

            #expect(try await server.send("GET", Self.employees, headers: ["X-Api-Key": key]).status == 200)
            let old = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(key)"])
            #expect(old.status == 401)
            #expect(old.challenges.contains(#"Api-Key realm="pegasus", header="X-Api-Key""#))
        }
    }

    @Test func malformedAndAlteredKeysAreRefusedWith401AndAChallenge() async throws {
        try await LiveServer.serving { server in
            let (key, _) = try await server.createKey(for: try await server.register("alice@example.com"))
            let refused: [(String, [String: String])] = [
                ("no key", [:]),
                ("empty key", ["Authorization": "Api-Key "]),
                ("abcd", ["Authorization": "Api-Key abcd"]),
                ("foo.bar", ["Authorization": "Api-Key foo.bar"]),
                ("leading space", ["Authorization": "Api-Key  \(key)"]),
                ("upper-cased", ["Authorization": "Api-Key \(key.uppercased())"]),
                ("lower-cased", ["Authorization": "Api-Key \(key.lowercased())"]),
                ("truncated", ["Authorization": "Api-Key \(key.dropLast())"]),
                ("wrong scheme word", ["Authorization": "Token \(key)"]),
                ("no space after colon", ["Authorization": "Api-Key:\(key)"]),
            ]
            for (label, headers) in refused {
                let reply = try await server.send("GET", Self.employees, headers: headers)
                #expect(reply.status == 401, "\(label)")
                #expect(reply.header("Content-Type") == "application/problem+json", "\(label)")
                #expect(reply.challenges.contains(#"Api-Key realm="pegasus""#), "\(label)")
                #expect(reply.challenges.contains(#"Bearer realm="pegasus""#), "\(label)")
                #expect(["not_authenticated", "authentication_failed"].contains(reply.code), "\(label)")
            }
        }
    }

    @Test func aPresentedBadKeyIsMarkedInvalidTokenAndAnAbsentOneIsNot() async throws {
        try await LiveServer.serving { server in
            let none = try await server.send("GET", Self.employees)
            #expect(none.code == "not_authenticated")
            #expect(!none.challenges.contains("error="))

            let bad = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key abcd"])
            #expect(bad.code == "authentication_failed")
            #expect(bad.challenges.contains(#"Api-Key realm="pegasus", error="invalid_token""#))
        }
    }

    @Test func revokedExpiredMalformedAndUnknownKeysGetTheSameAnswer() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (revoked, revokedID) = try await server.createKey(for: alice, name: "revoked")
            #expect(try await server.send("DELETE", "/api/keys/\(revokedID)/", headers: alice.bearer).status == 204)
            let expired = try await Self.insertExpiredKey(in: server, owner: alice.userID)
            let (valid, _) = try await server.createKey(for: alice)
            let unknown = KeyGenerator.generate(.apiKey).plaintext.revealed

            var bodies: Set<Data> = []
            for key in [revoked, expired, "pgk_garbage", unknown, String(valid.dropLast())] {
                let reply = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(key)"])
                #expect(reply.status == 401)
                bodies.insert(reply.body)
            }
            #expect(bodies.count == 1)
        }
    }

    @Test func keyExpiringTomorrowGets200() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let tomorrow = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400))
            let (key, _) = try await server.createKey(for: alice, expiresAt: tomorrow)
            #expect(try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(key)"]).status == 200)
        }
    }

    @Test func expiredKeyIsRefused() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let expired = try await Self.insertExpiredKey(in: server, owner: alice.userID)
            let reply = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(expired)"])
            #expect(reply.status == 401)
            #expect(reply.code == "authentication_failed")
        }
    }

    @Test func signedInUserGetsThroughWithNoKeyOrWithARevokedOne() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, id) = try await server.createKey(for: alice)
            _ = try await server.send("DELETE", "/api/keys/\(id)/", headers: alice.bearer)

            #expect(try await server.send("GET", Self.employees, headers: alice.bearer).status == 200)
            // A revoked key in the Authorization header and a session cookie: the session decides.
            let cookie = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(key)", "Cookie": alice.cookie])
            #expect(cookie.status == 200)
        }
    }

    @Test func teamKeysAreNotUserKeys() async throws {
        try await LiveServer.serving { server in
            let issued = try await server.server.services.keys.create(name: "team key", owner: KeyOwner(.team, "acme"))
            let reply = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(issued.key.revealed)"])
            #expect(reply.status == 403)
            #expect(reply.code == "permission_denied")
        }
    }

    /// A key whose expiry has passed, written straight to the store (the API refuses past expiries).
    static func insertExpiredKey(in server: LiveServer, owner: String) async throws -> String {
        let key = KeyGenerator.generate(.apiKey)
        let record = KeyRecord(
            id: UUID().uuidString.lowercased(), type: .apiKey, lookupID: key.lookupID, name: "expired",
            owner: KeyOwner(.user, owner), scopes: [], createdAt: Date().addingTimeInterval(-7_200),
            expiresAt: Date().addingTimeInterval(-3_600))
        let keys = server.server.services.keys
        try await keys.store.insert(StoredKey(record: record, digest: keys.hasher.digest(of: key.plaintext)))
        return key.plaintext.revealed
    }
}
