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

    /// A sibling subdomain can plant a second `sessionid` ("cookie tossing"): which one the
    /// browser meant cannot be known, so neither is trusted.
    @Test func aSessionCookieSentTwiceIsRefused() async throws {
        for cookie in ["sessionid=s3ss10n; sessionid=other", "sessionid=other; sessionid=s3ss10n"] {
            let facts = RequestFacts(method: "GET", path: "/", headers: [(name: "Cookie", value: cookie)])
            let result = try await authenticator.authenticate(facts)
            #expect(result.rejection == SessionCookieAuthenticator.invalidSession, "\(cookie)")
        }
        let split = try await authenticator.authenticate(RequestFacts(
            method: "GET", path: "/", headers: [(name: "Cookie", value: "sessionid=s3ss10n"), (name: "Cookie", value: "sessionid=s3ss10n")]))
        #expect(split.rejection == SessionCookieAuthenticator.invalidSession)
    }

    /// An unsafe request with the right token but from another site's page is refused too.
    @Test(arguments: [
        ("https://evil.example", false), ("http://api.example:8000", true), ("HTTP://API.EXAMPLE:8000", true),
        ("http://api.example:8001", false), ("null", false),
    ])
    func anUnsafeRequestFromAnotherOriginIsRefused(origin: String, allowed: Bool) async throws {
        let facts = RequestFacts(method: "POST", path: "/", headers: [
            (name: "Cookie", value: "sessionid=s3ss10n"), (name: "X-CSRFToken", value: "t0k3n"),
            (name: "Host", value: "api.example:8000"), (name: "Origin", value: origin),
        ])
        let result = try await authenticator.authenticate(facts)
        #expect((result == .authenticated(.user(Users.alice))) == allowed)
        if !allowed { #expect(result.rejection == SessionCookieAuthenticator.csrfFailed) }
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
