import Crypto
import Foundation
import KeyCore

/// Random opaque tokens (session cookies, CSRF tokens, JWT ids) and the digests stored for them.
enum SecureToken {
    /// 256 bits from the system CSPRNG, base64url without padding (43 characters).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 hex digest stored in place of a token, so a copy of the database does not
    /// hold live sessions.
    static func digest(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}
