import Testing
import PasswordHashing

@Suite struct PasswordHasherTests {
    @Test func newHashesAreYescryptAndVerify() throws {
        let hasher = PasswordHasher()
        let hash = try hasher.hash("correct horse")
        #expect(hash.hasPrefix("$y$"))
        #expect(hasher.verify("correct horse", against: hash))
        #expect(!hasher.verify("correct horsf", against: hash))
    }

    @Test func eachHashHasItsOwnSalt() throws {
        let hasher = PasswordHasher()
        #expect(try hasher.hash("same") != hasher.hash("same"))
    }

    @Test func bcryptCanBeChosenAndVerifies() throws {
        let hasher = PasswordHasher(algorithm: .bcrypt, cost: 4)
        let hash = try hasher.hash("correct horse")
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(hasher.verify("correct horse", against: hash))
    }

    /// Hashes made elsewhere (Python's crypt module over libxcrypt) verify.
    @Test func foreignBcryptAndYescryptHashesVerify() {
        let hasher = PasswordHasher()
        #expect(hasher.verify("correct horse", against: "$2b$04$abcdefghijklmnopqrstuujydOTSfIH/d5oUHpsygqV5X9xJLQc6e"))
        #expect(hasher.verify("correct horse", against: "$y$j9T$abcdefghijklmnop$0Hi8KsZH/hAMRN9Bam6ce3nmi5QAIz3R/KeaXG/c7p9"))
        #expect(!hasher.verify("wrong horse", against: "$2b$04$abcdefghijklmnopqrstuujydOTSfIH/d5oUHpsygqV5X9xJLQc6e"))
    }

    @Test func malformedHashesAndNulBytesNeverVerify() {
        let hasher = PasswordHasher()
        for hash in ["", "*0", "$y$", "plain", "$2b$04$short"] {
            #expect(!hasher.verify("x", against: hash), "\(hash)")
        }
        #expect(throws: PasswordHashingError.self) { try hasher.hash("nul\0byte") }
    }

    /// crypt(3) hashes at most 511 bytes: the hasher says so rather than failing inside it.
    @Test func theLongestPasswordHashesAndOneByteMoreIsRefused() throws {
        let hasher = PasswordHasher()
        let longest = String(repeating: "é", count: PasswordHasher.maximumPasswordBytes / 2) + "a"
        #expect(longest.utf8.count == PasswordHasher.maximumPasswordBytes)
        #expect(hasher.verify(longest, against: try hasher.hash(longest)))
        #expect(throws: PasswordHashingError.self) { try hasher.hash(longest + "a") }
    }
}
