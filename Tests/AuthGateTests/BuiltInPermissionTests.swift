import AuthGate
import KeyCore
import Testing

@Suite struct BuiltInPermissionTests {
    let noCredentials: [any Authenticator] = [
        StubAuthenticator(Schemes.apiKey, .absent), StubAuthenticator(Schemes.jwt, .absent),
        StubAuthenticator(Schemes.cookie, .absent), StubAuthenticator(Schemes.pat, .absent),
    ]

    func apiKeyRequest(owner: KeyOwner?, user: UserIdentity?, scopes: [String] = []) -> AuthRequest {
        makeRequest("GET", [StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(owner: owner, scopes: scopes), user: user)))])
    }

    func tokenRequest(scopes: [String]) -> AuthRequest {
        let record = keyRecord(.personalAccessToken, scopes: scopes)
        return makeRequest("GET", [StubAuthenticator(Schemes.pat, .authenticated(.accessToken(record, user: Users.alice, workspace: nil)))])
    }

    @Test func allowAnyAllowsAnAnonymousRequest() async throws {
        #expect(try await AllowAny().evaluate(makeRequest("DELETE", noCredentials)) == .allow(on: nil))
    }

    @Test func isAuthenticatedWithoutACredentialIs401NotAuthenticated() async throws {
        let decision = try await IsAuthenticated().evaluate(makeRequest("GET", noCredentials))
        #expect(decision == .deny(.notAuthenticated))
        #expect(decision.denial?.status == .unauthenticated)
        #expect(decision.denial?.code == "not_authenticated")
    }

    @Test func isAuthenticatedWithARejectedCredentialAnswersWithThatDenial() async throws {
        let request = makeRequest("GET", [StubAuthenticator(Schemes.jwt, .rejected(BearerTokenAuthenticator.invalidToken, reason: "expired"))])
        let decision = try await IsAuthenticated().evaluate(request)
        #expect(decision == .deny(BearerTokenAuthenticator.invalidToken))
        #expect(decision.denial?.status == .unauthenticated)
        #expect(decision.denial?.code == "authentication_failed")
    }

    @Test func isAuthenticatedAllowsASignedInUser() async throws {
        #expect(try await IsAuthenticated().evaluate(signedInRequest()) == .allow(on: .user(Users.alice)))
    }

    @Test func aValidSessionOutweighsAFailedBearerToken() async throws {
        let request = makeRequest("GET", [
            StubAuthenticator(Schemes.jwt, .rejected(BearerTokenAuthenticator.invalidToken, reason: "expired")),
            StubAuthenticator(Schemes.cookie, .authenticated(.user(Users.alice))),
        ])
        #expect(try await IsAuthenticated().evaluate(request) == .allow(on: .user(Users.alice)))
    }

    @Test func isAuthenticatedDoesNotAcceptAnAPIKey() async throws {
        let decision = try await IsAuthenticated().evaluate(apiKeyRequest(owner: KeyOwner(.user, "42"), user: Users.alice))
        #expect(decision == .deny(.notAuthenticated))
    }

    @Test func isAdminUserRefusesANonAdminWith403() async throws {
        let decision = try await IsAdminUser().evaluate(signedInRequest(as: Users.alice))
        #expect(decision == .deny(IsAdminUser.notAdmin))
        #expect(decision.denial?.status == .forbidden)
    }

    @Test func isAdminUserAllowsAnAdmin() async throws {
        #expect(try await IsAdminUser().evaluate(signedInRequest(as: Users.admin)) == .allow(on: .user(Users.admin)))
    }

    @Test func isAdminUserAsksAnAnonymousCallerToAuthenticate() async throws {
        #expect(try await IsAdminUser().evaluate(makeRequest("GET", noCredentials)) == .deny(.notAuthenticated))
    }

    @Test func hasAPIKeyAcceptsAKeyWithoutAUser() async throws {
        let teamKey = Principal.apiKey(keyRecord(owner: KeyOwner(.team, "acme")), user: nil)
        #expect(try await HasAPIKey().evaluate(apiKeyRequest(owner: KeyOwner(.team, "acme"), user: nil)) == .allow(on: teamKey))
    }

    @Test func hasAPIKeyWithoutAKeyIs401NotAuthenticated() async throws {
        #expect(try await HasAPIKey().evaluate(makeRequest("GET", noCredentials)) == .deny(.notAuthenticated))
    }

    @Test func hasAPIKeyWithARejectedKeyAnswersWithThatDenial() async throws {
        let request = makeRequest("GET", [StubAuthenticator(Schemes.apiKey, .rejected(APIKeyAuthenticator.invalidKey, reason: "API key revoked"))])
        #expect(try await HasAPIKey().evaluate(request) == .deny(APIKeyAuthenticator.invalidKey))
    }

    @Test func hasUserAPIKeyAcceptsAUsersKey() async throws {
        let decision = try await HasUserAPIKey().evaluate(apiKeyRequest(owner: KeyOwner(.user, "42"), user: Users.alice))
        #expect(decision.principal?.user == Users.alice)
        #expect(decision.principal?.keyRecord == keyRecord(owner: KeyOwner(.user, "42")))
    }

    @Test func hasUserAPIKeyRefusesAKeyWithoutAUserWith403() async throws {
        let decision = try await HasUserAPIKey().evaluate(apiKeyRequest(owner: KeyOwner(.service, "x"), user: nil))
        #expect(decision == .deny(HasUserAPIKey.notAUserKey))
        #expect(decision.denial?.status == .forbidden)
    }

    @Test func hasUserAPIKeyWithoutAKeyIs401NotAuthenticated() async throws {
        #expect(try await HasUserAPIKey().evaluate(makeRequest("GET", noCredentials)) == .deny(.notAuthenticated))
    }

    @Test func hasScopeWithAMissingScopeIs403InsufficientScopeNamingIt() async throws {
        let decision = try await HasScope("bots:read", "usage:write").evaluate(tokenRequest(scopes: ["bots:read"]))
        let denial = try #require(decision.denial)
        #expect(denial.status == .forbidden)
        #expect(denial.code == "insufficient_scope")
        #expect(denial.missingScopes == ["usage:write"])
    }

    @Test func hasScopesDenialNamesWhatAPrincipalOfAnyKindLacks() throws {
        let key = Principal.apiKey(keyRecord(scopes: ["bots:read"]), user: Users.alice)
        #expect(HasScope.denial(requiring: ["bots:read"], of: key) == nil)
        #expect(HasScope.denial(requiring: [], of: .user(Users.alice)) == nil)
        let denial = try #require(HasScope.denial(requiring: ["bots:read", "usage:read"], of: key))
        #expect(denial.status == .forbidden)
        #expect(denial.code == "insufficient_scope")
        #expect(denial.missingScopes == ["usage:read"])
    }

    @Test func hasScopeAllowsATokenWithEveryScope() async throws {
        let request = tokenRequest(scopes: ["usage:write", "bots:read", "bots:write"])
        let decision = try await HasScope(["bots:read", "usage:write"]).evaluate(request)
        #expect(decision.principal?.scopes == ["usage:write", "bots:read", "bots:write"])
    }

    @Test func hasScopeWithoutATokenIs401NotAuthenticated() async throws {
        #expect(try await HasScope("bots:read").evaluate(makeRequest("GET", noCredentials)) == .deny(.notAuthenticated))
    }

    @Test func hasScopeDoesNotAcceptAnAPIKeysScopes() async throws {
        let request = apiKeyRequest(owner: KeyOwner(.user, "42"), user: Users.alice, scopes: ["bots:read"])
        #expect(try await HasScope("bots:read").evaluate(request) == .deny(.notAuthenticated))
    }

    @Test(arguments: ["GET", "HEAD", "OPTIONS"])
    func readOnlyAllowsSafeMethods(method: String) async throws {
        #expect(try await ReadOnly().evaluate(makeRequest(method)) == .allow(on: nil))
    }

    @Test(arguments: ["POST", "PUT", "PATCH", "DELETE"])
    func readOnlyRefusesUnsafeMethodsWith403(method: String) async throws {
        let decision = try await ReadOnly().evaluate(makeRequest(method))
        #expect(decision == .deny(ReadOnly.denial))
        #expect(decision.denial?.status == .forbidden)
    }

    @Test func isAuthenticatedOrReadOnlyAsksAnAnonymousWriterToAuthenticate() async throws {
        let decision = try await IsAuthenticatedOrReadOnly().evaluate(makeRequest("POST", noCredentials))
        #expect(decision == .deny(.notAuthenticated))
        #expect(decision.denial?.status == .unauthenticated)
    }

    @Test func isAuthenticatedOrReadOnlyLetsAnyoneRead() async throws {
        #expect(try await IsAuthenticatedOrReadOnly().evaluate(makeRequest("GET", noCredentials)) == .allow(on: nil))
    }

    @Test func isAuthenticatedOrReadOnlyLetsASignedInUserWrite() async throws {
        #expect(try await IsAuthenticatedOrReadOnly().evaluate(signedInRequest("POST")) == .allow(on: .user(Users.alice)))
    }
}
