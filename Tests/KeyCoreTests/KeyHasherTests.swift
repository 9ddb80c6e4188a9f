import Crypto
import Testing
@testable import KeyCore

/// Reference values computed with Python's hashlib/hmac and Django 5.2's hashers.
@Suite struct KeyHasherTests {
    static let pepper = SymmetricKey(data: Array("0123456789abcdef0123456789abcdef".utf8))
    static let djangoKey = PlaintextKey("AbCd1234.0123456789abcdefghijABCDEFGHIJkl")

    @Test func withoutPepperDigestIsSHA256OfTheKeyText() {
        let digest = KeyHasher().digest(of: PlaintextKey("pgk_test"))
        #expect(digest.encoded == "sha256$8de53b30dbba3b2812ae9ab6ab93657152077afb7dde570ac530ef95c4ba2dec")
    }

    @Test func withPepperDigestIsHMACSHA256AndStaysStableAcrossCalls() {
        let hasher = KeyHasher(pepper: Self.pepper)
        let expected = "hmac-sha256$a0dde3b4b8dc08da9457d7e9d278225da829aa36e5906a9ebcd3d1726d5a5b1a"
        // The keyed HMAC state is reused: every call must start from the same clean state.
        #expect(hasher.digest(of: PlaintextKey("pgk_test")).encoded == expected)
        _ = hasher.digest(of: PlaintextKey("something else"))
        #expect(hasher.digest(of: PlaintextKey("pgk_test")).encoded == expected)
    }

    @Test func matchesOnlyTheTextTheDigestWasMadeFrom() {
        for hasher in [KeyHasher(), KeyHasher(pepper: Self.pepper)] {
            let digest = hasher.digest(of: PlaintextKey("pgk_right"))
            #expect(hasher.matches(PlaintextKey("pgk_right"), digest))
            #expect(!hasher.matches(PlaintextKey("pgk_wrong"), digest))
        }
    }

    @Test func anHMACDigestNeedsThePepperItWasMadeWith() {
        let digest = KeyHasher(pepper: Self.pepper).digest(of: PlaintextKey("pgk_test"))
        #expect(!KeyHasher().matches(PlaintextKey("pgk_test"), digest))
        let otherPepper = SymmetricKey(data: Array("another pepper, 32 bytes long!!!".utf8))
        #expect(!KeyHasher(pepper: otherPepper).matches(PlaintextKey("pgk_test"), digest))
    }

    @Test func djangoSHA512DigestsVerify() throws {
        let digest = try KeyDigest(encoded: "sha512$$736197cd2d1b2f720581d8c6f5f1fd142106103d110280ab719ab1004b88d1d3b68f28a763151fec432bfe60af0ddb0235e7095b1f26fe1ca009dfaf59d2359f")
        #expect(KeyHasher().matches(Self.djangoKey, digest))
        #expect(!KeyHasher().matches(PlaintextKey("AbCd1234.0123456789abcdefghijABCDEFGHIJkm"), digest))
    }

    @Test func djangoPBKDF2DigestsVerify() throws {
        let digest = try KeyDigest(encoded: "pbkdf2_sha256$1000$fixedSaltValue1234$BcR7dnXrEcXNUSOG0qePsszcZa+tZNisvi2EtQ+8FqY=")
        #expect(KeyHasher().matches(Self.djangoKey, digest))
        #expect(!KeyHasher().matches(PlaintextKey("AbCd1234.0123456789abcdefghijABCDEFGHIJkm"), digest))
    }

    @Test func onlyTheConfiguredNativeAlgorithmIsCurrent() throws {
        let plain = KeyHasher(), peppered = KeyHasher(pepper: Self.pepper)
        let sha = plain.digest(of: Self.djangoKey), hmac = peppered.digest(of: Self.djangoKey)
        #expect(plain.check(Self.djangoKey, against: sha) == .current)
        #expect(plain.check(Self.djangoKey, against: hmac) == nil)
        #expect(peppered.check(Self.djangoKey, against: hmac) == .current)
        #expect(peppered.check(Self.djangoKey, against: sha) == .outdated)
        let django = try KeyDigest(encoded: "sha512$$736197cd2d1b2f720581d8c6f5f1fd142106103d110280ab719ab1004b88d1d3b68f28a763151fec432bfe60af0ddb0235e7095b1f26fe1ca009dfaf59d2359f")
        #expect(peppered.check(Self.djangoKey, against: django) == .outdated)
    }

    @Test func duringARotationThePreviousPeppersDigestsVerifyAsOutdated() {
        let newPepper = SymmetricKey(data: Array("the new pepper, 32 bytes long!!!".utf8))
        let oldDigest = KeyHasher(pepper: Self.pepper).digest(of: Self.djangoKey)
        let rotating = KeyHasher(pepper: newPepper, previousPepper: Self.pepper)
        #expect(rotating.check(Self.djangoKey, against: oldDigest) == .outdated)
        #expect(rotating.check(Self.djangoKey, against: rotating.digest(of: Self.djangoKey)) == .current)
        #expect(rotating.check(PlaintextKey("AbCd1234.0123456789abcdefghijABCDEFGHIJkm"), against: oldDigest) == nil)
        #expect(KeyHasher(pepper: newPepper).check(Self.djangoKey, against: oldDigest) == nil)
    }

    @Test func aPepperFingerprintNamesThePepperWithoutRevealingIt() {
        let fingerprint = PepperFingerprint(of: Self.pepper)
        #expect(fingerprint == KeyHasher(pepper: Self.pepper).fingerprint)
        #expect(fingerprint != PepperFingerprint(of: SymmetricKey(data: Array("the new pepper, 32 bytes long!!!".utf8))))
        #expect(fingerprint.text.hasPrefix("hmac-sha256:") && fingerprint.text.count == 12 + 32)
        #expect(!fingerprint.text.contains(Hex.encode(Array("0123456789abcdef".utf8))))
        #expect(KeyHasher().fingerprint == .none && PepperFingerprint.none.text == "none")
    }

    @Test func digestsRoundTripThroughTheirStoredText() throws {
        let digests: [KeyDigest] = [
            KeyHasher().digest(of: Self.djangoKey),
            KeyHasher(pepper: Self.pepper).digest(of: Self.djangoKey),
            .djangoSHA512(Array(repeating: 7, count: 64)),
            .djangoPBKDF2(iterations: 260_000, salt: "abc", hash: Array(repeating: 9, count: 32)),
        ]
        for digest in digests {
            #expect(try KeyDigest(encoded: digest.encoded) == digest)
        }
    }

    @Test func unreadableDigestsNameOnlyTheirAlgorithm() {
        for (text, tag) in [("argon2$argon2id$v=19$m=102400$secret", "argon2"), ("sha256$zz", "sha256"), ("", ""), ("sha512$x$abcd", "sha512")] {
            #expect(throws: KeyCoreError.unsupportedDigest(tag)) { try KeyDigest(encoded: text) }
        }
    }

    @Test func constantTimeEqualityComparesWholeArrays() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([0, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
    }

    /// Every pair of these differs in one thing only: the algorithm, the last byte, the first
    /// byte, the salt, the iterations. Equality must see each difference.
    @Test func digestEqualityNeedsTheSameAlgorithmAndEveryByte() {
        let bytes = [UInt8](repeating: 5, count: 32)
        var lastByte = bytes
        lastByte[31] = 6
        var firstByte = bytes
        firstByte[0] = 6
        let digests: [KeyDigest] = [
            .sha256(bytes), .hmacSHA256(bytes), .sha256(lastByte), .sha256(firstByte),
            .djangoPBKDF2(iterations: 1000, salt: "a", hash: bytes), .djangoPBKDF2(iterations: 1000, salt: "b", hash: bytes),
            .djangoPBKDF2(iterations: 1001, salt: "a", hash: bytes), .djangoPBKDF2(iterations: 1000, salt: "a", hash: lastByte),
        ]
        for (i, left) in digests.enumerated() {
            for (j, right) in digests.enumerated() {
                #expect((left == right) == (i == j), "\(left.encoded) vs \(right.encoded)")
            }
        }
    }
}
