import AuthGate

/// What a personal access token may do: one code per capability, declared once and read by
/// the permissions (``HasScope``), the schema and `GET /api/tokens/scopes/`.
enum Scope: String, WireEnum {
    case profileRead = "profile:read"
    case subscriptionRead = "subscription:read"
    case modelsRead = "models:read"
    case botsRead = "bots:read"
    case botsWrite = "bots:write"
    case conversationsRead = "conversations:read"
    case conversationsWrite = "conversations:write"
    case chatWrite = "chat:write"
    case usageRead = "usage:read"

    /// The label a person picks it by.
    var label: String {
        switch self {
        case .profileRead: "Read your profile"
        case .subscriptionRead: "Read your subscription"
        case .modelsRead: "Read available models"
        case .botsRead: "Read bots & documents"
        case .botsWrite: "Create, update, delete bots"
        case .conversationsRead: "Read API conversations"
        case .conversationsWrite: "Create, delete API conversations"
        case .chatWrite: "Send chat messages"
        case .usageRead: "Read usage analytics"
        }
    }

    /// What it opens, for the scopes page and the docs.
    var description: String {
        switch self {
        case .profileRead: "GET /api/profile/"
        case .subscriptionRead: "GET /api/subscription/"
        case .modelsRead: "GET /api/models/"
        case .botsRead: "GET /api/bots/ and a bot's documents"
        case .botsWrite: "POST, PATCH, DELETE on /api/bots/ and their documents"
        case .conversationsRead: "GET /api/conversations/ (conversations created through the API)"
        case .conversationsWrite: "POST and DELETE on /api/conversations/"
        case .chatWrite: "POST /api/conversations/{id}/messages/"
        case .usageRead: "GET /api/usage/"
        }
    }
}

extension HasScope {
    /// Allows an access token that carries `scope`.
    init(_ scope: Scope) {
        self.init(scope.rawValue)
    }
}
