import Foundation
import Testing
@testable import pegasusd

/// The employee demo: CRUD for the request's user, and nothing of anyone else's.
struct EmployeesAPITests {
    static let employees = "/pegasus/employees/api/employees/"

    @Test func createRetrieveUpdateAndDeleteAnEmployee() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let (key, _) = try await server.createKey(for: alice)
            let auth = ["Authorization": "Api-Key \(key)"]
            let id = try await server.addEmployee("Ada", headers: auth)
            let item = "\(Self.employees)\(id)/"

            #expect(try await server.send("GET", item, headers: auth).json["name"] as? String == "Ada")
            let patched = try await server.send("PATCH", item, headers: auth, json: ["salary": 2000])
            #expect(patched.status == 200)
            #expect(patched.json["salary"] as? Int == 2000)
            #expect(patched.json["name"] as? String == "Ada")
            let replaced = try await server.send("PUT", item, headers: auth, json: ["name": "Grace", "department": "finance", "salary": 3000])
            #expect(replaced.json["department"] as? String == "finance")
            let partialPut = try await server.send("PUT", item, headers: auth, json: ["name": "Grace"])
            #expect(partialPut.status == 400)
            #expect(try await server.send("DELETE", item, headers: auth).status == 204)
            #expect(try await server.send("GET", item, headers: auth).status == 404)
        }
    }

    @Test func oneUsersKeyNeverReachesAnotherUsersEmployees() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let bob = try await server.register("bob@example.com")
            let aliceEmployee = try await server.addEmployee("Ada", headers: alice.bearer)
            let (bobKey, _) = try await server.createKey(for: bob)
            let asBob = ["Authorization": "Api-Key \(bobKey)"]
            let item = "\(Self.employees)\(aliceEmployee)/"

            #expect(try await server.send("GET", Self.employees, headers: asBob).results.isEmpty)
            #expect(try await server.send("GET", item, headers: asBob).status == 404)
            #expect(try await server.send("PATCH", item, headers: asBob, json: ["salary": 0]).status == 404)
            #expect(try await server.send("DELETE", item, headers: asBob).status == 404)
            // Alice's employee is untouched.
            #expect(try await server.send("GET", item, headers: alice.bearer).json["salary"] as? Int == 1000)
        }
    }

    /// Alice's browser session rides along with Bob's key. The employee route allows on the
    /// session first (`IsAuthenticated() | HasUserAPIKey()`), so Alice acts; managing keys takes
    /// a sign-in (`IsAuthenticated()`), so Bob's key cannot make Alice's request act as Bob.
    @Test func theCredentialThatDecidedActsNotOneThatRodeAlong() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let bob = try await server.register("bob@example.com")
            _ = try await server.addEmployee("Ada", headers: alice.bearer)
            _ = try await server.addEmployee("Brian", headers: bob.bearer)
            let (bobKey, _) = try await server.createKey(for: bob)
            let both = ["Cookie": alice.cookie, "Authorization": "Api-Key \(bobKey)"]

            let list = try await server.send("GET", Self.employees, headers: both)
            #expect(list.results.compactMap { $0["name"] as? String } == ["Ada"])
            let keys = try await server.send("GET", "/api/keys/", headers: both)
            #expect(keys.status == 200)
            #expect(keys.results.isEmpty)   // Alice's keys: none; Bob's key is not listed
            let bobsOwn = try await server.send("GET", Self.employees, headers: ["Authorization": "Api-Key \(bobKey)"])
            #expect(bobsOwn.results.compactMap { $0["name"] as? String } == ["Brian"])
        }
    }

    @Test func invalidFieldsGetA400NamingTheProblem() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let cases: [([String: Any], String)] = [
                (["name": "Ada", "department": "space", "salary": 1], "invalid_department"),
                (["name": "", "department": "hr", "salary": 1], "invalid_name"),
                (["name": "Ada", "department": "hr", "salary": -1], "invalid_salary"),
                (["name": "Ada", "department": "hr"], "invalid_body"),
                (["name": 5, "department": "hr", "salary": 1], "invalid_body"),
            ]
            for (body, code) in cases {
                let reply = try await server.send("POST", Self.employees, headers: alice.bearer, json: body)
                #expect(reply.status == 400, "\(body)")
                #expect(reply.code == code, "\(body)")
            }
        }
    }

    /// The served schema states the name and salary rules, and the server holds exactly those
    /// bounds: lengths in code points (an emoji family is 7), blank and control characters out.
    @Test func theSchemaStatesTheBoundsTheServerHolds() async throws {
        try await LiveServer.serving { server in
            let document = try #require(try await server.send("GET", "/api/schema/?format=json").json["components"] as? [String: Any])
            let fields = try #require(((document["schemas"] as? [String: Any])?["EmployeeFields"] as? [String: Any])?["properties"] as? [String: Any])
            let name = try #require(fields["name"] as? [String: Any]), salary = try #require(fields["salary"] as? [String: Any])
            #expect(name["minLength"] as? Int == 1 && name["maxLength"] as? Int == 100 && name["pattern"] as? String == Employee.nameRule.pattern)
            #expect(salary["minimum"] as? Int == 0)

            let alice = try await server.register("alice@example.com")
            let family = "👩‍👩‍👧‍👦"
            for (value, accepted) in [
                (String(repeating: "n", count: 100), true), (String(repeating: "n", count: 101), false),
                (String(repeating: family, count: 14), true), (String(repeating: family, count: 15), false),
                ("  Ada  ", true), ("   ", false), ("Ada\n", false), ("A\u{0}da", false), ("", false),
            ] {
                let reply = try await server.send("POST", Self.employees, headers: alice.bearer, json: ["name": value, "department": "hr", "salary": 0])
                #expect(reply.status == (accepted ? 201 : 400), "\(value.unicodeScalars.count) code points: \(reply.status)")
                if accepted { #expect(reply.json["name"] as? String == value.trimmingCharacters(in: .whitespaces)) }
            }
        }
    }

    @Test func badBodiesGetProblemAnswersAndTheServerKeepsServing() async throws {
        try await LiveServer.serving({ $0.maxBodyBytes = 4_096 }) { server in
            let alice = try await server.register("alice@example.com")
            var json = alice.bearer
            json["Content-Type"] = "application/json"

            let broken = try await server.send("POST", Self.employees, headers: json, body: Data(#"{"name": "Ada""#.utf8))
            #expect(broken.status == 400)
            #expect(broken.header("Content-Type") == "application/problem+json")
            let huge = try await server.send("POST", Self.employees, headers: json, body: Data(repeating: 0x20, count: 10_000))
            #expect(huge.status == 413)
            #expect(huge.code == "body_too_large")
            var form = alice.bearer
            form["Content-Type"] = "application/x-www-form-urlencoded"
            #expect(try await server.send("POST", Self.employees, headers: form, body: Data("name=Ada".utf8)).status == 415)
            #expect(try await server.send("GET", "/pegasus/nothing-here/").code == "not_found")
            #expect(try await server.send("GET", "/healthz").status == 200)
        }
    }
}
