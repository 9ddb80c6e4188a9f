/// Lowercase hexadecimal, the way digests are written at rest.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `bytes` as lowercase hex digits, two per byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text`, or `nil` unless it is an even number of hex digits.
    static func decode(_ text: Substring) -> [UInt8]? {
        // Stored digests are native strings, so their UTF-8 is contiguous and read in place.
        text.utf8.withContiguousStorageIfAvailable(decode) ?? decode(Array(text.utf8))
    }

    private static func decode(_ digits: some RandomAccessCollection<UInt8>) -> [UInt8]? {
        guard digits.count.isMultiple(of: 2) else { return nil }
        var out = [UInt8](repeating: 0, count: digits.count / 2)
        var index = digits.startIndex
        for position in out.indices {
            guard let high = value(digits[index]), let low = value(digits[digits.index(after: index)]) else { return nil }
            out[position] = high << 4 | low
            index = digits.index(index, offsetBy: 2)
        }
        return out
    }

    private static func value(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
