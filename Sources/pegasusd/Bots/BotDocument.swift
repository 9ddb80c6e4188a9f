import AuthGateHummingbird
import Foundation
import GRDB

/// What a bot knows from: a document's metadata (the content itself is not kept by pegasusd).
struct BotDocument: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "bot_document"

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

    func document(of bot: Bot) throws(ProblemError) -> BotDocument {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...255).contains(trimmed.count) else {
            throw ProblemError(.badRequest, code: "invalid_name", detail: "The name must be 1 to 255 characters.")
        }
        guard contentType.contains("/"), contentType.count <= 100 else {
            throw ProblemError(.badRequest, code: "invalid_content_type", detail: "content_type must be a media type such as text/plain.")
        }
        guard sizeBytes >= 0 else { throw ProblemError(.badRequest, code: "invalid_size_bytes", detail: "size_bytes must be zero or more.") }
        return BotDocument(
            id: UUID().uuidString.lowercased(), botID: bot.id, workspaceID: bot.workspaceID, name: trimmed,
            contentType: contentType, sizeBytes: sizeBytes, createdAt: Date())
    }
}
