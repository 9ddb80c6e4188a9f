import Foundation
import TestSupport
import Testing
@testable import KeyCore

/// What personal access tokens add to keys: the workspace they are bound to, and renaming.
@Suite struct KeyServiceWorkspaceTests {
    let folder = TemporaryDirectory()
    let clock = TestClock()

    @Test(arguments: StoreKind.allCases)
    func aTokensWorkspaceIsStoredAndReturnedByVerification(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await service.create(
            name: "chat", type: .personalAccessToken, owner: KeyOwner(.user, "42"), scopes: ["chat:write"], workspace: "team-1")
        #expect(issued.record.workspace == "team-1")
        guard case .valid(let record) = try await service.verify(issued.key.revealed) else {
            Issue.record("the token did not verify")
            return
        }
        #expect(record.workspace == "team-1")
        #expect(try await service.record(id: issued.record.id).workspace == "team-1")
        #expect(try await service.create(name: "key", owner: KeyOwner(.user, "42")).record.workspace == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func renamingKeepsTheSecretAndTheScopes(kind: StoreKind) async throws {
        let service = try await KeyService.forTesting(kind, folder: folder, clock: clock)
        let issued = try await service.create(name: "old", type: .personalAccessToken, owner: KeyOwner(.user, "42"), scopes: ["bots:read"])
        let renamed = try await service.rename(id: issued.record.id, to: "  new  ")
        #expect(renamed.name == "new")
        #expect(renamed.scopes == ["bots:read"])
        guard case .valid(let record) = try await service.verify(issued.key.revealed) else {
            Issue.record("the renamed token did not verify")
            return
        }
        #expect(record.name == "new")
        await #expect(throws: KeyCoreError.self) { try await service.rename(id: issued.record.id, to: "") }
        await #expect(throws: KeyCoreError.keyNotFound(id: "nope")) { try await service.rename(id: "nope", to: "x") }
    }
}
