import Foundation
import KeyCore
import SchemaKit

/// `POST /api/tokens/`: a name, the scopes (or a preset naming them), and a lifetime.
struct TokenCreateRequest: Decodable {
    let name: String
    let scopes: [Scope]?
    let preset: TokenPreset?
    let expiresInDays: Int
}

/// `PATCH`/`PUT /api/tokens/{id}/`: a token may be renamed; its scopes never change.
struct TokenUpdateRequest: Decodable {
    let name: String?
    let scopes: [Scope]?
    let preset: TokenPreset?
}

/// A token as listed: the key fields, its scopes and the workspace it is bound to. `token` is
/// present only in the create response, the one time the secret is shown.
struct TokenListing: Codable {
    let id: String
    let name: String
    let prefix: String
    let created: Date
    let expiresAt: Date?
    let revoked: Bool
    let lastUsedAt: Date?
    let scopes: [String]
    let workspace: WorkspaceRef?
    let token: String?

    struct WorkspaceRef: Codable {
        let id: String
        let name: String
        let kind: Workspace.Kind
    }

    init(_ record: KeyRecord, workspace: Workspace?, token: PlaintextKey? = nil) {
        id = record.id
        name = record.name
        prefix = record.displayPrefix
        created = record.createdAt
        expiresAt = record.expiresAt
        revoked = record.isRevoked
        lastUsedAt = record.lastUsedAt
        scopes = record.scopes
        self.workspace = workspace.map { WorkspaceRef(id: $0.id, name: $0.name, kind: $0.kind) }
        self.token = token?.revealed
    }

    enum CodingKeys: String, CodingKey {
        case id, name, prefix, created, revoked, scopes, workspace, token
        case expiresAt = "expires_at"
        case lastUsedAt = "last_used_at"
    }

    /// Absent optionals are written as `null` so every field is always present; `token` only
    /// when there is one.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(prefix, forKey: .prefix)
        try container.encode(created, forKey: .created)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(revoked, forKey: .revoked)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
        try container.encode(scopes, forKey: .scopes)
        try container.encode(workspace, forKey: .workspace)
        try container.encodeIfPresent(token, forKey: .token)
    }
}

/// `GET /api/tokens/scopes/`: what the token creator offers, and whether it may be shown.
struct TokenOptions: Codable {
    struct ScopeOption: Codable {
        let code: String
        let label: String
        let description: String
    }

    struct PresetOption: Codable {
        let id: String
        let label: String
        let scopes: [String]
    }

    let scopes: [ScopeOption]
    let presets: [PresetOption]
    let expiryDays: [Int]
    let canCreate: Bool
    /// Why not, in words a UI shows instead of the creator; `null` when it may.
    let reason: String?
    let workspace: TokenListing.WorkspaceRef?

    enum CodingKeys: String, CodingKey {
        case scopes, presets, reason, workspace
        case expiryDays = "expiry_days"
        case canCreate = "can_create"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scopes, forKey: .scopes)
        try container.encode(presets, forKey: .presets)
        try container.encode(expiryDays, forKey: .expiryDays)
        try container.encode(canCreate, forKey: .canCreate)
        try container.encode(reason, forKey: .reason)
        try container.encode(workspace, forKey: .workspace)
    }
}

extension TokenCreateRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema.setExample(["name": "Helpdesk integration", "preset": "chat-api-only", "expires_in_days": 90] as [String: any Sendable])
        schema[property: "name"].textRule = KeyRecord.nameRule
        schema[property: "expires_in_days"].integerRule = TokenExpiry.rule
    }
}

extension TokenUpdateRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "name"].textRule = KeyRecord.nameRule
    }
}
