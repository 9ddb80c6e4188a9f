/// Makes new native keys from the system's cryptographically secure random source.
public enum KeyGenerator {
    /// A fresh key of `type` and its lookup id.
    ///
    /// Random bytes come from the kernel CSPRNG (`getrandom(2)` on Linux).
    public static func generate(_ type: KeyType) -> ParsedKey {
        var random = BufferedSystemRandom()
        let lookup = Base62.randomCharacters(count: KeyFormat.lookupLength, using: &random)
        let secret = Base62.randomCharacters(count: KeyFormat.secretLength, using: &random)
        return ParsedKey(
            type: type,
            lookupID: String(decoding: lookup, as: UTF8.self),
            plaintext: PlaintextKey(KeyFormat.assemble(type: type, lookup: lookup, secret: secret))
        )
    }
}
