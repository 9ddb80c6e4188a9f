import Foundation
import KeyCore
import TestSupport
import Testing
@testable import pegasusd

/// `pegasusd workspaces`, `members` and `tokens` run as processes against a data folder.
@Suite struct WorkspaceCommandsTests {
    let temporary = TemporaryDirectory()
    var pegasusd: PegasusdProcess { PegasusdProcess(dataDirectory: temporary.file("data")) }

    func user(_ email: String) throws {
        let outcome = try pegasusd.run(["users", "create", "--email", email], input: "a long password\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    func teamID() throws -> String {
        let listed = try pegasusd.run(["workspaces", "list", "--json"])
        let workspaces = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        return try #require(workspaces.first { $0["kind"] as? String == "team" }?["id"] as? String)
    }

    @Test func createListAndChangeAWorkspace() throws {
        try user("owner@example.com")
        let created = try pegasusd.run(["workspaces", "create", "--name", "Acme", "--owner", "owner@example.com", "--plan", "pro"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created team Acme"))
        let id = try teamID()
        #expect(try pegasusd.run(["workspaces", "set-status", id, "pending_cancellation"]).status == 0)
        let table = try pegasusd.run(["workspaces", "list"]).stdout
        #expect(table.contains("\(id)\tAcme\tteam\tpro\tpending_cancellation"))
        #expect(table.contains("\tPersonal\tpersonal\tfree\tactive"))
    }

    @Test func badValuesAreOneLineErrors() throws {
        try user("owner@example.com")
        let plan = try pegasusd.run(["workspaces", "set-plan", "nope", "gold"])
        #expect(plan.status != 0)
        #expect(plan.stderr.contains("gold"))
        let unknown = try pegasusd.run(["workspaces", "set-plan", "no-such-id", "pro"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("No workspace with this id."))
        let owner = try pegasusd.run(["workspaces", "create", "--name", "X", "--owner", "ghost@example.com"])
        #expect(owner.stderr.contains("no user has the email ghost@example.com"))
    }

    @Test func membersAreAddedRoledAndRemoved() throws {
        try user("owner@example.com")
        try user("member@example.com")
        _ = try pegasusd.run(["workspaces", "create", "--name", "Acme", "--owner", "owner@example.com"])
        let id = try teamID()
        #expect(try pegasusd.run(["members", "add", id, "member@example.com", "--role", "viewer"]).stdout.contains("as viewer"))
        let again = try pegasusd.run(["members", "add", id, "member@example.com"])
        #expect(again.status != 0 && again.stderr.contains("already a member"))
        #expect(try pegasusd.run(["members", "set-role", id, "member@example.com", "admin"]).stdout.contains("now admin"))
        #expect(try pegasusd.run(["members", "remove", id, "member@example.com"]).status == 0)
        #expect(try pegasusd.run(["members", "remove", id, "member@example.com"]).stderr.contains("No member with this id."))
    }

    @Test func tokensAreListedWithoutSecretsAndRevoked() async throws {
        try user("owner@example.com")
        let storage = try await Storage.open(.folder(temporary.file("data")), environment: [:])
        let keys = storage.keys
        let issued = try await keys.create(name: "automation", type: .personalAccessToken, owner: KeyOwner(.user, "u1"), scopes: ["bots:read"], workspace: "w1")
        _ = try await keys.create(name: "an api key", owner: KeyOwner(.user, "u1"))
        let listed = try pegasusd.run(["tokens", "list", "--json"])
        let tokens = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(tokens.compactMap { $0["name"] as? String } == ["automation"])
        #expect(!listed.stdout.contains(issued.key.revealed))
        #expect(try pegasusd.run(["tokens", "list", "--workspace", "other"]).stdout.contains("automation") == false)
        #expect(try pegasusd.run(["tokens", "revoke", issued.record.id]).stdout.contains("Revoked token"))
        #expect(try pegasusd.run(["keys", "verify"], input: issued.key.revealed).stdout == "rejected: revoked\n")
        await storage.close()
    }
}
