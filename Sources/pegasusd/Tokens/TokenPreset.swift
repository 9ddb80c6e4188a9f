import FieldRules

/// Named sets of scopes for the common uses of a token.
enum TokenPreset: String, WireEnum {
    case chatAPIOnly = "chat-api-only"
    case readOnly = "read-only"
    case botManagement = "bot-management"

    var label: String {
        switch self {
        case .chatAPIOnly: "Chat API only"
        case .readOnly: "Read-only"
        case .botManagement: "Bot management"
        }
    }

    var scopes: [Scope] {
        switch self {
        case .chatAPIOnly: [.conversationsRead, .conversationsWrite, .chatWrite]
        case .readOnly: [.profileRead, .subscriptionRead, .modelsRead, .botsRead, .usageRead]
        case .botManagement: [.botsRead, .botsWrite, .profileRead, .modelsRead]
        }
    }
}

/// The lifetimes a token may be given, in days.
enum TokenExpiry {
    static let allowedDays = [30, 60, 90, 180, 365]
    static let rule = IntegerRule(oneOf: allowedDays)
}
