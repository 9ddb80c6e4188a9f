/// What a text field accepts, declared once so that the check a server runs and the schema it
/// publishes (`minLength`, `maxLength`, `pattern`; see SchemaKit's `SchemaRefinement.textRule`)
/// can never disagree.
///
/// Lengths count Unicode code points of the value as sent — what JSON Schema's `minLength` and
/// `maxLength` count, and what SQLite's `length()` counts — so a name of emoji is measured the
/// same way by the client's validator, the server and the database. Control characters (Unicode
/// category Cc: NUL, tabs, line breaks, DEL, C1) are refused, except tab, line feed and carriage
/// return in a `multiline` rule (a message, a description). A trimmed rule stores the value
/// without its leading and trailing blanks and, when `requiresText`, needs one character that is
/// not blank.
///
/// ```swift
/// static let nameRule = TextRule(lengths: 1...100)
/// let name = try nameRule.validated(body.name).get()   // "  Ada " → "Ada"
/// ```
public struct TextRule: Sendable, Hashable {
    /// Allowed lengths, in code points, of the value as sent.
    public let lengths: ClosedRange<Int>
    /// Whether leading and trailing blanks are removed from the stored value.
    public let trims: Bool
    /// Whether the value must contain a character that is not blank.
    public let requiresText: Bool
    /// Whether tab, line feed and carriage return are allowed (as blanks).
    public let multiline: Bool

    /// - Parameters:
    ///   - lengths: allowed lengths in code points (`0...` allows the empty string).
    ///   - trims: remove leading and trailing blanks from the value kept (names: yes; passwords: no).
    ///   - requiresText: refuse a value of blanks only (a name of spaces).
    ///   - multiline: allow tab, line feed and carriage return (text of several lines).
    public init(lengths: ClosedRange<Int>, trims: Bool = true, requiresText: Bool = true, multiline: Bool = false) {
        precondition(lengths.lowerBound >= 0, "lengths are counts")
        precondition(!requiresText || lengths.upperBound >= 1, "a value with text is at least one character long")
        self.lengths = lengths
        self.trims = trims
        self.requiresText = requiresText
        self.multiline = multiline
    }

    /// Why a value breaks the rule, in words for the person who sent it.
    public enum Violation: Error, Sendable, Hashable, CustomStringConvertible {
        case length(ClosedRange<Int>)
        case controlCharacter
        case blank

        public var description: String {
            switch self {
            case .length(let lengths) where lengths.lowerBound == lengths.upperBound: "must be \(lengths.lowerBound) characters"
            case .length(let lengths) where lengths.lowerBound == 0: "must be at most \(lengths.upperBound) characters"
            case .length(let lengths): "must be \(lengths.lowerBound) to \(lengths.upperBound) characters"
            case .controlCharacter: "cannot contain control characters such as NUL"
            case .blank: "cannot be blank"
            }
        }
    }

    /// The value to keep (trimmed when the rule trims), or why it breaks the rule.
    public func validated(_ value: String) -> Result<String, Violation> {
        let scalars = value.unicodeScalars
        guard lengths.contains(scalars.count) else { return .failure(.length(lengths)) }
        guard !scalars.contains(where: isRefused) else { return .failure(.controlCharacter) }
        guard !requiresText || scalars.contains(where: { !isBlank($0) }) else { return .failure(.blank) }
        guard trims else { return .success(value) }
        let kept = scalars.drop(while: isBlank)
        let end = kept.lastIndex { !isBlank($0) }.map { kept.index(after: $0) } ?? kept.startIndex
        return .success(String(String.UnicodeScalarView(kept[kept.startIndex..<end])))
    }

    /// The rule as an ECMA-262 regular expression for JSON Schema's `pattern` (lengths are
    /// `minLength`/`maxLength`): no refused control character, and one character that is not
    /// blank if required.
    public var pattern: String {
        let refused = Self.characterClass(refusedRanges)
        let anyAllowed = "[^\(refused)]*"
        guard requiresText else { return "^\(anyAllowed)$" }
        return "^\(anyAllowed)[^\(refused)\(Self.characterClass(blankRanges))]\(anyAllowed)$"
    }

    // One definition of each set, for the check and for the pattern.

    /// Category Cc.
    static let controlRanges: [ClosedRange<UInt32>] = [0x00...0x1F, 0x7F...0x9F]
    /// Category Cc but tab, line feed and carriage return.
    static let controlRangesBesideLineBreaks: [ClosedRange<UInt32>] = [0x00...0x08, 0x0B...0x0C, 0x0E...0x1F, 0x7F...0x9F]
    /// Tab, line feed and carriage return.
    static let lineBreakRanges: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0D...0x0D]
    /// Space separators (Zs) and the line and paragraph separators (Zl, Zp): the blanks that are
    /// not control characters.
    static let separatorRanges: [ClosedRange<UInt32>] = [
        0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F,
        0x3000...0x3000,
    ]

    /// Made once: the check looks at every character of every request's text fields.
    private static let multilineBlankRanges = lineBreakRanges + separatorRanges

    private var refusedRanges: [ClosedRange<UInt32>] { multiline ? Self.controlRangesBesideLineBreaks : Self.controlRanges }
    private var blankRanges: [ClosedRange<UInt32>] { multiline ? Self.multilineBlankRanges : Self.separatorRanges }

    private func isRefused(_ scalar: Unicode.Scalar) -> Bool { refusedRanges.contains { $0.contains(scalar.value) } }
    private func isBlank(_ scalar: Unicode.Scalar) -> Bool { blankRanges.contains { $0.contains(scalar.value) } }

    private static func characterClass(_ ranges: [ClosedRange<UInt32>]) -> String {
        func escaped(_ value: UInt32) -> String {
            let hex = String(value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        return ranges.map { $0.count == 1 ? escaped($0.lowerBound) : escaped($0.lowerBound) + "-" + escaped($0.upperBound) }.joined()
    }
}
