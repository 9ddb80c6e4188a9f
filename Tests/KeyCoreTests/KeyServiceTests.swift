import Crypto
import Foundation
import TestSupport
import Testing
@testable import KeyCore

@Suite struct KeyServiceTests {
    let folder = TemporaryDirectory()
    let clock = TestClock()

    @Test(arguments: StoreKind.allCases)
    func createdKeyVerifiesAndReturnsItsRecord(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await service.create(name: "deploy", owner: KeyOwner(.user, "42"), scopes: ["bots:read"])
        let verified = try await service.verify(issued.key.revealed)
        #expect(verified == .valid(issued.record))
        #expect(issued.record.owner == KeyOwner(.user, "42"))
        #expect(issued.record.scopes == ["bots:read"])
        #expect(issued.record.createdAt == clock.now)
    }

    @Test(arguments: StoreKind.allCases)
    func aNameIsRequiredAndLimitedTo50Characters(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        for bad in ["", "   ", "\n", String(repeating: "x", count: 51)] {
            await #expect(throws: KeyCoreError.self) { try await service.create(name: bad) }
        }
        #expect(try await service.create(name: String(repeating: "é", count: 50)).record.name.count == 50)
        #expect(try await service.create(name: "  padded  ").record.name == "padded")
        #expect(try await service.list().count == 2)
    }

    @Test(arguments: StoreKind.allCases)
    func scopesWithWhitespaceAreRefused(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        await #expect(throws: KeyCoreError.invalidScope("a b")) { try await service.create(name: "k", scopes: ["a b"]) }
        await #expect(throws: KeyCoreError.invalidScope("")) { try await service.create(name: "k", scopes: [""]) }
    }

    @Test(arguments: StoreKind.allCases)
    func expiryBoundaries(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let never = try await service.create(name: "never")
        let tomorrow = try await service.create(name: "tomorrow", expiresAt: clock.now.addingTimeInterval(86_400))
        let inOneSecond = try await service.create(name: "soon", expiresAt: clock.now.addingTimeInterval(1))
        await #expect(throws: KeyCoreError.expiryInPast) { try await service.create(name: "now", expiresAt: clock.now) }
        await #expect(throws: KeyCoreError.expiryInPast) {
            try await service.create(name: "yesterday", expiresAt: clock.now.addingTimeInterval(-86_400))
        }
        #expect(try await service.verify(never.key.revealed).record != nil)
        #expect(try await service.verify(tomorrow.key.revealed).record != nil)
        #expect(try await service.verify(inOneSecond.key.revealed).record != nil)

        clock.advance(by: 1) // exactly the expiry instant of "soon"
        #expect(try await service.verify(inOneSecond.key.revealed) == .rejected(.expired))
        #expect(try await service.verify(tomorrow.key.revealed).record != nil)

        clock.advance(by: 2 * 86_400) // "tomorrow" is now yesterday
        #expect(try await service.verify(tomorrow.key.revealed) == .rejected(.expired))
        #expect(try await service.verify(never.key.revealed).record != nil)
    }

    @Test(arguments: StoreKind.allCases)
    func revocationIsFinalAndKeepsItsFirstTime(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await service.create(name: "k")
        let revoked = try await service.revoke(id: issued.record.id)
        #expect(revoked.revokedAt == clock.now)
        clock.advance(by: 60)
        #expect(try await service.revoke(id: issued.record.id).revokedAt == revoked.revokedAt)
        #expect(try await service.verify(issued.key.revealed) == .rejected(.revoked))
        await #expect(throws: KeyCoreError.keyNotFound(id: "nope")) { try await service.revoke(id: "nope") }
    }

    @Test(arguments: StoreKind.allCases)
    func wrongSecretAndUnknownLookupIDGetTheSameAnswer(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await service.create(name: "k")
        let other = KeyGenerator.generate(.apiKey)
        // Same lookup id, different secret, valid checksum: only the digest can tell.
        let forged = KeyFormat.assemble(
            type: .apiKey, lookup: Array(issued.record.lookupID.utf8), secret: Array(other.plaintext.revealed.utf8.dropFirst(17).prefix(32)))
        #expect(KeyFormat.parse(forged) != nil)
        #expect(try await service.verify(forged) == .rejected(.unknown))
        #expect(try await service.verify(other.plaintext.revealed) == .rejected(.unknown))
        #expect(try await service.verify("pgk_garbage") == .rejected(.malformed))
        // A revoked key with the wrong secret does not reveal that it is revoked.
        try await service.revoke(id: issued.record.id)
        #expect(try await service.verify(forged) == .rejected(.unknown))
    }

    @Test(arguments: StoreKind.allCases)
    func getByKeyReturnsTheSameRecordAndRefusesAWrongSecret(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await service.create(name: "k", expiresAt: clock.now.addingTimeInterval(10))
        #expect(try await service.record(forKey: issued.key.revealed) == issued.record)
        let wrong = KeyFormat.assemble(type: .apiKey, lookup: Array(issued.record.lookupID.utf8), secret: Array(repeating: UInt8(ascii: "a"), count: 32))
        #expect(try await service.record(forKey: wrong) == nil)
        clock.advance(by: 20)
        #expect(try await service.record(forKey: issued.key.revealed)?.id == issued.record.id) // expired, still identifiable
    }

    @Test(arguments: StoreKind.allCases)
    func aKeyOfAnotherTypeWithTheSameLookupIDIsNotAccepted(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let token = try await service.create(name: "t", type: .personalAccessToken)
        let secret = Array(token.key.revealed.utf8.dropFirst(17).prefix(32))
        let asAPIKey = KeyFormat.assemble(type: .apiKey, lookup: Array(token.record.lookupID.utf8), secret: secret)
        #expect(try await service.verify(asAPIKey) == .rejected(.unknown))
        #expect(try await service.verify(token.key.revealed).record?.type == .personalAccessToken)
    }

    @Test(arguments: StoreKind.allCases)
    func legacyDjangoDigestIsUpgradedOnFirstSuccess(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let text = "AbCd1234.0123456789abcdefghijABCDEFGHIJkl"
        let record = KeyRecord(id: "legacy-1", type: .djangoAPIKey, lookupID: "AbCd1234", name: "old", createdAt: clock.now)
        try await service.store.insert(StoredKey(record: record, digest: try KeyDigest(encoded: "pbkdf2_sha256$1000$fixedSaltValue1234$BcR7dnXrEcXNUSOG0qePsszcZa+tZNisvi2EtQ+8FqY=")))

        #expect(try await service.verify("AbCd1234.0123456789abcdefghijABCDEFGHIJkm") == .rejected(.unknown))
        #expect(try await service.store.find(lookupID: "AbCd1234")?.digest.isLegacy == true)
        #expect(try await service.verify(text) == .valid(record))
        #expect(try await service.store.find(lookupID: "AbCd1234")?.digest == KeyHasher().digest(of: PlaintextKey(text)))
        #expect(try await service.verify(text) == .valid(record))
    }

    @Test(arguments: StoreKind.allCases)
    func addingAPepperUpgradesPlainDigestsOnUse(kind: StoreKind) async throws {
        let store = try await kind.make(in: folder)
        let issued = try await KeyService(store: store).create(name: "k")
        let pepper = SymmetricKey(size: .bits256)
        let peppered = KeyService(store: store, hasher: KeyHasher(pepper: pepper))
        #expect(try await peppered.verify(issued.key.revealed).record != nil)
        guard case .hmacSHA256 = try await store.find(lookupID: issued.record.lookupID)?.digest else {
            Issue.record("digest was not upgraded to HMAC")
            return
        }
        #expect(try await peppered.verify(issued.key.revealed).record != nil)
    }

    @Test(arguments: StoreKind.allCases)
    func lastUsedIsRecordedInBatchesToTheMinute(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await service.create(name: "k")
        _ = try await service.verify(issued.key.revealed)
        #expect(try await service.record(id: issued.record.id).lastUsedAt == nil) // not written yet
        try await service.flushUsage()
        #expect(try await service.record(id: issued.record.id).lastUsedAt == clock.now)

        clock.advance(by: 30)
        let recent = try await service.verify(issued.key.revealed).record
        try await service.flushUsage()
        #expect(try await service.record(id: issued.record.id).lastUsedAt == recent?.lastUsedAt) // within the minute

        clock.advance(by: 60)
        _ = try await service.verify(issued.key.revealed)
        clock.advance(by: 6) // past the batching delay: the next verification writes the batch
        _ = try await service.verify(issued.key.revealed)
        #expect(try await service.record(id: issued.record.id).lastUsedAt == clock.now)
    }

    @Test(arguments: StoreKind.allCases)
    func listingFiltersByOwnerInCreationOrder(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let alice = KeyOwner(.user, "alice")
        let first = try await service.create(name: "a1", owner: alice)
        clock.advance(by: 1)
        _ = try await service.create(name: "b1", owner: KeyOwner(.user, "bob"))
        clock.advance(by: 1)
        let second = try await service.create(name: "a2", owner: alice)
        #expect(try await service.list(ownedBy: alice).map(\.id) == [first.record.id, second.record.id])
        #expect(try await service.list().count == 3)
    }

    @Test(arguments: StoreKind.allCases)
    func manyConcurrentCreatesAndVerifiesAllSucceed(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await withThrowingTaskGroup(of: IssuedKey.self) { group in
            for index in 0..<200 { group.addTask { try await service.create(name: "k\(index)") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(issued.map(\.record.lookupID)).count == 200)
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for round in 0..<1_000 {
                let key = issued[round % issued.count]
                group.addTask { try await service.verify(key.key.revealed) == .valid(key.record) }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.count == 1_000 && outcomes.allSatisfy { $0 })
        #expect(try await service.list().count == 200)
    }

    /// Names are counted as the SQLite store's CHECK counts them (Unicode scalars), so a name of
    /// 13 family emoji (13 characters, 91 scalars) is refused as invalid, not by the store.
    @Test(arguments: StoreKind.allCases)
    func namesAreCountedInScalarsAndRefuseControlCharacters(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let family = String(repeating: "👨‍👩‍👧‍👦", count: 13)
        for name in [family, "nul\u{0}name", "tab\tname", "bell\u{7}"] {
            await #expect(throws: KeyCoreError.self) { try await service.create(name: name) }
        }
        let fifty = String(repeating: "é", count: 50)
        #expect(try await service.create(name: fifty).record.name == fifty)
    }
}
