import AuthGateHummingbird
import FieldRules
import Foundation
import SchemaKit

/// A chatbot of a workspace: what API conversations talk to.
struct Bot: Codable, Sendable {
    var id: String
    var workspaceID: String
    var name: String
    var description: String
    var model: String
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, description, model
        case workspaceID = "workspace_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    static let nameRule = TextRule(lengths: 1...100)
    /// Several lines, kept as written; may be empty.
    static let descriptionRule = TextRule(lengths: 0...1_000, trims: false, requiresText: false, multiline: true)
}

extension Bot {
    init(row: SQLRow) throws {
        self.init(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"),
            description: try row.string("description"), model: try row.string("model"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}

/// A bot as the API shows it; its workspace is implied.
struct BotListing: Codable, Sendable {
    let id: String
    let name: String
    let description: String
    let model: String
    let createdAt: Date
    let updatedAt: Date

    init(_ bot: Bot) {
        id = bot.id
        name = bot.name
        description = bot.description
        model = bot.model
        createdAt = bot.createdAt
        updatedAt = bot.updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, model
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The bot list is on the token request path: written without `JSONEncoder` (``JSONWriter``).
extension BotListing: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("created_at"); json.date(createdAt)
        json.key("description"); json.string(description)
        json.key("id"); json.string(id)
        json.key("model"); json.string(model)
        json.key("name"); json.string(name)
        json.key("updated_at"); json.date(updatedAt)
        json.endObject()
    }
}

/// `POST /api/bots/`: a name, and the other fields if not their defaults.
struct BotCreateRequest: Decodable, SchemaRefining {
    let name: String
    let description: String?
    let model: String?

    var fields: BotFields { BotFields(name: name, description: description, model: model) }

    static func refine(_ schema: inout SchemaRefinement) {
        BotFields.refine(&schema)
        schema.setExample(["name": "Helpdesk", "description": "Answers questions about printers."])
    }
}

/// `PATCH /api/bots/{id}/`: the fields a caller sets; absent ones keep their value.
struct BotFields: Decodable {
    let name: String?
    let description: String?
    let model: String?

    /// Applies the fields, checking each.
    func apply(to bot: inout Bot) throws(ProblemError) {
        if let name { bot.name = try Bot.nameRule.checked(name, field: "name") }
        if let description { bot.description = try Bot.descriptionRule.checked(description, field: "description") }
        if let model {
            guard ChatModel.catalog.contains(where: { $0.id == model }) else {
                throw ProblemError(.badRequest, code: "invalid_model",
                                   detail: "model must be one of: \(ChatModel.catalog.map(\.id).joined(separator: ", ")).")
            }
            bot.model = model
        }
    }
}

extension BotFields: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "name"].textRule = Bot.nameRule
        schema[property: "description"].textRule = Bot.descriptionRule
        schema[property: "model"].allowedValues = ChatModel.catalog.map(\.id)
    }
}
