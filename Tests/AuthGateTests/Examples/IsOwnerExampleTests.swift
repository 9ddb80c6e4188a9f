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

    func evaluate(_ request: AuthRequest) async throws -> Decision { .allow }

    func evaluate(_ request: AuthRequest, object: any Sendable) async throws -> Decision {
        guard let item = object as? Item, let user = try await request.actingUser(), user.id == item.ownerID else {
            return .deny(Self.notOwner)
        }
        return .allow
    }

    func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
}

@Suite struct IsOwnerExampleTests {
    /// Owners, and administrators for any item. The owner branch comes first, so a signed-in
    /// stranger is told the item is not theirs rather than that they are not an admin.
    let ownerOrAdmin = (IsAuthenticated() & IsOwner()) | IsAdminUser()
    let item = Item(id: 1, ownerID: "42")

    func request(as user: UserIdentity) -> AuthRequest {
        AuthRequest(facts: RequestFacts(method: "DELETE", path: "/api/items/1/"), authenticators: [SignedInAs(user: user)])
    }

    @Test func theOwnerMayDeleteTheirItem() async throws {
        let request = request(as: UserIdentity(id: "42", email: "alice@example.com"))
        #expect(try await ownerOrAdmin.evaluate(request) == .allow)
        #expect(try await ownerOrAdmin.evaluate(request, object: item) == .allow)
    }

    @Test func anAdminMayDeleteAnyItem() async throws {
        let request = request(as: UserIdentity(id: "1", email: "root@example.com", isAdmin: true))
        #expect(try await ownerOrAdmin.evaluate(request, object: item) == .allow)
    }

    @Test func anotherUserPassesTheRouteButNotTheItem() async throws {
        let request = request(as: UserIdentity(id: "7", email: "bob@example.com"))
        #expect(try await ownerOrAdmin.evaluate(request) == .allow)
        #expect(try await ownerOrAdmin.evaluate(request, object: item) == .deny(IsOwner.notOwner))
    }
}
