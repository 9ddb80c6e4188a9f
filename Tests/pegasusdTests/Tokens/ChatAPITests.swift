import Foundation
import Testing
@testable import pegasusd

/// The product flow a Chat API only token is for, and usage as it is reported.
@Suite struct ChatAPITests {
    @Test func aChatAPIOnlyTokenChatsWithABotAndUsageShowsIt() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.team("Acme", of: alice)
            let bot = try await server.bot("Helper", headers: alice.bearer)
            let (chat, chatID) = try await server.token(for: alice, preset: "chat-api-only")

            let conversation = try await server.send("POST", "/api/conversations/", headers: bearer(chat), json: ["bot_id": bot, "title": "Support"])
            #expect(conversation.status == 201)
            let id = try #require(conversation.json["id"] as? String)
            let exchange = try await server.send("POST", "/api/conversations/\(id)/messages/", headers: bearer(chat), json: ["content": "Hello there"])
            #expect(exchange.status == 201)
            #expect((exchange.json["reply"] as? [String: Any])?["content"] as? String == #"Helper (turn 1): you said "Hello there" — 2 words."#)
            let shown = try await server.send("GET", "/api/conversations/\(id)/", headers: bearer(chat))
            #expect((shown.json["messages"] as? [[String: Any]])?.compactMap { $0["role"] as? String } == ["user", "assistant"])
            #expect(try await server.send("GET", "/api/bots/", headers: bearer(chat)).status == 403)

            let usageToken = try await server.token(for: alice, scopes: ["usage:read"]).token
            let usage = try await server.send("GET", "/api/usage/", headers: bearer(usageToken)).json
            let byCredential = usage["by_credential"] as? [[String: Any]] ?? []
            // Three requests were let through; the refused one (GET /api/bots/) is not counted.
            #expect(byCredential.first { $0["id"] as? String == chatID }?["count"] as? Int == 3)
            let byEndpoint = usage["by_endpoint"] as? [[String: Any]] ?? []
            #expect(byEndpoint.first { $0["endpoint"] as? String == "POST /api/conversations/{id}/messages/" }?["count"] as? Int == 1)
            #expect((usage["days"] as? [[String: Any]])?.count == 30)
        }
    }

    @Test func aSignedInMemberReachesTheSameAPIsInTheActiveWorkspace() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            // The personal workspace is Free: signed-in people still use it; only tokens need a plan.
            let bot = try await server.bot("Personal bot", headers: alice.bearer)
            #expect(try await server.send("GET", "/api/bots/\(bot)/", headers: alice.bearer).status == 200)
            let profile = try await server.send("GET", "/api/profile/", headers: ["Cookie": alice.cookie]).json
            #expect((profile["workspace"] as? [String: Any])?["kind"] as? String == "personal")
            #expect(profile["role"] as? String == "owner")
        }
    }

    @Test func listsArePaginatedAsDRFDoes() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            for number in 1...51 { _ = try await server.bot("Bot \(number)", headers: alice.bearer) }
            let first = try await server.send("GET", "/api/bots/", headers: alice.bearer).json
            #expect(first["count"] as? Int == 51)
            #expect((first["results"] as? [Any])?.count == 50)
            #expect((first["next"] as? String)?.hasSuffix("/api/bots/?page=2") == true)
            #expect(first["previous"] is NSNull)
            let second = try await server.send("GET", "/api/bots/?page=2", headers: alice.bearer).json
            #expect((second["results"] as? [[String: Any]])?.first?["name"] as? String == "Bot 51")
            #expect((second["previous"] as? String)?.hasSuffix("/api/bots/") == true)
            for page in ["3", "0", "x", "-1", "9223372036854775807", "9223372036854775808"] {
                let invalid = try await server.send("GET", "/api/bots/?page=\(page)", headers: alice.bearer)
                #expect(invalid.status == 404 && invalid.json["detail"] as? String == "Invalid page.")
            }
        }
    }
}
