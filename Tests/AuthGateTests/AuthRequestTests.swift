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
        _ = try await request.isAuthenticated()

        #expect(decision == .deny(APIKeyAuthenticator.invalidKey))
        #expect(apiKey.calls.value == 1)
        #expect(jwt.calls.value == 1)
        #expect(cookie.calls.value == 1)
    }

    @Test func anAcceptedKeyIsVerifiedOnceHoweverManyMembersNeedIt() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(), user: Users.alice)))
        let request = makeRequest("GET", [apiKey])

        #expect(try await (HasUserAPIKey() & HasAPIKey()).evaluate(request) == .allow(on: .apiKey(keyRecord(), user: Users.alice)))
        #expect(apiKey.calls.value == 1)
    }

    @Test func concurrentQuestionsShareOneVerification() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(), user: Users.alice)))
        let request = makeRequest("GET", [apiKey])
        try await withThrowingTaskGroup(of: Decision.self) { group in
            for _ in 0..<50 { group.addTask { try await HasAPIKey().evaluate(request) } }
            for try await decision in group { #expect(decision.principal?.user == Users.alice) }
        }
        #expect(apiKey.calls.value == 1)
    }

    @Test func aCredentialIsNotVerifiedUntilAPermissionAsks() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(), user: Users.alice)))
        let jwt = StubAuthenticator(Schemes.jwt, .absent)
        let request = makeRequest("GET", [apiKey, jwt])

        #expect(try await AllowAny().evaluate(request) == .allow(on: nil))
        #expect(apiKey.calls.value == 0)
        #expect(try await HasAPIKey().evaluate(request).isAllowed)
        #expect(jwt.calls.value == 0)
    }

    @Test func aViewOnAPrincipalSharesTheVerifiedCredentials() async throws {
        let apiKey = StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(), user: Users.alice)))
        let request = makeRequest("GET", [apiKey])
        let view = request.on(.user(Users.bob))

        #expect(view.principal == .user(Users.bob))
        #expect(request.principal == nil)
        _ = try await HasAPIKey().evaluate(request)
        _ = try await HasAPIKey().evaluate(view)
        #expect(apiKey.calls.value == 1)
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
