import FieldRules
import Foundation
import SchemaKit

/// A conversation with a bot, created through the API.
struct Conversation: Codable, Sendable {
    var id: String
    var workspaceID: String
    var botID: String
    var title: String
    /// Where it was started; the API lists only `api` conversations (a web chat would write its own).
    var source: String
    /// The user who started it.
    var createdBy: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, source
        case workspaceID = "workspace_id"
        case botID = "bot_id"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    static let apiSource = "api"
    /// May be empty (the bot's name makes one).
    static let titleRule = TextRule(lengths: 0...200, requiresText: false)
}

/// One message of a conversation: the caller's, or the bot's reply.
struct ChatMessage: Codable, Sendable {
    enum Role: String, WireEnum {
        case user, assistant
    }

    var id: String
    var conversationID: String
    var role: Role
    var content: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, role, content
        case conversationID = "conversation_id"
        case createdAt = "created_at"
    }

    /// Several lines, kept as written.
    static let contentRule = TextRule(lengths: 1...8_000, trims: false, multiline: true)
}

extension Conversation {
    init(row: SQLRow) throws {
        self.init(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), botID: try row.string("bot_id"),
            title: try row.string("title"), source: try row.string("source"), createdBy: try row.string("created_by"),
            createdAt: try row.date("created_at"))
    }
}

extension ChatMessage {
    init(row: SQLRow) throws {
        self.init(
            id: try row.string("id"), conversationID: try row.string("conversation_id"), role: try row.enumeration("role"),
            content: try row.string("content"), createdAt: try row.date("created_at"))
    }
}

/// A conversation as listed, with its messages when shown alone.
struct ConversationListing: Codable, Sendable {
    let id: String
    let botID: String
    let title: String
    let createdAt: Date
    let messages: [MessageListing]?

    init(_ conversation: Conversation, messages: [ChatMessage]? = nil) {
        id = conversation.id
        botID = conversation.botID
        title = conversation.title
        createdAt = conversation.createdAt
        self.messages = messages?.map(MessageListing.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, messages
        case botID = "bot_id"
        case createdAt = "created_at"
    }
}

struct MessageListing: Codable, Sendable {
    let id: String
    let role: ChatMessage.Role
    let content: String
    let createdAt: Date

    init(_ message: ChatMessage) {
        id = message.id
        role = message.role
        content = message.content
        createdAt = message.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, role, content
        case createdAt = "created_at"
    }
}

/// `POST /api/conversations/`: the bot to talk to, and an optional title.
struct ConversationCreateRequest: Decodable {
    let botID: String
    let title: String?

    /// Bodies are read with `.convertFromSnakeCase`, which turns `bot_id` into `botId`.
    enum CodingKeys: String, CodingKey {
        case title
        case botID = "botId"
    }
}

/// `POST /api/conversations/{id}/messages/`: what the caller says.
struct MessageCreateRequest: Decodable {
    let content: String
}

/// The answer to a message: it, and the bot's reply.
struct ChatExchange: Codable, Sendable {
    let message: MessageListing
    let reply: MessageListing
}

extension ConversationCreateRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "title"].textRule = Conversation.titleRule
    }
}

extension MessageCreateRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema.setExample(["content": "My printer is on fire"])
        schema[property: "content"].textRule = ChatMessage.contentRule
    }
}
