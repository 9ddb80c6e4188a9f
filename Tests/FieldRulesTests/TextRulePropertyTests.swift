import Foundation
import PropertyBased
import Testing
@testable import FieldRules

/// The check a server runs and the pattern and lengths its schema publishes must agree on every
/// value: generated text mixing letters, blanks, control characters, emoji and combining marks.
@Suite struct TextRulePropertyTests {
    static let pieces: [String] = [
        "a", "Z", "7", " ", "\u{00A0}", "\u{3000}", "\u{2028}", "\0", "\t", "\n", "\r", "\u{7F}", "\u{85}", "\u{9F}",
        "é", "e\u{301}", "👩‍👩‍👧‍👦", "\u{FEFF}", "\u{200B}", "<", "\"",
    ]
    static let text = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...10).map { $0.joined() }

    static let rules = [
        TextRule(lengths: 1...8),
        TextRule(lengths: 0...5, requiresText: false),
        TextRule(lengths: 3...12, trims: false, requiresText: false),
        TextRule(lengths: 1...9, trims: false, multiline: true),
    ]

    /// The schema accepts a value exactly when the check does: its length in code points is
    /// within `minLength`…`maxLength` and the whole value matches `pattern` (ECMA-262, where `$`
    /// is the end of the text).
    @Test(arguments: rules)
    func theSchemaAcceptsExactlyWhatTheCheckAccepts(rule: TextRule) async throws {
        let pattern = try NSRegularExpression(pattern: rule.pattern)
        await propertyCheck(count: 800, input: Self.text) { value in
            let range = NSRange(value.startIndex..., in: value)
            let wholeMatch = pattern.firstMatch(in: value, range: range)?.range == range
            let schemaAccepts = wholeMatch && rule.lengths.contains(value.unicodeScalars.count)
            let checkAccepts = (try? rule.validated(value).get()) != nil
            #expect(schemaAccepts == checkAccepts, "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A trimmed value keeps its text and loses only leading and trailing blanks.
    @Test func trimmingRemovesOnlyOuterBlanks() throws {
        let rule = TextRule(lengths: 1...20)
        #expect(try rule.validated("  Ada\u{3000}").get() == "Ada")
        #expect(try rule.validated("\u{00A0}Ada Lovelace ").get() == "Ada Lovelace")
        #expect(try TextRule(lengths: 1...20, trims: false).validated(" pass word ").get() == " pass word ")
        #expect(rule.validated("   ") == .failure(.blank))
        #expect(rule.validated("Ada\n") == .failure(.controlCharacter))
        #expect(rule.validated(String(repeating: "👩‍👩‍👧‍👦", count: 3)) == .failure(.length(1...20)))
        let message = TextRule(lengths: 1...20, trims: false, multiline: true)
        #expect(try message.validated("two\nlines\t").get() == "two\nlines\t")
        #expect(message.validated("\n\r\t ") == .failure(.blank))
        #expect(message.validated("nul\0") == .failure(.controlCharacter))
    }

    @Test func violationsSayWhatIsAllowed() {
        #expect(TextRule.Violation.length(1...100).description == "must be 1 to 100 characters")
        #expect(TextRule.Violation.length(0...200).description == "must be at most 200 characters")
        #expect(TextRule.Violation.controlCharacter.description.contains("control characters"))
    }

    @Test func integerRulesAllowTheirBoundsInclusively() {
        let salary = IntegerRule(minimum: 0)
        #expect(salary.allows(0) && salary.allows(.max) && !salary.allows(-1))
        let days = IntegerRule(minimum: 1, maximum: 365)
        #expect(days.allows(1) && days.allows(365) && !days.allows(366) && !days.allows(0))
        #expect(salary.description == "zero or more" && days.description == "1 to 365")
        let choice = IntegerRule(oneOf: [30, 60])
        #expect(choice.allows(30) && !choice.allows(45) && choice.description == "one of 30, 60")
    }
}
