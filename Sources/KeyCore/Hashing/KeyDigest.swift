import Foundation

/// What is stored in place of a key: a one-way digest, tagged with the algorithm that made it.
///
/// The tag lets the verifier read digests written under an earlier configuration (or by
/// djangorestframework-api-key) and lets ``KeyService`` upgrade them to the preferred
/// algorithm after the first successful verification.
///
/// Textual form at rest (``encoded``):
/// | case | text |
/// |---|---|
/// | ``sha256(_:)`` | `sha256$<64 hex>` |
/// | ``hmacSHA256(_:)`` | `hmac-sha256$<64 hex>` |
/// | ``djangoSHA512(_:)`` | `sha512$$<128 hex>` (djangorestframework-api-key 3.x) |
/// | ``djangoPBKDF2(iterations:salt:hash:)`` | `pbkdf2_sha256$<iterations>$<salt>$<base64>` (Django's hasher, used by 2.x) |
public enum KeyDigest: Sendable {
    /// SHA-256 of the key text: used when no pepper is configured.
    case sha256([UInt8])
    /// HMAC-SHA256 of the key text keyed with the server pepper.
    case hmacSHA256([UInt8])
    /// Unsalted SHA-512 of the key text, as djangorestframework-api-key 3.x stores it.
    case djangoSHA512([UInt8])
    /// Django's `PBKDF2PasswordHasher` encoding, as djangorestframework-api-key 2.x stored it.
    case djangoPBKDF2(iterations: Int, salt: String, hash: [UInt8])

    /// `true` for the formats that only come from imported djangorestframework-api-key rows.
    public var isLegacy: Bool {
        switch self {
        case .sha256, .hmacSHA256: false
        case .djangoSHA512, .djangoPBKDF2: true
        }
    }

    /// The text stored in the database.
    public var encoded: String {
        switch self {
        case .sha256(let bytes): "sha256$" + Hex.encode(bytes)
        case .hmacSHA256(let bytes): "hmac-sha256$" + Hex.encode(bytes)
        case .djangoSHA512(let bytes): "sha512$$" + Hex.encode(bytes)
        case .djangoPBKDF2(let iterations, let salt, let hash):
            "pbkdf2_sha256$\(iterations)$\(salt)$" + Data(hash).base64EncodedString()
        }
    }

    /// Reads the stored text form.
    /// - Throws: ``KeyCoreError/unsupportedDigest(_:)`` naming only the algorithm tag.
    public init(encoded text: String) throws(KeyCoreError) {
        // The native forms are read on every verification: recognise them without splitting.
        if text.hasPrefix("sha256$"), let bytes = Hex.decode(text.dropFirst(7)), bytes.count == 32 {
            self = .sha256(bytes)
            return
        }
        if text.hasPrefix("hmac-sha256$"), let bytes = Hex.decode(text.dropFirst(12)), bytes.count == 32 {
            self = .hmacSHA256(bytes)
            return
        }
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        let algorithm = String(parts.first ?? "")
        switch (algorithm, parts.count) {
        case ("sha512", 3):
            if parts[1].isEmpty, let bytes = Hex.decode(parts[2]), bytes.count == 64 { self = .djangoSHA512(bytes); return }
        case ("pbkdf2_sha256", 4):
            if let iterations = Int(parts[1]), iterations > 0, !parts[2].isEmpty,
               let hash = Data(base64Encoded: String(parts[3])), !hash.isEmpty {
                self = .djangoPBKDF2(iterations: iterations, salt: String(parts[2]), hash: Array(hash))
                return
            }
        default:
            break
        }
        throw .unsupportedDigest(algorithm)
    }
}
