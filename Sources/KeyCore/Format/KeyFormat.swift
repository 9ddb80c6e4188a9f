/// The text format of keys, and the parser that reads it.
///
/// A native key reads `<type>_<lookup>_<secret><check>`, for example
/// `pgk_3fQa9LmX0bZc_Vb1…(32 characters)…Zq81Kp`:
/// - `type`: a lowercase prefix naming the kind of key (``KeyType``);
/// - `lookup`: 12 base62 characters, public, the key's identity in listings and in the store;
/// - `secret`: 32 base62 characters from the system CSPRNG (about 190 bits);
/// - `check`: 6 base62 characters encoding the CRC-32 of everything before it, so a typo or a
///   truncated key is rejected without a store lookup.
///
/// Keys issued by djangorestframework-api-key (`<prefix8>.<secret32>`, alphanumeric) parse too,
/// as ``KeyType/djangoAPIKey`` with the 8-character prefix as their lookup id.
public enum KeyFormat {
    public static let lookupLength = 12
    public static let secretLength = 32
    public static let checksumLength = 6
    static let djangoPrefixLength = 8
    static let djangoSecretLength = 32

    /// Reads key text. Returns `nil` for anything that is not a well-formed key with a correct
    /// checksum; never traps, whatever the input.
    public static func parse(_ text: String) -> ParsedKey? {
        var utf8 = text
        let parts = utf8.withUTF8 { bytes in parseNative(bytes) ?? parseDjango(bytes) }
        guard let (type, lookupID) = parts else { return nil }
        return ParsedKey(type: type, lookupID: lookupID, plaintext: PlaintextKey(text))
    }

    private static func parseNative(_ bytes: UnsafeBufferPointer<UInt8>) -> (KeyType, String)? {
        let underscore = UInt8(ascii: "_")
        guard let prefixEnd = bytes.prefix(9).firstIndex(of: underscore) else { return nil }
        let lookupStart = prefixEnd + 1
        let secondUnderscore = lookupStart + lookupLength
        let tailStart = secondUnderscore + 1
        let checkStart = tailStart + secretLength
        guard bytes.count == checkStart + checksumLength,
              bytes[secondUnderscore] == underscore,
              bytes[lookupStart..<secondUnderscore].allSatisfy(Base62.contains),
              bytes[tailStart..<checkStart].allSatisfy(Base62.contains),
              Base62.digits(bytes[checkStart...], encode: CRC32.checksum(bytes[..<checkStart])),
              let type = KeyType(prefix: String(decoding: bytes[..<prefixEnd], as: UTF8.self))
        else { return nil }
        return (type, String(decoding: bytes[lookupStart..<secondUnderscore], as: UTF8.self))
    }

    private static func parseDjango(_ bytes: UnsafeBufferPointer<UInt8>) -> (KeyType, String)? {
        let dot = djangoPrefixLength
        guard bytes.count == djangoPrefixLength + 1 + djangoSecretLength,
              bytes[dot] == UInt8(ascii: "."),
              bytes[..<dot].allSatisfy(Base62.contains),
              bytes[(dot + 1)...].allSatisfy(Base62.contains)
        else { return nil }
        return (.djangoAPIKey, String(decoding: bytes[..<dot], as: UTF8.self))
    }

    /// The 6-character checksum that ends a native key whose text before it is `body`.
    ///
    /// Public so that clients and secret scanners can tell a well-formed Pegasus key from a
    /// typo offline (`body + checksum(of: body)` is the whole key).
    public static func checksum(of body: some StringProtocol) -> String {
        String(decoding: Base62.encode(CRC32.checksum(body.utf8), width: checksumLength), as: UTF8.self)
    }

    /// Assembles a native key from its parts, appending the checksum.
    static func assemble(type: KeyType, lookup: [UInt8], secret: [UInt8]) -> String {
        let body = "\(type.prefix)_\(String(decoding: lookup, as: UTF8.self))_\(String(decoding: secret, as: UTF8.self))"
        return body + checksum(of: body)
    }
}

/// A key whose text is well formed: its type, its public lookup id and the text itself.
public struct ParsedKey: Sendable {
    public let type: KeyType
    /// The public identity of the key, used to find its record.
    public let lookupID: String
    public let plaintext: PlaintextKey
}
