import Foundation

/// JSON written straight into bytes, for the hottest responses (the employee list): Foundation's
/// `JSONEncoder` boxes every value generically and formats dates through `Calendar`, which the
/// profile put at a fifth of a list request (Docs/benchmarks.md).
///
/// The output is byte for byte what ``WireJSON/encoder`` writes for the same value — sorted keys,
/// unescaped slashes, RFC 3339 times in whole seconds — which a property test checks, so a
/// client cannot tell the two apart.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether the next member needs a comma before it.
    private var needsComma: [Bool] = []
    /// A member's name was just written: its value takes no comma.
    private var afterKey = false

    init(capacity: Int = 2_048) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// A member's name; its value comes next. Members must be written in sorted order.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        afterKey = true
    }

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: Array("null".utf8))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, the fraction of a second dropped (``UTCDate``).
    mutating func date(_ value: Date) {
        let date = UTCDate(value), second = date.secondOfDay
        separate()
        bytes.append(UInt8(ascii: "\""))
        UTCDate.append(date.year, width: 4, to: &bytes); bytes.append(UInt8(ascii: "-"))
        UTCDate.append(date.month, width: 2, to: &bytes); bytes.append(UInt8(ascii: "-"))
        UTCDate.append(date.day, width: 2, to: &bytes); bytes.append(UInt8(ascii: "T"))
        UTCDate.append(second / 3_600, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        UTCDate.append(second / 60 % 60, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        UTCDate.append(second % 60, width: 2, to: &bytes)
        bytes.append(contentsOf: [UInt8(ascii: "Z"), UInt8(ascii: "\"")])
    }

    /// A comma before any member or element but the first of its container.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = needsComma.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A response type written by ``JSONWriter`` instead of `JSONEncoder`; it stays `Encodable` for
/// the schema and for tests, which check the two agree.
protocol JSONWritable: Encodable {
    func write(to json: inout JSONWriter)
}
