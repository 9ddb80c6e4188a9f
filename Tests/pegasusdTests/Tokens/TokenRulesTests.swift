import Foundation
import Testing
@testable import pegasusd

/// Each rule of personal access tokens, over real HTTP: what changes the outcome, and that the
/// change decides the very next request.
@Suite struct TokenRulesTests {
    static let everything = Scope.allCases.map(\.rawValue)

    @Test func aFreeWorkspaceCannotCreateTokensAndSaysWhy() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let options = try await server.send("GET", "/api/tokens/scopes/", headers: alice.bearer)
            #expect(options.json["can_create"] as? Bool == false)
            #expect(options.json["reason"] as? String == "Upgrade to use the API")
            let refused = try await server.send("POST", "/api/tokens/", headers: alice.bearer,
                                                json: ["name": "x", "preset": "read-only", "expires_in_days": 30])
            #expect(refused.status == 403)
            #expect(refused.json["detail"] as? String == "Upgrade to use the API")
        }
    }

    @Test func droppingToFreeStopsExistingTokensAtOnce() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let team = try await server.team("Acme", of: alice)
            let token = bearer(try await server.token(for: alice, scopes: Self.everything).token)
            #expect(try await server.send("GET", "/api/bots/", headers: token).status == 200)
            // As `pegasusd workspaces set-plan ID free` does, while the server runs.
            let cli = try server.commandLine.run(["workspaces", "set-plan", team, "free"])
            #expect(cli.status == 0, "\(cli.stderr)")
            let refused = try await server.send("GET", "/api/bots/", headers: token)
            #expect(refused.status == 403)
            #expect(refused.json["detail"] as? String == "Upgrade to use the API")
            // A signed-in member still reaches the workspace: the plan gates tokens.
            #expect(try await server.send("GET", "/api/bots/", headers: alice.bearer).status == 200)
        }
    }

    @Test(arguments: ["pending_cancellation", "quota_disabled"])
    func aReadOnlyTeamKeepsTokenReadsAndRefusesWritesAndNewTokens(status: String) async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let team = try await server.team("Acme", of: alice)
            let token = bearer(try await server.token(for: alice, scopes: Self.everything).token)
            _ = try await server.bot("Before", headers: token)
            try await server.server.services.workspaces.setStatus(Workspace.Status(rawValue: status)!, of: team)

            #expect(try await server.send("GET", "/api/bots/", headers: token).status == 200)
            let write = try await server.send("POST", "/api/bots/", headers: token, json: ["name": "After"])
            #expect(write.status == 403)
            #expect(write.json["detail"] as? String == "Team API access is read-only")
            let options = try await server.send("GET", "/api/tokens/scopes/", headers: alice.bearer)
            #expect(options.json["can_create"] as? Bool == false)
            #expect(options.json["reason"] as? String == "Team API access is read-only")
            let create = try await server.send("POST", "/api/tokens/", headers: alice.bearer, json: ["name": "x", "preset": "read-only", "expires_in_days": 30])
            #expect(create.status == 403)
            #expect(create.json["detail"] as? String == "Team API access is read-only")
        }
    }

    /// Viewers read; members also converse; admins and owners manage bots.
    @Test func theMembersRoleLimitsWhatItsTokensDo() async throws {
        try await LiveServer.serving { server in
            let owner = try await server.register("owner@example.com")
            let team = try await server.team("Acme", of: owner)
            let bot = try await server.bot("Helper", headers: bearer(try await server.token(for: owner, scopes: Self.everything).token))
            for (role, canConverse, canManage) in [("viewer", false, false), ("member", true, false), ("admin", true, true)] {
                let person = try await server.register("\(role)@example.com")
                try await server.add(person, email: "\(role)@example.com", to: team, as: role, by: owner)
                try await server.activate(team, for: person)
                let token = bearer(try await server.token(for: person, scopes: Self.everything).token)
                #expect(try await server.send("GET", "/api/bots/", headers: token).status == 200, "\(role) reads")
                let converse = try await server.send("POST", "/api/conversations/", headers: token, json: ["bot_id": bot])
                #expect((converse.status == 201) == canConverse, "\(role) converses: \(converse.status)")
                let manage = try await server.send("POST", "/api/bots/", headers: token, json: ["name": "Mine"])
                #expect((manage.status == 201) == canManage, "\(role) manages bots: \(manage.status)")
                if !canManage { #expect(manage.code == "role_too_low") }
            }
        }
    }

    @Test func removingAMemberOrTheirSeatStopsTheirTokensAtOnce() async throws {
        try await LiveServer.serving { server in
            let owner = try await server.register("owner@example.com")
            let team = try await server.team("Acme", of: owner)
            let member = try await server.register("member@example.com")
            try await server.add(member, email: "member@example.com", to: team, as: "member", by: owner)
            try await server.activate(team, for: member)
            let token = bearer(try await server.token(for: member, scopes: Self.everything).token)
            let seat = "/api/workspaces/\(team)/members/\(member.userID)/"
            #expect(try await server.send("GET", "/api/bots/", headers: token).status == 200)

            #expect(try await server.send("PATCH", seat, headers: owner.bearer, json: ["seated": false]).status == 200)
            let unseated = try await server.send("GET", "/api/bots/", headers: token)
            #expect(unseated.status == 403 && unseated.code == "not_a_member")
            #expect(try await server.send("PATCH", seat, headers: owner.bearer, json: ["seated": true]).status == 200)
            #expect(try await server.send("GET", "/api/bots/", headers: token).status == 200)

            #expect(try await server.send("DELETE", seat, headers: owner.bearer).status == 204)
            let removed = try await server.send("GET", "/api/bots/", headers: token)
            #expect(removed.status == 403 && removed.code == "not_a_member")
        }
    }

    @Test func aRevokedOrExpiredTokenIsRefusedWith401() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let (revoked, revokedID) = try await server.token(for: alice, scopes: Self.everything)
            #expect(try await server.send("DELETE", "/api/tokens/\(revokedID)/", headers: alice.bearer).status == 204)
            let afterRevoke = try await server.send("GET", "/api/bots/", headers: bearer(revoked))
            #expect(afterRevoke.status == 401)
            #expect(afterRevoke.challenges.contains(#"error="invalid_token""#))

            let (expired, expiredID) = try await server.token(for: alice, scopes: Self.everything)
            try await server.server.services.database.write { db in
                try await db.execute("UPDATE stored_key SET expires_at = ? WHERE id = ?", [Int(Date().timeIntervalSince1970 * 1000) - 1, expiredID])
            }
            #expect(try await server.send("GET", "/api/bots/", headers: bearer(expired)).status == 401)
        }
    }

    @Test func aTokenStaysInTheWorkspaceItWasCreatedIn() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let first = try await server.team("First", of: alice)
            let token = bearer(try await server.token(for: alice, scopes: Self.everything).token)
            _ = try await server.bot("In first", headers: token)
            _ = try await server.team("Second", of: alice)   // now active
            let bots = try await server.send("GET", "/api/bots/", headers: token)
            #expect(bots.results.compactMap { $0["name"] as? String } == ["In first"])
            let listed = try await server.send("GET", "/api/tokens/", headers: alice.bearer).results.first
            #expect((listed?["workspace"] as? [String: Any])?["id"] as? String == first)
        }
    }

    @Test func pastTheMonthlyQuotaRequestsGet429UntilTheMonthEnds() async throws {
        try await LiveServer.serving({ $0.monthlyQuotaPro = 3 }) { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let token = bearer(try await server.token(for: alice, scopes: Self.everything).token)
            for _ in 0..<3 { #expect(try await server.send("GET", "/api/models/", headers: token).status == 200) }
            let refused = try await server.send("GET", "/api/models/", headers: token)
            #expect(refused.status == 429)
            #expect(refused.code == "quota_exceeded")
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0)
            // Signed-in members are not metered; they see the count.
            let subscription = try await server.send("GET", "/api/subscription/", headers: alice.bearer)
            #expect(subscription.json["used_this_period"] as? Int == 3)
            #expect(subscription.json["monthly_quota"] as? Int == 3)
        }
    }
}
