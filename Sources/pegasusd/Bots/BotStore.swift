import Foundation

/// Bots and their documents, always read and written within one workspace: another
/// workspace's bot is not found.
struct BotStore: Sendable {
    let database: AppDatabase

    private static let botColumns = "id, workspace_id, name, description, model, created_at, updated_at"
    private static let documentColumns = "id, bot_id, workspace_id, name, content_type, size_bytes, created_at"

    func page(in workspaceID: String, offset: Int, limit: Int) async throws -> (count: Int, bots: [Bot]) {
        try await database.read { db in
            let count = try await db.fetchCount("SELECT COUNT(*) FROM bot WHERE workspace_id = ?", [workspaceID])
            let rows = try await db.fetchAll(
                "SELECT \(Self.botColumns) FROM bot WHERE workspace_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?", [workspaceID, limit, offset])
            return (count, try rows.map(Bot.init(row:)))
        }
    }

    func find(id: String, in workspaceID: String) async throws -> Bot? {
        try await database.read { db in
            try await db.fetchOne("SELECT \(Self.botColumns) FROM bot WHERE id = ? AND workspace_id = ?", [id, workspaceID]).map(Bot.init(row:))
        }
    }

    func insert(_ bot: Bot) async throws {
        try await database.write { db in
            try await db.execute(
                "INSERT INTO bot (\(Self.botColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [bot.id, bot.workspaceID, bot.name, bot.description, bot.model, bot.createdAt, bot.updatedAt])
        }
    }

    func update(_ bot: Bot) async throws {
        try await database.write { db in
            try await db.execute(
                "UPDATE bot SET name = ?, description = ?, model = ?, updated_at = ? WHERE id = ? AND workspace_id = ?",
                [bot.name, bot.description, bot.model, bot.updatedAt, bot.id, bot.workspaceID])
        }
    }

    /// `false` when the workspace has no bot with this id. Its documents and conversations go too.
    func delete(id: String, in workspaceID: String) async throws -> Bool {
        try await database.write { db in
            try await db.execute("DELETE FROM bot WHERE id = ? AND workspace_id = ?", [id, workspaceID]) > 0
        }
    }

    func documents(of botID: String, in workspaceID: String, offset: Int, limit: Int) async throws -> (count: Int, documents: [BotDocument]) {
        try await database.read { db in
            let count = try await db.fetchCount("SELECT COUNT(*) FROM bot_document WHERE bot_id = ? AND workspace_id = ?", [botID, workspaceID])
            let rows = try await db.fetchAll(
                "SELECT \(Self.documentColumns) FROM bot_document WHERE bot_id = ? AND workspace_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
                [botID, workspaceID, limit, offset])
            return (count, try rows.map(BotDocument.init(row:)))
        }
    }

    func insert(_ document: BotDocument) async throws {
        try await database.write { db in
            try await db.execute(
                "INSERT INTO bot_document (\(Self.documentColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [document.id, document.botID, document.workspaceID, document.name, document.contentType, document.sizeBytes, document.createdAt])
        }
    }

    func deleteDocument(id: String, of botID: String, in workspaceID: String) async throws -> Bool {
        try await database.write { db in
            try await db.execute("DELETE FROM bot_document WHERE id = ? AND bot_id = ? AND workspace_id = ?", [id, botID, workspaceID]) > 0
        }
    }
}
