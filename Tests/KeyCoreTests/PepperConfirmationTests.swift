import Crypto
import Foundation
import TestSupport
import Testing
@testable import KeyCore

/// A store remembers the pepper its digests were made with; a service configured with another
/// one refuses to start, unless it is rotating from that pepper.
@Suite struct PepperConfirmationTests {
    let folder = TemporaryDirectory()
    static let first = SymmetricKey(data: Array("the first pepper, 32 bytes long!".utf8))
    static let second = SymmetricKey(data: Array("the second pepper, 32 bytes long".utf8))

    /// Every start the store may see after one made with `stored` (nil: no pepper), and whether
    /// it is accepted.
    static let starts: [(stored: SymmetricKey?, pepper: SymmetricKey?, previous: SymmetricKey?, accepted: Bool)] = [
        (nil, nil, nil, true),
        (nil, first, nil, true),  // adding a pepper: SHA-256 digests still verify and are upgraded
        (first, first, nil, true),
        (first, nil, nil, false),  // a missing pepper
        (first, second, nil, false),  // a wrong pepper
        (first, second, first, true),  // a rotation
        (first, second, second, false),  // a rotation from a pepper the store never had
    ]

    @Test(arguments: StoreKind.allCases)
    func aStartWithAnotherPepperFailsUnlessItRotatesFromTheStoredOne(kind: StoreKind) async throws {
        for (index, start) in Self.starts.enumerated() {
            let scratch = TemporaryDirectory()
            defer { withExtendedLifetime(scratch) {} }
            let store = try await kind.make(in: scratch)
            try await KeyService(store: store, hasher: KeyHasher(pepper: start.stored)).confirmPepper()
            let service = KeyService(store: store, hasher: KeyHasher(pepper: start.pepper, previousPepper: start.previous))
            if start.accepted {
                try await service.confirmPepper()
                #expect(try await store.pepperFingerprint() == PepperFingerprint(of: start.pepper), "start \(index)")
            } else {
                await #expect(throws: KeyCoreError.pepperMismatch(
                    stored: PepperFingerprint(of: start.stored), configured: PepperFingerprint(of: start.pepper)), "start \(index)"
                ) { try await service.confirmPepper() }
                #expect(try await store.pepperFingerprint() == PepperFingerprint(of: start.stored), "start \(index)")
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRotationReDigestsEachKeyOnItsFirstUse(kind: StoreKind) async throws {
        let store = try await kind.make(in: folder)
        let before = KeyService(store: store, hasher: KeyHasher(pepper: Self.first))
        try await before.confirmPepper()
        let used = try await before.create(name: "used"), unused = try await before.create(name: "unused")

        let rotating = KeyService(store: store, hasher: KeyHasher(pepper: Self.second, previousPepper: Self.first))
        try await rotating.confirmPepper()
        #expect(try await rotating.verify(used.key.revealed).record?.id == used.record.id)

        let after = KeyService(store: store, hasher: KeyHasher(pepper: Self.second))
        try await after.confirmPepper()
        #expect(try await after.verify(used.key.revealed).record?.id == used.record.id)
        #expect(try await after.verify(unused.key.revealed) == .rejected(.unknown))
    }

    @Test func theMismatchMessageSaysWhatToDo() {
        let missing = KeyCoreError.pepperMismatch(stored: PepperFingerprint(of: Self.first), configured: .none)
        #expect(missing.description.contains("no pepper is configured"))
        #expect(missing.description.contains("previous pepper to rotate"))
        #expect(missing.code == "pepper_mismatch")
    }
}
