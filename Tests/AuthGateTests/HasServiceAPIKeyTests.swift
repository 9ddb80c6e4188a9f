import AuthGate
import KeyCore
import Testing

@Suite struct HasServiceAPIKeyTests {
    func apiKeyRequest(owner: KeyOwner?, user: UserIdentity? = nil) -> AuthRequest {
        makeRequest("POST", [StubAuthenticator(Schemes.apiKey, .authenticated(.apiKey(keyRecord(owner: owner), user: user)))])
    }

    @Test func allowsAServicesKeyOnThatKey() async throws {
        let serviceKey = Principal.apiKey(keyRecord(owner: KeyOwner(.service, "gateway")), user: nil)
        #expect(try await HasServiceAPIKey().evaluate(apiKeyRequest(owner: KeyOwner(.service, "gateway"))) == .allow(on: serviceKey))
    }

    @Test func refusesAUsersKeyWith403() async throws {
        let decision = try await HasServiceAPIKey().evaluate(apiKeyRequest(owner: KeyOwner(.user, "42"), user: Users.alice))
        #expect(decision == .deny(HasServiceAPIKey.notAServiceKey))
        #expect(decision.denial?.status == .forbidden)
    }

    @Test func refusesATeamKeyAndAKeyOfNoOwnerWith403() async throws {
        for owner in [KeyOwner(.team, "acme"), nil] {
            #expect(try await HasServiceAPIKey().evaluate(apiKeyRequest(owner: owner)) == .deny(HasServiceAPIKey.notAServiceKey))
        }
    }

    @Test func withoutAKeyIs401NotAuthenticated() async throws {
        let request = makeRequest("POST", [StubAuthenticator(Schemes.apiKey, .absent), StubAuthenticator(Schemes.jwt, .authenticated(.user(Users.admin)))])
        #expect(try await HasServiceAPIKey().evaluate(request) == .deny(.notAuthenticated))
    }

    @Test func aRejectedKeyAnswersWithItsDenial() async throws {
        let request = makeRequest("POST", [StubAuthenticator(Schemes.apiKey, .rejected(.failed, reason: "revoked"))])
        #expect(try await HasServiceAPIKey().evaluate(request) == .deny(.failed))
    }

    @Test func isDescribedAsEachAPIKeySchemeAlone() {
        let alternatives = HasServiceAPIKey().securityAlternatives(for: "POST", schemes: [Schemes.apiKey, Schemes.jwt, Schemes.cookie, Schemes.pat])
        #expect(alternatives == SecurityAlternatives([["ApiKeyAuth": []]]))
    }
}
