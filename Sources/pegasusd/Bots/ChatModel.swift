/// A model a bot can run on (`GET /api/models/`).
struct ChatModel: Codable, Sendable {
    let id: String
    let name: String
    let description: String

    /// What this server offers. `pegasus-echo` is the built-in deterministic responder; a
    /// deployment that plugs in a real model (``ChatResponder``) lists its own.
    static let catalog = [
        ChatModel(id: "pegasus-echo", name: "Pegasus Echo", description: "Answers deterministically from the message: for tests and demos."),
    ]

    static let defaultID = "pegasus-echo"
}
