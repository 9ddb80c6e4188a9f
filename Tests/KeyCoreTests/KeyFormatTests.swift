import Testing
@testable import KeyCore

@Suite struct KeyFormatTests {
    static let base62 = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    @Test func generatedKeyHasTypedPrefixLookupSecretAndChecksum() throws {
        let key = KeyGenerator.generate(.apiKey)
        let text = key.plaintext.revealed
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(parts[0] == "pgk")
        #expect(parts[1].count == KeyFormat.lookupLength)
        #expect(parts[2].count == KeyFormat.secretLength + KeyFormat.checksumLength)
        #expect(String(parts[1]) == key.lookupID)
        #expect(parts[1].allSatisfy(Self.base62.contains) && parts[2].allSatisfy(Self.base62.contains))
        let parsed = try #require(KeyFormat.parse(text))
        #expect(parsed.type == .apiKey && parsed.lookupID == key.lookupID)
    }

    @Test func personalAccessTokensUseTheirOwnPrefix() {
        #expect(KeyGenerator.generate(.personalAccessToken).plaintext.revealed.hasPrefix("pgp_"))
    }

    @Test func secretsCarryAtLeast160BitsAndAreNeverRepeated() {
        let bitsPerCharacter = 5.954 // log2(62)
        #expect(Double(KeyFormat.secretLength) * bitsPerCharacter >= 160)
        let keys = (0..<2_000).map { _ in KeyGenerator.generate(.apiKey) }
        #expect(Set(keys.map(\.plaintext.revealed)).count == keys.count)
        #expect(Set(keys.map(\.lookupID)).count == keys.count)
    }

    @Test func randomCharactersUseTheWholeAlphabetEvenly() {
        var generator = SystemRandomNumberGenerator()
        let sample = Base62.randomCharacters(count: 62 * 500, using: &generator)
        var counts: [UInt8: Int] = [:]
        for byte in sample { counts[byte, default: 0] += 1 }
        #expect(counts.count == 62)
        // Expected 500 each; a biased mapping (byte % 62 without rejection) gives ~+25% to eight of them.
        #expect(counts.values.allSatisfy { (380...620).contains($0) })
    }

    @Test func checksumRejectsEverySingleCharacterChange() {
        let text = Array(KeyGenerator.generate(.apiKey).plaintext.revealed)
        let replacements = Array(Self.base62) + ["_", ".", "-", " "]
        for index in text.indices {
            for replacement in replacements where replacement != text[index] {
                var changed = text
                changed[index] = replacement
                #expect(KeyFormat.parse(String(changed)) == nil, "accepted a change at \(index) to \(replacement)")
            }
        }
    }

    @Test func truncatedExtendedAndSwappedKeysAreRejected() {
        let text = KeyGenerator.generate(.apiKey).plaintext.revealed
        for length in 0..<text.count {
            #expect(KeyFormat.parse(String(text.prefix(length))) == nil)
        }
        #expect(KeyFormat.parse(text + "a") == nil)
        #expect(KeyFormat.parse(" " + text) == nil)
        #expect(KeyFormat.parse(text + "\n") == nil)
        var swapped = Array(text)
        let index = swapped.lastIndex(of: "_")! + 3
        swapped.swapAt(index, index + 1)
        if swapped[index] != swapped[index + 1] { #expect(KeyFormat.parse(String(swapped)) == nil) }
    }

    @Test func upperAndLowerCasedKeysAreRejected() {
        let text = KeyGenerator.generate(.apiKey).plaintext.revealed
        #expect(KeyFormat.parse(text.uppercased()) == nil)
        #expect(KeyFormat.parse(text.lowercased()) == nil)
    }

    @Test func parserNeverTrapsOnArbitraryInput() {
        var generator = SystemRandomNumberGenerator()
        let valid = Array(KeyGenerator.generate(.apiKey).plaintext.revealed.utf8)
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round.isMultiple(of: 2) {
                bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = valid
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            _ = KeyFormat.parse(String(decoding: bytes, as: UTF8.self))
        }
        for text in ["", "_", "__", "pgk__", "pgk_\u{1F511}", "pgk_" + String(repeating: "_", count: 60), String(repeating: "é", count: 55)] {
            #expect(KeyFormat.parse(text) == nil)
        }
    }

    @Test func djangoKeysParseAsLegacyKeysWithTheirPrefix() throws {
        let parsed = try #require(KeyFormat.parse("AbCd1234.0123456789abcdefghijABCDEFGHIJkl"))
        #expect(parsed.type == .djangoAPIKey)
        #expect(parsed.lookupID == "AbCd1234")
        for bad in ["abcd", "foo.bar", "AbCd1234.0123456789abcdefghijABCDEFGHIJk", "AbCd1234-0123456789abcdefghijABCDEFGHIJkl", "AbCd123!.0123456789abcdefghijABCDEFGHIJkl"] {
            #expect(KeyFormat.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func keyTypesAcceptOnlyShortLowercasePrefixes() {
        #expect(KeyType(prefix: "acme")?.prefix == "acme")
        for bad in ["", "a", "ABC", "toolongprefix", "pg_k", "pgk1"] {
            #expect(KeyType(prefix: bad) == nil, "\(bad)")
        }
    }

    @Test func plaintextKeyNeverPrintsItsSecret() {
        let key = KeyGenerator.generate(.apiKey)
        let secret = String(key.plaintext.revealed.split(separator: "_")[2])
        var dumped = ""
        dump(key.plaintext, to: &dumped)
        for shown in ["\(key.plaintext)", String(describing: key.plaintext), String(reflecting: key.plaintext), dumped, "\(key)"] {
            #expect(!shown.contains(secret), "\(shown)")
        }
        #expect("\(key.plaintext)" == "pgk_\(key.lookupID)_…")
    }
}
