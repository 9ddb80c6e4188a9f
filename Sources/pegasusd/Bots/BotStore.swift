import Foundation
import GRDB

/// Bots and their documents, always read and written within one workspace: another
/// workspace's bot is not found.
struct BotStore: Sendable {
    let database: AppDatabase

    func page(in workspaceID: String, offset: Int, limit: Int) throws -> (count: Int, bots: [Bot]) {
        try database.read { db in
            let all = Bot.filter(Column("workspace_id") == workspaceID)
            return (try all.fetchCount(db), try all.order(Column("created_at"), Column("id")).limit(limit, offset: offset).fetchAll(db))
        }
    }

    func find(id: String, in workspaceID: String) throws -> Bot? {
        try database.read { db in try Bot.filter(Column("id") == id && Column("workspace_id") == workspaceID).fetchOne(db) }
    }

    func insert(_ bot: Bot) async throws {
        try await database.pool.write { db in try bot.insert(db) }
    }

    func update(_ bot: Bot) async throws {
        try await database.pool.write { db in try bot.update(db) }
    }

    /// `false` when the workspace has no bot with this id. Its documents and conversations go too.
    func delete(id: String, in workspaceID: String) async throws -> Bool {
        try await database.pool.write { db in
            try Bot.filter(Column("id") == id && Column("workspace_id") == workspaceID).deleteAll(db) > 0
        }
    }

    func documents(of botID: String, in workspaceID: String, offset: Int, limit: Int) throws -> (count: Int, documents: [BotDocument]) {
        try database.read { db in
            let all = BotDocument.filter(Column("bot_id") == botID && Column("workspace_id") == workspaceID)
            return (try all.fetchCount(db), try all.order(Column("created_at"), Column("id")).limit(limit, offset: offset).fetchAll(db))
        }
    }

    func insert(_ document: BotDocument) async throws {
        try await database.pool.write { db in try document.insert(db) }
    }

    func deleteDocument(id: String, of botID: String, in workspaceID: String) async throws -> Bool {
        try await database.pool.write { db in
            try BotDocument.filter(Column("id") == id && Column("bot_id") == botID && Column("workspace_id") == workspaceID).deleteAll(db) > 0
        }
    }
}
