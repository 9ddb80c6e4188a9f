import AuthGate
import KeyCore
import Testing

@Suite struct APIKeyAuthenticatorTests {
    let clock = TestClock()
    let keys: KeyService
    let authenticator: APIKeyAuthenticator

    init() {
        let clock = clock
        keys = KeyService(store: InMemoryKeyStore(), clock: { clock.now })
        authenticator = APIKeyAuthenticator(keys: keys, users: StubDirectory(users: [Users.alice]))
    }

    func check(_ authorization: String) async throws -> CredentialCheck {
        try await authenticator.authenticate(RequestFacts(method: "GET", path: "/api/items/", headers: ["Authorization": authorization]))
    }

    func check(key: String) async throws -> CredentialCheck {
        try await check("Api-Key \(key)")
    }

    /// Every way a presented key can be wrong.
    enum BadKey: String, CaseIterable, Sendable {
        case short, dotted, upperCased, lowerCased, truncated, leadingSpace, unknown, unknownDjangoShaped
        case revoked, expired, ofAMissingUser, personalAccessToken
    }

    /// The text of a key that is bad in the way `kind` says.
    func text(of kind: BadKey) async throws -> String {
        let good = try await keys.create(name: "good", owner: KeyOwner(.user, "42")).key.revealed
        switch kind {
        case .short: return "abcd"
        case .dotted: return "foo.bar"
        case .upperCased: return good.uppercased()
        case .lowerCased: return good.lowercased()
        case .truncated: return String(good.dropLast())
        case .leadingSpace: return " " + good
        case .unknown:
            return try await KeyService(store: InMemoryKeyStore()).create(name: "elsewhere").key.revealed
        case .unknownDjangoShaped: return "AbCdEfGh." + String(repeating: "x", count: 32)
        case .revoked:
            let issued = try await keys.create(name: "revoked", owner: KeyOwner(.user, "42"))
            try await keys.revoke(id: issued.record.id)
            return issued.key.revealed
        case .expired:
            let issued = try await keys.create(name: "expiring", owner: KeyOwner(.user, "42"), expiresAt: clock.now.addingTimeInterval(60))
            clock.advance(by: 61)
            return issued.key.revealed
        case .ofAMissingUser:
            return try await keys.create(name: "orphan", owner: KeyOwner(.user, "999")).key.revealed
        case .personalAccessToken:
            return try await keys.create(name: "pat", type: .personalAccessToken, owner: KeyOwner(.user, "42")).key.revealed
        }
    }

    @Test func anEmptyKeyIsNoKey() async throws {
        #expect(try await check(key: "") == .absent)
    }

    @Test func aValidUserKeyAuthenticatesAsItsUser() async throws {
        let issued = try await keys.create(name: "deploy", owner: KeyOwner(.user, "42"), scopes: ["bots:read"])
        let check = try await check(key: issued.key.revealed)
        #expect(check == .authenticated(.apiKey(issued.record, user: Users.alice)))
        #expect(check.principal?.scopes == ["bots:read"])
    }

    @Test(arguments: [KeyOwner(.service, "x"), KeyOwner(.team, "acme"), nil])
    func aKeyNotOwnedByAUserAuthenticatesWithNoUser(owner: KeyOwner?) async throws {
        let issued = try await keys.create(name: "billing", owner: owner)
        #expect(try await check(key: issued.key.revealed) == .authenticated(.apiKey(issued.record, user: nil)))
    }

    @Test(arguments: BadKey.allCases)
    func everyBadKeyGetsTheSamePublicDenial(kind: BadKey) async throws {
        let check = try await check(key: try await text(of: kind))
        #expect(check.rejection == APIKeyAuthenticator.invalidKey)
    }

    @Test func theInvalidKeyDenialIs401AuthenticationFailed() {
        #expect(APIKeyAuthenticator.invalidKey.status == .unauthenticated)
        #expect(APIKeyAuthenticator.invalidKey.code == "authentication_failed")
    }

    @Test func theLogReasonNamesTheCauseButNeverTheKey() async throws {
        let revoked = try await text(of: .revoked)
        let reason = try #require(try await check(key: revoked).rejectionReason)
        #expect(reason == "API key revoked")
        #expect(!reason.contains(revoked))
    }

    @Test func noKeyIsAbsent() async throws {
        #expect(try await check("Bearer abc") == .absent)
        #expect(try await authenticator.authenticate(RequestFacts(method: "GET", path: "/")) == .absent)
    }

    @Test func aCustomHeaderIsReadInsteadOfAuthorization() async throws {
        let custom = APIKeyAuthenticator(keys: keys, users: StubDirectory(users: [Users.alice]), header: .custom("X-Api-Key"))
        let issued = try await keys.create(name: "deploy", owner: KeyOwner(.user, "42"))
        let viaHeader = RequestFacts(method: "GET", path: "/", headers: ["X-Api-Key": issued.key.revealed])
        let viaAuthorization = RequestFacts(method: "GET", path: "/", headers: ["Authorization": "Api-Key \(issued.key.revealed)"])
        #expect(try await custom.authenticate(viaHeader).principal?.user == Users.alice)
        #expect(try await custom.authenticate(viaAuthorization) == .absent)
        #expect(custom.scheme.location == .header("X-Api-Key"))
    }

    @Test func theSchemeIsNamedForTheSchema() {
        #expect(authenticator.scheme == SecurityScheme(name: "ApiKeyAuth", location: .authorizationKeyword("Api-Key"), role: .apiKey))
    }
}
