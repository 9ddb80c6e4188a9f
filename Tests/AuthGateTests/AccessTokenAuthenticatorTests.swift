import AuthGate
import KeyCore
import Testing

@Suite struct AccessTokenAuthenticatorTests {
    let keys = KeyService(store: InMemoryKeyStore())
    var authenticator: AccessTokenAuthenticator { AccessTokenAuthenticator(keys: keys, users: InMemoryUserDirectory([Users.alice])) }

    func check(_ authorization: String) async throws -> CredentialCheck {
        try await authenticator.authenticate(RequestFacts(method: "GET", path: "/api/bots/", headers: ["Authorization": authorization]))
    }

    func token(owner: String = "42", workspace: String? = "team-1") async throws -> IssuedKey {
        try await keys.create(name: "t", type: .personalAccessToken, owner: KeyOwner(.user, owner), scopes: ["bots:read"], workspace: workspace)
    }

    @Test func aValidTokenActsForItsOwnerInItsWorkspace() async throws {
        let issued = try await token()
        #expect(try await check("Bearer \(issued.key.revealed)") == .authenticated(.accessToken(issued.record, user: Users.alice, workspace: "team-1")))
    }

    @Test func otherBearerTokensAndNoneAreAbsent() async throws {
        let apiKey = try await keys.create(name: "k", owner: KeyOwner(.user, "42")).key.revealed
        for authorization in ["Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Bearer \(apiKey)", "Api-Key \(apiKey)", ""] {
            #expect(try await check(authorization) == .absent, "\(authorization)")
        }
    }

    @Test func revokedUnknownAndOrphanedTokensGetOneAnswer() async throws {
        let revoked = try await token()
        try await keys.revoke(id: revoked.record.id)
        let orphan = try await token(owner: "gone")
        let valid = try await token().key.revealed
        let tampered = String(valid.dropLast()) + (valid.last == "a" ? "b" : "a")
        for text in [revoked.key.revealed, orphan.key.revealed, tampered, "pgp_short"] {
            #expect(try await check("Bearer \(text)").rejection == BearerTokenAuthenticator.invalidToken, "\(text)")
        }
    }

    /// The login JWT authenticator leaves access tokens to this one.
    @Test func theJWTAuthenticatorIgnoresAccessTokens() async throws {
        let issued = try await token()
        let jwt = BearerTokenAuthenticator(verifier: StubTokens(tokens: [:]), ignoredPrefixes: [AccessTokenAuthenticator.prefix])
        let facts = RequestFacts(method: "GET", path: "/", headers: ["Authorization": "Bearer \(issued.key.revealed)"])
        #expect(try await jwt.authenticate(facts) == .absent)
    }

    @Test func hasScopeReadsTheTokensScopes() async throws {
        let issued = try await token()
        let request = AuthRequest(facts: RequestFacts(method: "GET", path: "/", headers: ["Authorization": "Bearer \(issued.key.revealed)"]),
                                  authenticators: [authenticator])
        #expect(try await HasScope("bots:read").evaluate(request).principal?.workspace == "team-1")
        #expect(try await HasScope("bots:write").evaluate(request).denial?.missingScopes == ["bots:write"])
    }

    /// A permission that needs the application's data reads it from the gatekeeper's context.
    @Test func theGatekeepersContextReachesPermissions() async throws {
        struct Seen: Permission {
            func evaluate(_ request: AuthRequest) async throws -> Decision {
                request.context as? String == "the app" ? .allow(on: nil) : .deny(.forbidden("no_context"))
            }
            func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
        }
        let gate = Gatekeeper(authenticators: [], context: "the app")
        let request = gate.request(for: RequestFacts(method: "GET", path: "/"))
        #expect(try await Seen().evaluate(request).isAllowed)
        #expect(try await Seen().evaluate(request.on(.user(Users.alice))).isAllowed)
    }
}
