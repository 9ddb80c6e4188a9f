import Foundation
import GRDB

/// API conversations and their messages, always within one workspace.
struct ConversationStore: Sendable {
    let database: AppDatabase

    func page(in workspaceID: String, offset: Int, limit: Int) throws -> (count: Int, conversations: [Conversation]) {
        try database.read { db in
            let all = Conversation.filter(Column("workspace_id") == workspaceID && Column("source") == Conversation.apiSource)
            return (try all.fetchCount(db), try all.order(Column("created_at"), Column("id")).limit(limit, offset: offset).fetchAll(db))
        }
    }

    func find(id: String, in workspaceID: String) throws -> Conversation? {
        try database.read { db in
            try Conversation.filter(Column("id") == id && Column("workspace_id") == workspaceID && Column("source") == Conversation.apiSource)
                .fetchOne(db)
        }
    }

    func messages(of conversationID: String) throws -> [ChatMessage] {
        try database.read { db in
            // A message and its reply share a time: the order they were written in breaks the tie.
            try ChatMessage.filter(Column("conversation_id") == conversationID).order(Column("created_at"), Column.rowID).fetchAll(db)
        }
    }

    func insert(_ conversation: Conversation) async throws {
        try await database.pool.write { db in try conversation.insert(db) }
    }

    /// Stores a message and its reply together.
    func insert(_ message: ChatMessage, reply: ChatMessage) async throws {
        try await database.pool.write { db in
            try message.insert(db)
            try reply.insert(db)
        }
    }

    func delete(id: String, in workspaceID: String) async throws -> Bool {
        try await database.pool.write { db in
            try Conversation.filter(Column("id") == id && Column("workspace_id") == workspaceID && Column("source") == Conversation.apiSource)
                .deleteAll(db) > 0
        }
    }
}
