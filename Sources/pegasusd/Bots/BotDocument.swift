import AuthGateHummingbird
import FieldRules
import Foundation
import SchemaKit

/// What a bot knows from: a document's metadata (the content itself is not kept by pegasusd).
struct BotDocument: Codable, Sendable {
    var id: String
    var botID: String
    var workspaceID: String
    var name: String
    var contentType: String
    var sizeBytes: Int
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name
        case botID = "bot_id"
        case workspaceID = "workspace_id"
        case contentType = "content_type"
        case sizeBytes = "size_bytes"
        case createdAt = "created_at"
    }
}

extension BotDocument {
    init(row: SQLRow) throws {
        self.init(
            id: try row.string("id"), botID: try row.string("bot_id"), workspaceID: try row.string("workspace_id"),
            name: try row.string("name"), contentType: try row.string("content_type"), sizeBytes: try row.int("size_bytes"),
            createdAt: try row.date("created_at"))
    }
}

/// A document as listed.
struct DocumentListing: Codable, Sendable {
    let id: String
    let botID: String
    let name: String
    let contentType: String
    let sizeBytes: Int
    let createdAt: Date

    init(_ document: BotDocument) {
        id = document.id
        botID = document.botID
        name = document.name
        contentType = document.contentType
        sizeBytes = document.sizeBytes
        createdAt = document.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case botID = "bot_id"
        case contentType = "content_type"
        case sizeBytes = "size_bytes"
        case createdAt = "created_at"
    }
}

/// `POST /api/bots/{id}/documents/`: a document's metadata.
struct DocumentFields: Decodable {
    let name: String
    let contentType: String
    let sizeBytes: Int

    static let nameRule = TextRule(lengths: 1...255)
    /// A media type such as `text/plain`; the slash is checked beside the rule.
    static let contentTypeRule = TextRule(lengths: 3...100)
    static let sizeRule = IntegerRule(minimum: 0)

    func document(of bot: Bot) throws(ProblemError) -> BotDocument {
        let name = try Self.nameRule.checked(name, field: "name")
        let contentType = try Self.contentTypeRule.checked(contentType, field: "content_type")
        guard contentType.contains("/") else {
            throw ProblemError(.badRequest, code: "invalid_content_type", detail: "The field content_type must be a media type such as text/plain.")
        }
        return BotDocument(
            id: UUID().uuidString.lowercased(), botID: bot.id, workspaceID: bot.workspaceID, name: name,
            contentType: contentType, sizeBytes: try Self.sizeRule.checked(sizeBytes, field: "size_bytes"), createdAt: Date())
    }
}

extension DocumentFields: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "name"].textRule = nameRule
        schema[property: "content_type"].textRule = contentTypeRule
        schema[property: "content_type"].description = "A media type such as text/plain."
        schema[property: "size_bytes"].integerRule = sizeRule
    }
}
