import AuthGate
import Foundation
import KeyCore
import SchemaKit

/// The answer of `POST /api/introspect/` (RFC 7662 §2.2). An inactive token is exactly
/// `{"active": false}`, whatever the reason, so that a caller learns nothing about a token that
/// does not work; an active one says what it is. Absent fields are left out, not `null`.
struct Introspection: Codable {
    let active: Bool
    /// The credential's scopes, space-separated; absent when it has none.
    let scope: String?
    /// The id of the key or token.
    let clientID: String?
    /// The owner user's id; for a team or service key, its owner as written (`team:acme`).
    let sub: String?
    /// The owner user's email.
    let username: String?
    /// When it stops working, in Unix seconds; absent for a key that never expires.
    let exp: Int?
    /// When it was created, in Unix seconds.
    let iat: Int?
    let tokenType: TokenType?
    /// The workspace a personal access token is bound to.
    let workspace: String?

    enum TokenType: String, WireEnum {
        case apiKey = "api_key"
        case personalAccessToken = "personal_access_token"
    }

    enum CodingKeys: String, CodingKey {
        case active, scope, sub, username, exp, iat, workspace
        case clientID = "client_id"
        case tokenType = "token_type"
    }

    static let inactive = Introspection(
        active: false, scope: nil, clientID: nil, sub: nil, username: nil, exp: nil, iat: nil, tokenType: nil, workspace: nil)

    /// What `principal`'s key or token is; `nil` for a principal of no key (a signed-in person).
    init?(_ principal: Principal) {
        guard let record = principal.keyRecord else { return nil }
        let tokenType: TokenType = if case .accessToken = principal { .personalAccessToken } else { .apiKey }
        self.init(
            active: true, scope: record.scopes.isEmpty ? nil : record.scopes.joined(separator: " "), clientID: record.id,
            sub: principal.user?.id ?? record.owner?.description, username: principal.user?.email,
            exp: record.expiresAt.map(Self.unixSeconds), iat: Self.unixSeconds(record.createdAt), tokenType: tokenType,
            workspace: principal.workspace)
    }

    private init(
        active: Bool, scope: String?, clientID: String?, sub: String?, username: String?, exp: Int?, iat: Int?, tokenType: TokenType?,
        workspace: String?
    ) {
        self.active = active
        self.scope = scope
        self.clientID = clientID
        self.sub = sub
        self.username = username
        self.exp = exp
        self.iat = iat
        self.tokenType = tokenType
        self.workspace = workspace
    }

    private static func unixSeconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }
}

extension Introspection: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema.setExample([
            "active": true, "scope": "bots:read usage:read", "client_id": "3b241101-e2bb-4255-8caf-4136c566a962", "sub": "8d5e0c52-1f0b-4c1e-9f7e-2a3b4c5d6e7f",
            "username": "ada@example.com", "exp": 1_800_000_000, "iat": 1_790_000_000, "token_type": "personal_access_token",
            "workspace": "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        ] as [String: any Sendable])
    }
}
