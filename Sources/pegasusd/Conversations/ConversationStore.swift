import Foundation

/// API conversations and their messages, always within one workspace.
struct ConversationStore: Sendable {
    let database: AppDatabase

    private static let columns = "id, workspace_id, bot_id, title, source, created_by, created_at"
    /// Only the conversations the API made: a web chat would keep its own.
    private static let ofAPI = "workspace_id = ? AND source = '\(Conversation.apiSource)'"

    func page(in workspaceID: String, offset: Int, limit: Int) async throws -> (count: Int, conversations: [Conversation]) {
        try await database.read { db in
            let count = try await db.fetchCount("SELECT COUNT(*) FROM conversation WHERE \(Self.ofAPI)", [workspaceID])
            let rows = try await db.fetchAll(
                "SELECT \(Self.columns) FROM conversation WHERE \(Self.ofAPI) ORDER BY created_at, id LIMIT ? OFFSET ?", [workspaceID, limit, offset])
            return (count, try rows.map(Conversation.init(row:)))
        }
    }

    func find(id: String, in workspaceID: String) async throws -> Conversation? {
        try await database.read { db in
            try await db.fetchOne("SELECT \(Self.columns) FROM conversation WHERE id = ? AND \(Self.ofAPI)", [id, workspaceID])
                .map(Conversation.init(row:))
        }
    }

    func messages(of conversationID: String) async throws -> [ChatMessage] {
        try await database.read { db in
            // A message and its reply share a time: the caller's comes first.
            try await db.fetchAll("""
                SELECT id, conversation_id, role, content, created_at FROM message WHERE conversation_id = ?
                ORDER BY created_at, CASE role WHEN 'user' THEN 0 ELSE 1 END, id
                """, [conversationID]).map(ChatMessage.init(row:))
        }
    }

    func insert(_ conversation: Conversation) async throws {
        try await database.write { db in
            try await db.execute(
                "INSERT INTO conversation (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [conversation.id, conversation.workspaceID, conversation.botID, conversation.title, conversation.source,
                 conversation.createdBy, conversation.createdAt])
        }
    }

    /// Stores a message and its reply together.
    func insert(_ message: ChatMessage, reply: ChatMessage) async throws {
        try await database.write { db in
            for message in [message, reply] {
                try await db.execute(
                    "INSERT INTO message (id, conversation_id, role, content, created_at) VALUES (?, ?, ?, ?, ?)",
                    [message.id, message.conversationID, message.role, message.content, message.createdAt])
            }
        }
    }

    func delete(id: String, in workspaceID: String) async throws -> Bool {
        try await database.write { db in
            try await db.execute("DELETE FROM conversation WHERE id = ? AND \(Self.ofAPI)", [id, workspaceID]) > 0
        }
    }
}
