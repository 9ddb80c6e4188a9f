import Crypto
import CryptoExtras

/// Turns key text into the digest stored at rest, and checks key text against a stored digest.
///
/// With a pepper (a server-side secret kept outside the database) digests are HMAC-SHA256, so a
/// stolen database alone is not enough to test guesses. Without one they are SHA-256: keys carry
/// about 190 random bits, so neither salt nor stretching is needed. Every comparison is
/// constant-time.
///
/// A pepper is rotated by giving the old one as `previousPepper`: digests made with it still
/// verify (as ``DigestMatch/outdated``, so ``KeyService`` re-digests them under the new pepper on
/// first use).
public struct KeyHasher: Sendable {
    /// HMAC state already keyed with the pepper; copied per digest so the key schedule is paid once.
    private let keyedHMAC: HMAC<SHA256>?
    private let previousHMAC: HMAC<SHA256>?
    /// Names the pepper digests are made with (``PepperFingerprint/none`` without one).
    public let fingerprint: PepperFingerprint
    /// The fingerprint of the pepper being rotated out, if any.
    public let previousFingerprint: PepperFingerprint?

    /// - Parameters:
    ///   - pepper: the server secret for HMAC-SHA256 digests, or `nil` for SHA-256.
    ///   - previousPepper: a pepper being rotated out: its digests still verify and are reported
    ///     as outdated.
    public init(pepper: SymmetricKey? = nil, previousPepper: SymmetricKey? = nil) {
        keyedHMAC = pepper.map { HMAC<SHA256>(key: $0) }
        previousHMAC = previousPepper.map { HMAC<SHA256>(key: $0) }
        fingerprint = PepperFingerprint(of: pepper)
        previousFingerprint = previousPepper.map { PepperFingerprint(of: $0) }
    }

    /// `true` when digests are keyed with a pepper.
    public var usesPepper: Bool { keyedHMAC != nil }

    /// The digest to store for `key` under this configuration.
    public func digest(of key: PlaintextKey) -> KeyDigest {
        let bytes = Array(key.revealed.utf8)
        if let keyedHMAC {
            return .hmacSHA256(Self.authenticationCode(bytes, keyedHMAC))
        }
        return .sha256(Array(SHA256.hash(data: bytes)))
    }

    /// Whether `key` is the text that `digest` was made from, and if so whether the digest is
    /// what ``digest(of:)`` would write today. `nil` when it is not. Constant-time in the digest
    /// bytes; a digest that fails under the pepper also costs the check under the previous one,
    /// whatever the key.
    public func check(_ key: PlaintextKey, against digest: KeyDigest) -> DigestMatch? {
        let bytes = Array(key.revealed.utf8)
        switch digest {
        case .sha256(let stored):
            guard ConstantTime.equals(Array(SHA256.hash(data: bytes)), stored) else { return nil }
            return usesPepper ? .outdated : .current
        case .hmacSHA256(let stored):
            if let keyedHMAC, ConstantTime.equals(Self.authenticationCode(bytes, keyedHMAC), stored) {
                return .current
            }
            if let previousHMAC, ConstantTime.equals(Self.authenticationCode(bytes, previousHMAC), stored) {
                return .outdated
            }
            return nil
        case .djangoSHA512(let stored):
            return ConstantTime.equals(Array(SHA512.hash(data: bytes)), stored) ? .outdated : nil
        case .djangoPBKDF2(let iterations, let salt, let stored):
            guard let derived = try? KDF.Insecure.PBKDF2.deriveKey(
                from: bytes, salt: Array(salt.utf8), using: .sha256,
                outputByteCount: stored.count, unsafeUncheckedRounds: iterations
            ) else { return nil }
            return derived.withUnsafeBytes { ConstantTime.equals(Array($0), stored) } ? .outdated : nil
        }
    }

    /// `true` when `key` is the text that `digest` was made from.
    public func matches(_ key: PlaintextKey, _ digest: KeyDigest) -> Bool {
        check(key, against: digest) != nil
    }

    private static func authenticationCode(_ bytes: [UInt8], _ keyed: HMAC<SHA256>) -> [UInt8] {
        var hmac = keyed
        hmac.update(data: bytes)
        return Array(hmac.finalize())
    }
}

/// How a stored digest matched presented key text.
public enum DigestMatch: Sendable, Equatable {
    /// Made the way ``KeyHasher/digest(of:)`` makes digests today.
    case current
    /// Made by another algorithm, without the pepper, or with the previous pepper: it verifies,
    /// and should be replaced by a current digest.
    case outdated
}
