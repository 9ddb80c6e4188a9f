// Docs/AuthGate.md, "Adding a custom permission": keep the two in step.
import AuthGate
import Testing

struct Item: Sendable {
    let id: Int
    let ownerID: String
}

/// Allows a user to act on the items they own. An object-level check: every request passes,
/// and the handler asks again once it has loaded the item.
struct IsOwner: Permission {
    static let notOwner = Denial(.forbidden, code: "not_owner", message: "This item belongs to someone else.")

    func evaluate(_ request: AuthRequest) async throws -> Decision { .allow(on: nil) }

    func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        // `request.principal` is who the request-level decision allowed on.
        guard let item = object as? Item, request.principal?.user?.id == item.ownerID else {
            return .deny(Self.notOwner)
        }
        return .allow(on: request.principal)
    }

    func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
}

@Suite struct IsOwnerExampleTests {
    /// Owners, and administrators for any item. The owner branch comes first, so a signed-in
    /// stranger is told the item is not theirs rather than that they are not an admin.
    let ownerOrAdmin = (IsAuthenticated() & IsOwner()) | IsAdminUser()
    let item = Item(id: 1, ownerID: "42")

    func signedIn(as user: UserIdentity) -> (Gatekeeper, AuthRequest) {
        let gate = Gatekeeper(authenticators: [SignedInAs(user: user)])
        return (gate, gate.request(for: RequestFacts(method: "DELETE", path: "/api/items/1/")))
    }

    @Test func theOwnerMayDeleteTheirItem() async throws {
        let alice = UserIdentity(id: "42", email: "alice@example.com")
        let (gate, request) = signedIn(as: alice)
        let auth = try await gate.authorize(request, by: ownerOrAdmin)
        #expect(auth.user == alice)
        #expect(try await auth.authorize(object: item).user == alice)
    }

    @Test func anAdminMayDeleteAnyItem() async throws {
        let root = UserIdentity(id: "1", email: "root@example.com", isAdmin: true)
        let (gate, request) = signedIn(as: root)
        #expect(try await gate.authorize(request, by: ownerOrAdmin).authorize(object: item).user == root)
    }

    @Test func anotherUserPassesTheRouteButNotTheItem() async throws {
        let (gate, request) = signedIn(as: UserIdentity(id: "7", email: "bob@example.com"))
        let auth = try await gate.authorize(request, by: ownerOrAdmin)
        let refusal = await #expect(throws: Refusal.self) { try await auth.authorize(object: item) }
        #expect(refusal?.status == 403)
        #expect(refusal?.problem.code == "not_owner")
    }
}
