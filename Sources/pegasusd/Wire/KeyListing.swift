import Foundation
import KeyCore

/// A key as clients see it (DESIGN.md "Wire shapes"): snake_case, RFC 3339 UTC times, string ids.
/// `key` is present only in a create response, the one time the secret is shown.
struct KeyListing: Codable {
    let id: String
    let name: String
    let prefix: String
    let created: Date
    let expiresAt: Date?
    let revoked: Bool
    let lastUsedAt: Date?
    let owner: String?
    let scopes: [String]
    let key: String?

    init(_ record: KeyRecord, key: PlaintextKey? = nil) {
        id = record.id
        name = record.name
        prefix = record.displayPrefix
        created = record.createdAt
        expiresAt = record.expiresAt
        revoked = record.isRevoked
        lastUsedAt = record.lastUsedAt
        owner = record.owner?.description
        scopes = record.scopes
        self.key = key?.revealed
    }

    enum CodingKeys: String, CodingKey {
        case id, name, prefix, created, revoked, owner, scopes, key
        case expiresAt = "expires_at"
        case lastUsedAt = "last_used_at"
    }

    /// Absent optionals are written as `null` so every field is always present.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(prefix, forKey: .prefix)
        try container.encode(created, forKey: .created)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(revoked, forKey: .revoked)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
        try container.encode(owner, forKey: .owner)
        try container.encode(scopes, forKey: .scopes)
        try container.encodeIfPresent(key, forKey: .key)
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
