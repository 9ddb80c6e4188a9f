import Foundation
import Testing
@testable import pegasusd

/// `/api/workspaces/`: personal and team workspaces, the active one, and members.
@Suite struct WorkspacesAPITests {
    @Test func everyoneHasAPersonalWorkspaceAndCreatesTeamsOnFree() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let created = try await server.send("POST", "/api/workspaces/", headers: alice.bearer, json: ["name": "  Acme  "])
            #expect(created.status == 201)
            #expect(created.json["name"] as? String == "Acme")
            #expect(created.json["plan"] as? String == "free")
            #expect(created.json["role"] as? String == "owner")
            let listed = try await server.send("GET", "/api/workspaces/", headers: alice.bearer).results
            #expect(listed.compactMap { $0["kind"] as? String } == ["personal", "team"])
            #expect(listed.compactMap { $0["active"] as? Bool } == [true, false])
            for name in ["", String(repeating: "x", count: 101)] {
                #expect(try await server.send("POST", "/api/workspaces/", headers: alice.bearer, json: ["name": name]).status == 400)
            }
        }
    }

    @Test func onlySeatedMembersSeeOrActivateAWorkspace() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let mallory = try await server.register("mallory@example.com")
            let team = try await server.team("Acme", of: alice)
            #expect(try await server.send("POST", "/api/workspaces/\(team)/activate/", headers: mallory.bearer).status == 404)
            #expect(try await server.send("GET", "/api/workspaces/\(team)/members/", headers: mallory.bearer).status == 404)
            #expect(try await server.send("POST", "/api/workspaces/\(try await server.personalWorkspace(of: alice))/activate/", headers: mallory.bearer).status == 404)
        }
    }

    @Test func ownersAndAdminsManageMembersWithinTheSeats() async throws {
        try await LiveServer.serving { server in
            let owner = try await server.register("owner@example.com")
            let team = try await server.team("Acme", of: owner)
            try await server.server.services.database.write { db in
                try await db.execute("UPDATE workspace SET seats = 2 WHERE id = ?", [team])
            }
            let member = try await server.register("member@example.com")
            _ = try await server.register("late@example.com")
            let members = "/api/workspaces/\(team)/members/"

            #expect(try await server.send("POST", members, headers: owner.bearer, json: ["email": "nobody@example.com", "role": "member"]).code == "unknown_user")
            #expect(try await server.send("POST", members, headers: owner.bearer, json: ["email": "member@example.com", "role": "owner"]).status == 400)
            #expect(try await server.send("POST", members, headers: owner.bearer, json: ["email": "member@example.com", "role": "member"]).status == 201)
            #expect(try await server.send("POST", members, headers: owner.bearer, json: ["email": "member@example.com", "role": "member"]).code == "already_member")
            let full = try await server.send("POST", members, headers: owner.bearer, json: ["email": "late@example.com", "role": "viewer"])
            #expect(full.status == 409 && full.code == "no_free_seat")

            // A member cannot manage; the owner cannot be removed or demoted.
            #expect(try await server.send("DELETE", "\(members)\(owner.userID)/", headers: member.bearer).code == "role_too_low")
            #expect(try await server.send("DELETE", "\(members)\(owner.userID)/", headers: owner.bearer).status == 400)
            #expect(try await server.send("PATCH", "\(members)\(owner.userID)/", headers: owner.bearer, json: ["role": "viewer"]).status == 400)

            // Taking a seat away frees it for someone else.
            #expect(try await server.send("PATCH", "\(members)\(member.userID)/", headers: owner.bearer, json: ["seated": false]).status == 200)
            #expect(try await server.send("POST", members, headers: owner.bearer, json: ["email": "late@example.com", "role": "viewer"]).status == 201)
            let listed = try await server.send("GET", members, headers: owner.bearer).results
            #expect(listed.compactMap { $0["email"] as? String } == ["owner@example.com", "member@example.com", "late@example.com"])
            #expect(listed.compactMap { $0["seated"] as? Bool } == [true, false, true])
        }
    }
}
