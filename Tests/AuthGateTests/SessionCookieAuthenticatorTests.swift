import AuthGate
import Testing

@Suite struct SessionCookieAuthenticatorTests {
    let authenticator = SessionCookieAuthenticator(
        sessions: StubSessions(sessions: ["s3ss10n": ResolvedSession(user: Users.alice, csrfToken: "t0k3n")]))

    func check(_ method: String, _ headers: KeyValuePairs<String, String>) async throws -> CredentialCheck {
        try await authenticator.authenticate(RequestFacts(method: method, path: "/api/items/", headers: headers))
    }

    @Test func aCookieOnAGetAuthenticatesItsUser() async throws {
        #expect(try await check("GET", ["Cookie": "theme=dark; sessionid=s3ss10n"]) == .authenticated(.user(Users.alice)))
    }

    @Test func aPostWithoutTheCSRFHeaderIsRefusedWith403() async throws {
        let denial = try #require(try await check("POST", ["Cookie": "sessionid=s3ss10n"]).rejection)
        #expect(denial == SessionCookieAuthenticator.csrfFailed)
        #expect(denial.status == .forbidden)
        #expect(denial.code == "csrf_failed")
    }

    @Test func aPostWithAWrongCSRFTokenIsRefused() async throws {
        let check = try await check("POST", ["Cookie": "sessionid=s3ss10n", "X-CSRFToken": "t0k3n!"])
        #expect(check.rejection == SessionCookieAuthenticator.csrfFailed)
    }

    @Test func aPostWithTheRightCSRFTokenAuthenticates() async throws {
        let check = try await check("POST", ["Cookie": "sessionid=s3ss10n", "x-csrftoken": "t0k3n"])
        #expect(check == .authenticated(.user(Users.alice)))
    }

    @Test func anUnknownCookieIsRejectedWith401() async throws {
        let denial = try #require(try await check("GET", ["Cookie": "sessionid=stale"]).rejection)
        #expect(denial == SessionCookieAuthenticator.invalidSession)
        #expect(denial.status == .unauthenticated)
        #expect(denial.code == "authentication_failed")
    }

    @Test func noSessionCookieIsAbsent() async throws {
        #expect(try await check("POST", ["Cookie": "theme=dark"]) == .absent)
    }
}

@Suite struct BearerTokenAuthenticatorTests {
    let authenticator = BearerTokenAuthenticator(verifier: StubTokens(tokens: ["eyJ.good": Users.alice]), ignoredPrefixes: ["pgp_"])

    func check(_ authorization: String) async throws -> CredentialCheck {
        try await authenticator.authenticate(RequestFacts(method: "GET", path: "/", headers: ["Authorization": authorization]))
    }

    @Test func aValidTokenAuthenticatesItsUser() async throws {
        #expect(try await check("Bearer eyJ.good") == .authenticated(.user(Users.alice)))
        #expect(try await check("bearer eyJ.good") == .authenticated(.user(Users.alice)))
    }

    @Test func anInvalidTokenIsRejectedWith401() async throws {
        #expect(try await check("Bearer eyJ.forged").rejection == BearerTokenAuthenticator.invalidToken)
    }

    @Test func aTokenWithAnIgnoredPrefixIsLeftToAnotherAuthenticator() async throws {
        #expect(try await check("Bearer pgp_whatever") == .absent)
    }

    @Test func anAPIKeyIsNotABearerToken() async throws {
        #expect(try await check("Api-Key eyJ.good") == .absent)
    }
}
