import AuthGate
import KeyCore
import Testing

@Suite struct AuthRequestTests {
    struct StoreDown: Error {}

    /// An authenticator whose store cannot answer.
    struct FailingAuthenticator: Authenticator {
        let scheme = Schemes.apiKey

        func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck { throw StoreDown() }
    }

    @Test func eachCredentialIsVerifiedOnceHoweverManyPermissionsReadIt() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .rejected(APIKeyAuthenticator.invalidKey, reason: "API key unknown"))
        let jwt = StubAuthenticator(Schemes.jwt, .absent)
        let cookie = StubAuthenticator(Schemes.cookie, .absent)
        let request = makeRequest("GET", [apiKey, jwt, cookie])

        let decision = try await (HasAPIKey() | HasUserAPIKey() | HasAPIKey()).evaluate(request)
        _ = try await IsAuthenticated().evaluate(request)
        _ = try await request.actingUser()

        #expect(decision == .deny(APIKeyAuthenticator.invalidKey))
        #expect(apiKey.calls.value == 1)
        #expect(jwt.calls.value == 1)
        #expect(cookie.calls.value == 1)
    }

    @Test func anAcceptedKeyIsVerifiedOnceForThePermissionAndTheActingUser() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(), user: Users.alice)))
        let request = makeRequest("GET", [apiKey])

        #expect(try await (HasUserAPIKey() & HasAPIKey()).evaluate(request) == .allow)
        #expect(try await request.actingUser() == Users.alice)
        #expect(apiKey.calls.value == 1)
    }

    @Test func concurrentQuestionsShareOneVerification() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(), user: Users.alice)))
        let request = makeRequest("GET", [apiKey])
        try await withThrowingTaskGroup(of: Decision.self) { group in
            for _ in 0..<50 { group.addTask { try await HasAPIKey().evaluate(request) } }
            for try await decision in group { #expect(decision == .allow) }
        }
        #expect(apiKey.calls.value == 1)
    }

    @Test func aCredentialIsNotVerifiedUntilAPermissionAsks() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(), user: Users.alice)))
        let jwt = StubAuthenticator(Schemes.jwt, .absent)
        let request = makeRequest("GET", [apiKey, jwt])

        #expect(try await AllowAny().evaluate(request) == .allow)
        #expect(apiKey.calls.value == 0)
        #expect(try await HasAPIKey().evaluate(request) == .allow)
        #expect(jwt.calls.value == 0)
    }

    @Test func actingUserIsTheOneThePermissionAllowedOn() async throws {
        // A browser's session cookie (Alice) rides along with Bob's API key.
        func request() -> AuthRequest {
            makeRequest("GET", [
                StubAuthenticator(Schemes.cookie, .authenticated(.user(Users.alice))),
                StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(owner: KeyOwner(.user, "7")), user: Users.bob))),
            ])
        }
        let keyOnly = request()
        #expect(try await HasUserAPIKey().evaluate(keyOnly) == .allow)
        #expect(try await keyOnly.actingUser() == Users.bob)

        let either = request()
        #expect(try await (IsAuthenticated() | HasUserAPIKey()).evaluate(either) == .allow)
        #expect(try await either.actingUser() == Users.alice)
    }

    @Test func actingUserPrefersTheInteractiveSignIn() async throws {
        let request = makeRequest("GET", [
            StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(owner: KeyOwner(.user, "7")), user: Users.bob))),
            StubAuthenticator(Schemes.cookie, .authenticated(.user(Users.alice))),
        ])
        #expect(try await request.actingUser() == Users.alice)
    }

    @Test func actingUserFallsBackToTheUserBehindAnAPIKey() async throws {
        let request = makeRequest("GET", [
            StubAuthenticator(Schemes.jwt, .absent),
            StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(owner: KeyOwner(.user, "7")), user: Users.bob))),
        ])
        #expect(try await request.actingUser() == Users.bob)
    }

    @Test func actingUserIsNilForAKeyWithoutAUser() async throws {
        let request = makeRequest("GET", [
            StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(owner: KeyOwner(.service, "x")), user: nil))),
        ])
        #expect(try await request.actingUser() == nil)
        #expect(try await request.isAuthenticated())
    }

    @Test func refusalsNameTheFailedSchemeAndItsReason() async throws {
        let request = makeRequest("GET", [
            StubAuthenticator(Schemes.apiKey, .rejected(APIKeyAuthenticator.invalidKey, reason: "API key revoked")),
            StubAuthenticator(Schemes.jwt, .authenticated(.user(Users.alice))),
        ])
        _ = try await request.isAuthenticated()
        #expect(await request.refusals() == ["ApiKeyAuth": "API key revoked"])
    }

    @Test func anAuthenticatorErrorIsThrownNotTurnedIntoADenial() async throws {
        let request = makeRequest("GET", [FailingAuthenticator()])
        await #expect(throws: StoreDown.self) { try await HasAPIKey().evaluate(request) }
    }
}
