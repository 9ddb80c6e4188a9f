import AuthGate
import PropertyBased
import Testing

/// The header and cookie parsers under generated input: they never trap, and they read exactly
/// what the rules say.
@Suite struct HeaderPropertyTests {
    /// Text from the first three Unicode planes, controls and NUL included (surrogate code points,
    /// which are not scalars, read as U+FFFD).
    static let anyText = Gen.int(in: 0...0x2FFFF).map { Character(UnicodeScalar(UInt32($0)) ?? "\u{FFFD}") }.string(of: 0...48)
    static let printable = Gen.unicodeScalar(in: "!"..."~").map { Character($0) }.string(of: 1...40)

    /// Whatever the Authorization field holds, the key read from it is the text after
    /// `Api-Key ` (keyword in any case), or nothing.
    @Test func anAuthorizationFieldYieldsTheTextAfterTheKeywordOrNothing() async {
        await propertyCheck(count: 500, input: Self.anyText) { value in
            let facts = RequestFacts(method: "GET", path: "/", headers: [(name: "Authorization", value: value)])
            guard let key = APIKeyHeader.standard.key(in: facts) else { return }
            #expect(value.lowercased().hasPrefix("api-key "))
            #expect(value.dropFirst("Api-Key ".count) == Substring(key))
            #expect(!key.isEmpty)
        }
    }

    @Test func anyKeyTextIsReadBackExactly() async {
        await propertyCheck(count: 300, input: Self.printable, Gen.bool) { key, lowercase in
            let word = lowercase ? "api-key" : "Api-Key"
            let facts = RequestFacts(method: "GET", path: "/", headers: [(name: "Authorization", value: "\(word) \(key)")])
            #expect(APIKeyHeader.standard.key(in: facts) == key)
        }
    }

    /// Whatever the Cookie fields hold, every cookie read was named in them, and a name is
    /// marked duplicated only when it was sent more than once.
    @Test func cookieFieldsParseIntoNamesTheyContain() async {
        await propertyCheck(count: 500, input: Self.anyText, Self.anyText) { first, second in
            let facts = RequestFacts(method: "GET", path: "/", headers: [(name: "Cookie", value: first), (name: "Cookie", value: second)])
            for (name, _) in facts.cookies {
                #expect(first.contains(name) || second.contains(name))
            }
            #expect(facts.duplicatedCookieNames.isSubset(of: Set(facts.cookies.keys)))
        }
    }
}
