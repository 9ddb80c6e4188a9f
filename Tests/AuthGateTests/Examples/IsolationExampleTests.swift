// Docs/AuthGate.md, "Testing a permission in isolation": keep the two in step.
import AuthGate
import Testing

/// Answers every request as the same signed-in user, as a login JWT would.
struct SignedInAs: Authenticator {
    let user: UserIdentity
    let scheme = SecurityScheme(name: "jwtAuth", location: .bearer(format: "JWT"), role: .interactive)

    func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck { .authenticated(.user(user)) }
}

@Suite struct IsolationExampleTests {
    let permission = IsAuthenticated() | ReadOnly()

    func request(_ method: String, by authenticators: [any Authenticator]) -> AuthRequest {
        AuthRequest(facts: RequestFacts(method: method, path: "/api/items/"), authenticators: authenticators)
    }

    @Test func anyoneMayRead() async throws {
        #expect(try await permission.evaluate(request("GET", by: [])) == .allow(on: nil))
    }

    @Test func anAnonymousWriteIsAskedToSignIn() async throws {
        let denial = try #require(try await permission.evaluate(request("POST", by: [])).denial)
        #expect(denial.status == .unauthenticated)
        #expect(denial.code == Denial.Codes.notAuthenticated)
    }

    @Test func aSignedInUserMayWrite() async throws {
        let alice = UserIdentity(id: "42", email: "alice@example.com")
        #expect(try await permission.evaluate(request("POST", by: [SignedInAs(user: alice)])) == .allow(on: .user(alice)))
    }
}
