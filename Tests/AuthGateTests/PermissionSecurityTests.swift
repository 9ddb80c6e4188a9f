import AuthGate
import Testing

/// Permissions describe themselves as OpenAPI security alternatives.
@Suite struct PermissionSecurityTests {
    let schemes = [Schemes.apiKey, Schemes.jwt, Schemes.cookie, Schemes.pat]

    func alternatives(_ permission: any Permission, _ method: String = "GET") -> [SecurityAlternatives.Requirement] {
        permission.securityAlternatives(for: method, schemes: schemes).requirements
    }

    @Test func userKeyOrSignInAcceptsEachSchemeAlone() {
        #expect(alternatives(HasUserAPIKey() | IsAuthenticated()) == [["ApiKeyAuth": []], ["jwtAuth": []], ["cookieAuth": []]])
    }

    @Test func allowAnyIsAnonymous() {
        #expect(alternatives(AllowAny()) == [[:]])
    }

    @Test func hasScopeAsksAnAccessTokenForItsScopes() {
        #expect(alternatives(HasScope("bots:read", "usage:read")) == [["patAuth": ["bots:read", "usage:read"]]])
    }

    @Test func andJoinsEachSignInWithTheScopedToken() {
        #expect(alternatives(IsAuthenticated() & HasScope("bots:read")) == [
            ["jwtAuth": [], "patAuth": ["bots:read"]], ["cookieAuth": [], "patAuth": ["bots:read"]],
        ])
    }

    @Test func orListsAKeyBesideAScopedToken() {
        #expect(alternatives(HasUserAPIKey() | HasScope("bots:read")) == [["ApiKeyAuth": []], ["patAuth": ["bots:read"]]])
    }

    @Test func isAdminUserAcceptsWhatIsAuthenticatedAccepts() {
        #expect(alternatives(IsAdminUser()) == alternatives(IsAuthenticated()))
    }

    @Test func readOnlyIsAnonymousOnGetAndUnsatisfiableOnPost() {
        #expect(alternatives(ReadOnly(), "GET") == [[:]])
        #expect(alternatives(ReadOnly(), "POST") == [])
    }

    @Test func isAuthenticatedOrReadOnlyAsksForASignInOnlyToWrite() {
        #expect(alternatives(IsAuthenticatedOrReadOnly(), "GET") == [[:]])
        #expect(alternatives(IsAuthenticatedOrReadOnly(), "POST") == [["jwtAuth": []], ["cookieAuth": []]])
    }

    @Test func notIsAnonymous() {
        #expect(alternatives(!IsAuthenticated()) == [[:]])
    }

    @Test func aPermissionOverNoMatchingSchemeIsUnsatisfiable() {
        #expect(HasAPIKey().securityAlternatives(for: "GET", schemes: [Schemes.jwt]) == .unsatisfiable)
    }
}
