public import FieldRules
import Foundation

/// Everything known about a key except its secret: what listings show and what a successful
/// verification returns.
public struct KeyRecord: Hashable, Sendable, Codable {
    /// Opaque, stable identifier (a UUID string); what `revoke` takes.
    public var id: String
    public var type: KeyType
    /// The public part of the key that finds its record (12 characters; 8 for imported Django keys).
    public var lookupID: String
    /// A human label, 1 to ``KeyRecord/maximumNameLength`` characters.
    public var name: String
    /// Who the key acts for; `nil` for a standalone service key.
    public var owner: KeyOwner?
    public var scopes: [String]
    /// The workspace a personal access token acts in (a team, or its owner's personal
    /// workspace), fixed at creation; `nil` for keys that act for their owner alone.
    public var workspace: String?
    public var createdAt: Date
    /// The instant the key stops working; `nil` for a key that does not expire.
    public var expiresAt: Date?
    /// Set once, never cleared: a revoked key never comes back.
    public var revokedAt: Date?
    /// When a verification last succeeded (recorded in batches, to the minute).
    public var lastUsedAt: Date?

    public static let maximumNameLength = 50
    /// What a key's name may be: 1 to ``maximumNameLength`` code points (what the SQLite
    /// store's `CHECK` counts), not blank, no control characters; kept trimmed.
    public static let nameRule = TextRule(lengths: 1...maximumNameLength)

    public init(
        id: String, type: KeyType, lookupID: String, name: String, owner: KeyOwner? = nil,
        scopes: [String] = [], workspace: String? = nil, createdAt: Date, expiresAt: Date? = nil, revokedAt: Date? = nil,
        lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.type = type
        self.lookupID = lookupID
        self.name = name
        self.owner = owner
        self.scopes = scopes
        self.workspace = workspace
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    /// The public start of the key text, safe to show in listings: `pgk_Ab12Cd34Ef56`, or the
    /// 8-character prefix of an imported Django key.
    public var displayPrefix: String {
        type == .djangoAPIKey ? lookupID : "\(type.prefix)_\(lookupID)"
    }

    public var isRevoked: Bool { revokedAt != nil }

    /// A key is usable strictly before its expiry instant; at that instant it has expired.
    public func hasExpired(at now: Date) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt <= now
    }
}

/// A record together with the digest that stands in for its secret: what a ``KeyStore`` keeps.
public struct StoredKey: Sendable, Equatable {
    public var record: KeyRecord
    public var digest: KeyDigest

    public init(record: KeyRecord, digest: KeyDigest) {
        self.record = record
        self.digest = digest
    }
}
