/// The outcome of verifying presented key text.
public enum KeyVerification: Sendable, Equatable {
    /// The key is genuine, not revoked and not expired.
    case valid(KeyRecord)
    /// The key must not be accepted, for this reason.
    case rejected(KeyRejection)

    /// The record of a valid key, else `nil`.
    public var record: KeyRecord? {
        if case .valid(let record) = self { record } else { nil }
    }
}

/// Why a key was refused.
///
/// ``unknown`` covers both a lookup id that no key has and a right lookup id with a wrong
/// secret: the two take the same path and cost the same, so a caller cannot probe which lookup
/// ids exist. ``revoked`` and ``expired`` are only reported to someone who holds the real secret.
/// A server should give all four the same public answer.
public enum KeyRejection: String, Sendable, Equatable, CaseIterable {
    /// Not a well-formed key, or its checksum is wrong: rejected without touching the store.
    case malformed
    /// No stored key matches this text.
    case unknown
    case revoked
    case expired
}
