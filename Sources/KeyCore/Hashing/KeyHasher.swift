import Crypto
import CryptoExtras

/// Turns key text into the digest stored at rest, and checks key text against a stored digest.
///
/// With a pepper (a server-side secret kept outside the database) digests are HMAC-SHA256, so a
/// stolen database alone is not enough to test guesses. Without one they are SHA-256: keys carry
/// about 190 random bits, so neither salt nor stretching is needed. Every comparison is
/// constant-time.
public struct KeyHasher: Sendable {
    /// HMAC state already keyed with the pepper; copied per digest so the key schedule is paid once.
    private let keyedHMAC: HMAC<SHA256>?

    /// - Parameter pepper: the server secret for HMAC-SHA256 digests, or `nil` for SHA-256.
    public init(pepper: SymmetricKey? = nil) {
        keyedHMAC = pepper.map { HMAC<SHA256>(key: $0) }
    }

    /// `true` when digests are keyed with a pepper.
    public var usesPepper: Bool { keyedHMAC != nil }

    /// The digest to store for `key` under this configuration.
    public func digest(of key: PlaintextKey) -> KeyDigest {
        let bytes = Array(key.revealed.utf8)
        if var hmac = keyedHMAC {
            hmac.update(data: bytes)
            return .hmacSHA256(Array(hmac.finalize()))
        }
        return .sha256(Array(SHA256.hash(data: bytes)))
    }

    /// `true` when `key` is the text that `digest` was made from. Constant-time in the digest bytes.
    public func matches(_ key: PlaintextKey, _ digest: KeyDigest) -> Bool {
        let bytes = Array(key.revealed.utf8)
        switch digest {
        case .sha256(let stored):
            return ConstantTime.equals(Array(SHA256.hash(data: bytes)), stored)
        case .hmacSHA256(let stored):
            guard var hmac = keyedHMAC else { return false }
            hmac.update(data: bytes)
            return ConstantTime.equals(Array(hmac.finalize()), stored)
        case .djangoSHA512(let stored):
            return ConstantTime.equals(Array(SHA512.hash(data: bytes)), stored)
        case .djangoPBKDF2(let iterations, let salt, let stored):
            guard let derived = try? KDF.Insecure.PBKDF2.deriveKey(
                from: bytes, salt: Array(salt.utf8), using: .sha256,
                outputByteCount: stored.count, unsafeUncheckedRounds: iterations
            ) else { return false }
            return derived.withUnsafeBytes { ConstantTime.equals(Array($0), stored) }
        }
    }

    /// `true` when `digest` is what ``digest(of:)`` would write today; otherwise a successful
    /// verification rewrites it.
    public func isPreferred(_ digest: KeyDigest) -> Bool {
        switch digest {
        case .hmacSHA256: usesPepper
        case .sha256: !usesPepper
        case .djangoSHA512, .djangoPBKDF2: false
        }
    }
}
