/// Writes a bot's reply. pegasusd ships ``EchoResponder``; a deployment that talks to a real
/// model conforms its client to this and hands it to the server.
protocol ChatResponder: Sendable {
    /// The bot's answer to `message`, given the conversation so far (oldest first).
    func reply(as bot: Bot, to message: String, history: [ChatMessage]) async throws -> String
}

/// A deterministic responder, for tests and demos: the same input always gets the same reply.
struct EchoResponder: ChatResponder {
    func reply(as bot: Bot, to message: String, history: [ChatMessage]) async throws -> String {
        let words = message.split(whereSeparator: \.isWhitespace).count
        let turn = history.filter { $0.role == .user }.count + 1
        return "\(bot.name) (turn \(turn)): you said \"\(message)\" — \(words) word\(words == 1 ? "" : "s")."
    }
}
