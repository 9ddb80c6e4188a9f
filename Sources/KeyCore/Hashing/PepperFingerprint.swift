import Crypto

/// Names a pepper without revealing it, so a store can remember which pepper its digests were
/// made with and a server started with another one can refuse to start instead of turning every
/// key into "unknown".
///
/// The text is `none` without a pepper, else `hmac-sha256:` and 16 bytes of
/// HMAC-SHA256(pepper, "pegasus key pepper fingerprint") in hex: one-way, and too short to be
/// used as a digest of anything a client sends.
public struct PepperFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The stored text form.
    public let text: String

    /// The fingerprint of no pepper.
    public static let none = PepperFingerprint(text: "none")

    /// Reads a stored fingerprint.
    public init(text: String) {
        self.text = text
    }

    /// The fingerprint of `pepper` (``none`` for `nil`).
    public init(of pepper: SymmetricKey?) {
        guard let pepper else {
            self = .none
            return
        }
        let code = HMAC<SHA256>.authenticationCode(for: Array("pegasus key pepper fingerprint".utf8), using: pepper)
        text = "hmac-sha256:" + Hex.encode(Array(code.prefix(16)))
    }

    public var description: String { text }
}
