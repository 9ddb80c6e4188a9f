import PropertyBased
import Testing
@testable import KeyCore

/// The key parser under generated input: it never traps, and the checksum catches every
/// single-character typo in a native key.
@Suite struct KeyFormatPropertyTests {
    static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// Any text, from any Unicode plane (surrogate code points read as U+FFFD), parses to a key or to nothing, without trapping.
    @Test func anyTextParsesOrIsRefused() async {
        let text = Gen.int(in: 0...0x2FFFF).map { Character(UnicodeScalar(UInt32($0)) ?? "\u{FFFD}") }.string(of: 0...64)
        await propertyCheck(count: 500, input: text) { text in
            if let parsed = KeyFormat.parse(text) {
                #expect(parsed.plaintext.revealed == text)
            }
        }
    }

    /// Changing one character of a key's lookup id, secret or checksum to another base62
    /// character is always caught by the checksum.
    @Test(arguments: [KeyType.apiKey, .personalAccessToken])
    func everySingleCharacterTypoIsCaught(type: KeyType) async {
        let key = KeyGenerator.generate(type).plaintext.revealed
        let start = type.prefix.count + 1
        let position = Gen.int(in: start...(key.count - 1)).filter { Array(key)[$0] != "_" }
        let replacement = Gen.int(in: 1...61)
        await propertyCheck(count: 500, input: position, replacement) { position, offset in
            var characters = Array(key)
            let index = Self.base62.firstIndex(of: characters[position])!
            characters[position] = Self.base62[(index + offset) % 62]
            #expect(KeyFormat.parse(String(characters)) == nil, "\(String(characters))")
        }
    }
}
