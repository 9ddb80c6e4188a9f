import AuthGate
import KeyCore
import Testing

@Suite struct GatekeeperTests {
    let keys = KeyService(store: InMemoryKeyStore())

    /// pegasusd's schemes: API key, login JWT, session cookie.
    func gate(apiKeyHeader: APIKeyHeader = .standard, extra: [any Authenticator] = []) -> Gatekeeper {
        Gatekeeper(authenticators: [
            APIKeyAuthenticator(keys: keys, users: StubDirectory(users: [Users.alice]), header: apiKeyHeader),
            BearerTokenAuthenticator(verifier: StubTokens(tokens: ["eyJ.good": Users.alice])),
            SessionCookieAuthenticator(sessions: StubSessions(sessions: [:])),
        ] + extra)
    }

    func refusal(
        _ gate: Gatekeeper, _ permission: any Permission, method: String = "GET", headers: KeyValuePairs<String, String> = [:]
    ) async throws -> Refusal? {
        try await refusalOrNil(gate, gate.request(for: RequestFacts(method: method, path: "/api/items/", headers: headers)), by: permission)
    }

    @Test func anAllowedRequestHasNoRefusal() async throws {
        #expect(try await refusal(gate(), HasAPIKey() | IsAuthenticated(), headers: ["Authorization": "Bearer eyJ.good"]) == nil)
    }

    @Test func noCredentialGets401WithAChallengePerHTTPScheme() async throws {
        let refusal = try #require(try await refusal(gate(), HasAPIKey() | IsAuthenticated()))
        #expect(refusal.status == 401)
        #expect(refusal.problem.code == "not_authenticated")
        #expect(refusal.challenges == [#"Api-Key realm="pegasus""#, #"Bearer realm="pegasus""#])
    }

    @Test func aFailedAPIKeyMarksItsChallengeInvalidToken() async throws {
        let refusal = try #require(try await refusal(gate(), HasAPIKey() | IsAuthenticated(), headers: ["Authorization": "Api-Key pgk_nope"]))
        #expect(refusal.status == 401)
        #expect(refusal.problem.code == "authentication_failed")
        #expect(refusal.problem.detail == APIKeyAuthenticator.invalidKey.message)
        #expect(refusal.challenges == [#"Api-Key realm="pegasus", error="invalid_token""#, #"Bearer realm="pegasus""#])
    }

    @Test func aCustomHeaderSchemeNamesItsHeaderInTheChallenge() async throws {
        let refusal = try #require(try await refusal(gate(apiKeyHeader: .custom("X-Api-Key")), HasAPIKey()))
        #expect(refusal.challenges == [#"Api-Key realm="pegasus", header="X-Api-Key""#])
    }

    @Test func challengesNameOnlySchemesThePermissionAccepts() async throws {
        let refusal = try #require(try await refusal(gate(), IsAuthenticated()))
        #expect(refusal.challenges == [#"Bearer realm="pegasus""#])
    }

    @Test func bearerSchemesShareOneChallenge() async throws {
        let pat = StubAuthenticator(Schemes.pat, .rejected(BearerTokenAuthenticator.invalidToken, reason: "revoked"))
        let refusal = try #require(try await refusal(gate(extra: [pat]), IsAuthenticated() | HasScope("bots:read")))
        #expect(refusal.challenges == [#"Bearer realm="pegasus", error="invalid_token""#])
    }

    @Test func aMissingScopeGets403WithAnInsufficientScopeChallenge() async throws {
        let record = keyRecord(.personalAccessToken, scopes: ["bots:read"])
        let pat = StubAuthenticator(Schemes.pat, .authenticated(.accessToken(record, user: Users.alice, workspace: nil)))
        let refusal = try #require(try await refusal(gate(extra: [pat]), HasScope("bots:read", "bots:write", "usage:read")))
        #expect(refusal.status == 403)
        #expect(refusal.problem.code == "insufficient_scope")
        #expect(refusal.challenges == [#"Bearer realm="pegasus", error="insufficient_scope", scope="bots:write usage:read""#])
    }

    @Test func aForbiddenDenialWithoutScopesHasNoChallenge() async throws {
        let refusal = try #require(try await refusal(gate(), ReadOnly(), method: "POST"))
        #expect(refusal.status == 403)
        #expect(refusal.challenges.isEmpty)
    }

    @Test func theProblemCarriesStatusCodeDetailAndTitle() async throws {
        let refusal = try #require(try await refusal(gate(), IsAdminUser(), headers: ["Authorization": "Bearer eyJ.good"]))
        #expect(refusal.problem == ProblemDetails(
            status: 403, code: "permission_denied", detail: IsAdminUser.notAdmin.message, title: "Forbidden", type: "about:blank"))
    }

    @Test func theRealmIsConfigurable() async throws {
        let gate = Gatekeeper(authenticators: [StubAuthenticator(Schemes.jwt, .absent)], realm: "acme")
        let refusal = try #require(try await refusal(gate, IsAuthenticated()))
        #expect(refusal.challenges == [#"Bearer realm="acme""#])
    }
}

@Suite struct ProblemDetailsTests {
    @Test func theTitleComesFromTheStatus() {
        #expect(ProblemDetails(status: 401, code: "not_authenticated", detail: "").title == "Unauthorized")
        #expect(ProblemDetails(status: 403, code: "permission_denied", detail: "").title == "Forbidden")
        #expect(ProblemDetails(status: 418, code: "teapot", detail: "").title == "HTTP 418")
    }

    @Test func anExplicitTitleAndTypeAreKept() {
        let problem = ProblemDetails(status: 403, code: "not_owner", detail: "Not yours.", title: "Not the owner", type: "https://example.com/not-owner")
        #expect(problem.title == "Not the owner")
        #expect(problem.type == "https://example.com/not-owner")
    }
}

@Suite struct CSRFRefusalTests {
    /// A browser session whose POST forgot the CSRF header, on the usual "user or user's key" route.
    @Test func aMissingCSRFHeaderIsTheAnswerEvenInAnOr() async throws {
        let gate = Gatekeeper(authenticators: [
            APIKeyAuthenticator(keys: KeyService(store: InMemoryKeyStore()), users: StubDirectory(users: [Users.alice])),
            SessionCookieAuthenticator(sessions: StubSessions(sessions: ["s3ss10n": ResolvedSession(user: Users.alice, csrfToken: "t0k3n")])),
        ])
        let request = gate.request(for: RequestFacts(method: "POST", path: "/api/items/", headers: ["Cookie": "sessionid=s3ss10n"]))
        let refusal = try #require(try await refusalOrNil(gate, request, by: IsAuthenticated() | HasUserAPIKey()))
        #expect(refusal.status == 403)
        #expect(refusal.problem.code == "csrf_failed")
        #expect(refusal.challenges.isEmpty)
    }
}

/// The refusal `gate` answers `request` with, or `nil` when the permission allows.
func refusalOrNil(_ gate: Gatekeeper, _ request: AuthRequest, by permission: any Permission) async throws -> Refusal? {
    do {
        _ = try await gate.authorize(request, by: permission)
        return nil
    } catch let refusal as Refusal {
        return refusal
    }
}
