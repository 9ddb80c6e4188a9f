import AuthGate
import KeyCore
import Testing

/// Who acts when a request carries credentials of different parties: always the principal the
/// deciding branch allowed on, never one that merely rode along. Unit tests, no server.
@Suite struct WhoActsTests {
    static let bobsKey = keyRecord(owner: KeyOwner(.user, "7"))
    static let alicesKey = keyRecord(owner: KeyOwner(.user, "42"))
    static let teamKey = keyRecord(owner: KeyOwner(.team, "acme"))

    /// A's session (an admin's when `admin`) beside B's API key, on `method`.
    static func sessionOfABesideKeyOfB(admin: Bool = false, method: String = "GET") -> AuthRequest {
        makeRequest(method, [
            StubAuthenticator(Schemes.cookie, .authenticated(.user(admin ? Users.admin : Users.alice))),
            StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(bobsKey, user: Users.bob))),
        ])
    }

    // The cases the issue names, and their neighbours.

    @Test func aNonAdminSignInBesideAKeyActsAsTheKeyOwnerWhenOnlyTheKeyBranchAllows() async throws {
        let decision = try await ((IsAuthenticated() & IsAdminUser()) | HasUserAPIKey()).evaluate(Self.sessionOfABesideKeyOfB())
        #expect(decision == .allow(on: .apiKey(Self.bobsKey, user: Users.bob)))
    }

    @Test func anAdminSignInBesideAKeyActsAsTheAdminWhoseBranchAllowedFirst() async throws {
        let decision = try await ((IsAuthenticated() & IsAdminUser()) | HasUserAPIKey()).evaluate(Self.sessionOfABesideKeyOfB(admin: true))
        #expect(decision == .allow(on: .user(Users.admin)))
    }

    @Test func aRouteThatRefusesKeysActsAsTheSignedInUserNotTheKeyOwner() async throws {
        let decision = try await (!HasAPIKey() | IsAuthenticated()).evaluate(Self.sessionOfABesideKeyOfB())
        #expect(decision == .allow(on: .user(Users.alice)))
    }

    @Test func theUsualUserOrKeyRouteActsAsTheSignedInUserWhoseBranchComesFirst() async throws {
        #expect(try await (IsAuthenticated() | HasUserAPIKey()).evaluate(Self.sessionOfABesideKeyOfB()) == .allow(on: .user(Users.alice)))
        #expect(try await (HasUserAPIKey() | IsAuthenticated()).evaluate(Self.sessionOfABesideKeyOfB()) == .allow(on: .apiKey(Self.bobsKey, user: Users.bob)))
    }

    @Test func aConjunctionOfTwoPartiesCredentialsIsRefused() async throws {
        let decision = try await (IsAuthenticated() & HasUserAPIKey()).evaluate(Self.sessionOfABesideKeyOfB())
        #expect(decision == .deny(AllOf.conflictingPrincipals))
        #expect(decision.denial?.status == .forbidden)
    }

    @Test func aConjunctionOfOneUsersSessionAndKeyActsAsTheFirstMember() async throws {
        let request = makeRequest("GET", [
            StubAuthenticator(Schemes.cookie, .authenticated(.user(Users.alice))),
            StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(Self.alicesKey, user: Users.alice))),
        ])
        #expect(try await (HasUserAPIKey() & IsAuthenticated()).evaluate(request) == .allow(on: .apiKey(Self.alicesKey, user: Users.alice)))
        #expect(try await (IsAuthenticated() & HasUserAPIKey()).evaluate(request) == .allow(on: .user(Users.alice)))
    }

    @Test func neutralMembersLeaveTheConjunctionToTheCredentialThatDecided() async throws {
        let decision = try await (AllowAny() & ReadOnly() & HasUserAPIKey() & !IsAdminUser()).evaluate(Self.sessionOfABesideKeyOfB())
        #expect(decision == .allow(on: .apiKey(Self.bobsKey, user: Users.bob)))
    }

    @Test func aLaterConjunctionMemberSeesThePrincipalTheEarlierOnesAllowedOn() async throws {
        struct RecordsPrincipal: Permission {
            let seen = PrincipalBox()
            func evaluate(_ request: AuthRequest) async throws -> Decision {
                seen.set(request.principal)
                return .allow(on: nil)
            }
            func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
        }
        let recorder = RecordsPrincipal()
        _ = try await (HasUserAPIKey() & recorder).evaluate(Self.sessionOfABesideKeyOfB())
        #expect(recorder.seen.value == .apiKey(Self.bobsKey, user: Users.bob))
    }

    /// The object check sees the principal the request was allowed on: Alice's session decides
    /// `(IsAuthenticated() | HasUserAPIKey()) & IsOwner()`, so Bob's item is refused even though
    /// Bob's key rides along.
    @Test func theObjectCheckSeesThePrincipalTheRequestWasAllowedOn() async throws {
        let permission = (IsAuthenticated() | HasUserAPIKey()) & IsOwner()
        let gate = Gatekeeper(authenticators: [])
        let auth = try await gate.authorize(Self.sessionOfABesideKeyOfB(), by: permission)
        #expect(auth.principal == .user(Users.alice))
        #expect(try await auth.authorize(object: Item(id: 1, ownerID: Users.alice.id)).user == Users.alice)
        await #expect(throws: Refusal.self) { try await auth.authorize(object: Item(id: 2, ownerID: Users.bob.id)) }
    }

    // The whole space: every composition of the built-ins up to two levels, under every mix of
    // credentials, against a plain model of the rules (``Model``).

    @Test(arguments: CredentialMix.all)
    func everyCompositionActsAsTheModelSays(mix: CredentialMix) async throws {
        for expression in Expression.generated {
            let decision = try await expression.permission.evaluate(mix.request())
            let expected = Model.decide(expression, mix)
            #expect(Model.Outcome(decision) == expected, "\(expression) with \(mix)")
        }
    }
}

/// A value a test permission writes while it is evaluated.
final class PrincipalBox: Sendable {
    private let stored = Synchronized<Principal?>(nil)
    var value: Principal? { stored.get() }
    func set(_ principal: Principal?) { stored.set(principal) }
}
