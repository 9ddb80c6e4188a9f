import AuthGateHummingbird
import Foundation
import GRDB

/// A chatbot of a workspace: what API conversations talk to.
struct Bot: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "bot"

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

    static let maximumNameLength = 100
    static let maximumDescriptionLength = 1_000
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

/// `POST /api/bots/` and `PATCH /api/bots/{id}/`: the fields a caller sets; absent ones keep
/// their value (or the default, on create).
struct BotFields: Decodable {
    let name: String?
    let description: String?
    let model: String?

    /// Applies the fields, checking each.
    func apply(to bot: inout Bot) throws(ProblemError) {
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...Bot.maximumNameLength).contains(trimmed.count) else {
                throw ProblemError(.badRequest, code: "invalid_name", detail: "The name must be 1 to \(Bot.maximumNameLength) characters.")
            }
            bot.name = trimmed
        }
        if let description {
            guard description.count <= Bot.maximumDescriptionLength else {
                throw ProblemError(.badRequest, code: "invalid_description", detail: "The description is at most \(Bot.maximumDescriptionLength) characters.")
            }
            bot.description = description
        }
        if let model {
            guard ChatModel.catalog.contains(where: { $0.id == model }) else {
                throw ProblemError(.badRequest, code: "invalid_model",
                                   detail: "model must be one of: \(ChatModel.catalog.map(\.id).joined(separator: ", ")).")
            }
            bot.model = model
        }
    }
}
