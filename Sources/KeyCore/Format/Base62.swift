/// The base62 alphabet (`0-9A-Za-z`) that native keys are written in: URL-safe, double-click
/// selectable, and free of separators so a key is always one token.
enum Base62 {
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    static func contains(_ byte: UInt8) -> Bool {
        digitValue(byte) != nil
    }

    /// The value (0–61) of a base62 digit.
    static func digitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt64(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt64(byte - UInt8(ascii: "a")) + 36
        default: nil
        }
    }

    /// `true` when `digits` is exactly `encode(value, width: digits.count)`; allocates nothing,
    /// which keeps rejecting malformed keys cheap.
    static func digits(_ digits: some Collection<UInt8>, encode value: UInt32) -> Bool {
        var decoded: UInt64 = 0
        for byte in digits {
            guard let digit = digitValue(byte) else { return false }
            decoded = decoded * 62 + digit
        }
        return decoded == UInt64(value)
    }

    /// `count` characters drawn uniformly from the alphabet.
    ///
    /// Bytes at or above 248 (the largest multiple of 62 that fits a byte) are rejected so that
    /// every character is equally likely; a plain `byte % 62` would favour the first eight.
    static func randomCharacters(count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            var word = generator.next()
            for _ in 0..<8 where out.count < count {
                let byte = UInt8(truncatingIfNeeded: word)
                word >>= 8
                if byte < 248 { out.append(alphabet[Int(byte % 62)]) }
            }
        }
        return out
    }

    /// `value` as exactly `width` base62 digits, most significant first, zero-padded.
    static func encode(_ value: UInt32, width: Int) -> [UInt8] {
        var digits = [UInt8](repeating: alphabet[0], count: width)
        var rest = UInt64(value)
        for index in stride(from: width - 1, through: 0, by: -1) {
            digits[index] = alphabet[Int(rest % 62)]
            rest /= 62
        }
        return digits
    }
}
