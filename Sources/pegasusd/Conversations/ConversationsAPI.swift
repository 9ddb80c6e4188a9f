import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `/api/conversations/`: conversations with the workspace's bots, created through the API.
/// Reading takes `conversations:read`; starting and deleting one `conversations:write`;
/// sending a message `chat:write`. Viewers may only read.
enum ConversationsAPI {
    static let id = PathParameter("id", type: UUID.self, description: "The conversation's id.")

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/api/conversations/", productPermission(.conversationsRead, .read), tags: ["conversations"],
                        summary: "List the workspace's API conversations", queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "The conversations, oldest first.", body: Page<ConversationListing>.self), Pagination.invalidPageAnswer) { services, request, _, auth in
            let seat = try await services.seat(of: auth, for: .read)
            let pagination = try Pagination(request)
            let (count, conversations) = try await services.conversations.page(in: seat.workspace.id, offset: pagination.offset, limit: pagination.limit)
            return try WireJSON.response(try pagination.page(conversations.map { ConversationListing($0) }, count: count))
        },
        PegasusEndpoint(.post, "/api/conversations/", productPermission(.conversationsWrite, .converse), tags: ["conversations"],
                        summary: "Start a conversation with a bot", body: RequestBodyDescription(ConversationCreateRequest.self),
                        responds: ResponseDescription(201, "The new conversation.", body: ConversationListing.self)) { services, request, _, auth in
            let seat = try await services.seat(of: auth, for: .converse)
            let body = try await WireJSON.decode(ConversationCreateRequest.self, from: request, limit: services.maxBodyBytes)
            guard let bot = try await services.bots.find(id: body.botID, in: seat.workspace.id) else {
                throw ProblemError(.badRequest, code: "invalid_bot_id", detail: "The workspace has no bot with this id.")
            }
            let title = try Conversation.titleRule.checked(body.title ?? "", field: "title")
            let conversation = Conversation(
                id: UUID().uuidString.lowercased(), workspaceID: seat.workspace.id, botID: bot.id,
                title: title.isEmpty ? "Conversation with \(bot.name)" : title, source: Conversation.apiSource,
                createdBy: seat.membership.userID, createdAt: Date())
            try await services.conversations.insert(conversation)
            return try WireJSON.response(ConversationListing(conversation, messages: []), status: .created)
        },
        PegasusEndpoint(.get, "/api/conversations/{id}/", productPermission(.conversationsRead, .read), tags: ["conversations"],
                        summary: "Show a conversation and its messages", pathParameters: [id],
                        responds: ResponseDescription(200, "The conversation, messages oldest first.", body: ConversationListing.self)) { services, _, context, auth in
            let conversation = try await find(services, context, auth, for: .read)
            return try WireJSON.response(ConversationListing(conversation, messages: try await services.conversations.messages(of: conversation.id)))
        },
        PegasusEndpoint(.delete, "/api/conversations/{id}/", productPermission(.conversationsWrite, .converse), tags: ["conversations"],
                        summary: "Delete a conversation", pathParameters: [id], responds: ResponseDescription(204, "Deleted.")) { services, _, context, auth in
            let seat = try await services.seat(of: auth, for: .converse)
            guard try await services.conversations.delete(id: try context.parameters.require("id"), in: seat.workspace.id) else {
                throw ProblemError.notFound("conversation")
            }
            return Response(status: .noContent)
        },
        PegasusEndpoint(.post, "/api/conversations/{id}/messages/", productPermission(.chatWrite, .converse), tags: ["conversations"],
                        summary: "Send a message and get the bot's reply", pathParameters: [id], body: RequestBodyDescription(MessageCreateRequest.self),
                        responds: ResponseDescription(201, "The message and the bot's reply.", body: ChatExchange.self)) { services, request, context, auth in
            let conversation = try await find(services, context, auth, for: .converse)
            let body = try await WireJSON.decode(MessageCreateRequest.self, from: request, limit: services.maxBodyBytes)
            let content = try ChatMessage.contentRule.checked(body.content, field: "content")
            guard let bot = try await services.bots.find(id: conversation.botID, in: conversation.workspaceID) else { throw ProblemError.notFound("bot") }
            let history = try await services.conversations.messages(of: conversation.id)
            let replyText = try await services.responder.reply(as: bot, to: content, history: history)
            let now = Date()
            let message = ChatMessage(id: UUID().uuidString.lowercased(), conversationID: conversation.id, role: .user, content: content, createdAt: now)
            let reply = ChatMessage(id: UUID().uuidString.lowercased(), conversationID: conversation.id, role: .assistant, content: replyText, createdAt: now)
            try await services.conversations.insert(message, reply: reply)
            return try WireJSON.response(ChatExchange(message: MessageListing(message), reply: MessageListing(reply)), status: .created)
        },
    ]

    /// The API conversation named by the path, within the caller's workspace.
    static func find(_ services: PegasusServices, _ context: PegasusRequestContext, _ auth: Authorization, for action: WorkspaceAction) async throws -> Conversation {
        let seat = try await services.seat(of: auth, for: action)
        guard let conversation = try await services.conversations.find(id: try context.parameters.require("id"), in: seat.workspace.id) else {
            throw ProblemError.notFound("conversation")
        }
        return conversation
    }
}
