import AuthGate
import Testing

@Suite struct WhichDenialWinsTests {
    @Test func andAnswersWithTheFirstDenyingMembersDenial() async throws {
        let permission = StubPermission(allows: true) & StubPermission(.deny(.forbidden("first"))) & StubPermission(.deny(.forbidden("second")))
        #expect(try await permission.evaluate(makeRequest()) == .deny(.forbidden("first")))
    }

    @Test func orGivesAnAuthenticatedCallerTheFirst403() async throws {
        let permission = StubPermission(.deny(.notAuthenticated)) | StubPermission(.deny(.forbidden("first")))
            | StubPermission(.deny(.forbidden("second")))
        #expect(try await permission.evaluate(signedInRequest()) == .deny(.forbidden("first")))
    }

    @Test func orGivesAnAnonymousCallerA401PreferringAFailedCredential() async throws {
        let permission = StubPermission(.deny(.forbidden("read_only"))) | StubPermission(.deny(.notAuthenticated))
            | StubPermission(.deny(.failed))
        #expect(try await permission.evaluate(makeRequest()) == .deny(.failed))
    }

    @Test func orGivesAnAnonymousCallerAFailedCredentialsDenialEvenIfItIsA403() async throws {
        let permission = StubPermission(.deny(.notAuthenticated)) | StubPermission(.deny(SessionCookieAuthenticator.csrfFailed))
        #expect(try await permission.evaluate(makeRequest("POST")) == .deny(SessionCookieAuthenticator.csrfFailed))
    }

    @Test func orPrefersAFailedCredentialByItsFlagNotItsCode() async throws {
        let lookalike = Denial(.unauthenticated, code: Denial.Codes.authenticationFailed, message: "Not a credential failure.")
        let permission = StubPermission(.deny(lookalike)) | StubPermission(.deny(.failed))
        #expect(try await permission.evaluate(makeRequest()) == .deny(.failed))
    }

    @Test func orGivesAnAnonymousCallerTheFirst401WhenNoCredentialFailed() async throws {
        let permission = StubPermission(.deny(.forbidden("read_only"))) | StubPermission(.deny(.unauthenticated("first")))
            | StubPermission(.deny(.notAuthenticated))
        #expect(try await permission.evaluate(makeRequest()) == .deny(.unauthenticated("first")))
    }

    @Test func orFallsBackToTheFirstDenialWhenNoneFitsTheCaller() async throws {
        let only401s = StubPermission(.deny(.unauthenticated("first"))) | StubPermission(.deny(.notAuthenticated))
        #expect(try await only401s.evaluate(signedInRequest()) == .deny(.unauthenticated("first")))
        let only403s = StubPermission(.deny(.forbidden("first"))) | StubPermission(.deny(.forbidden("second")))
        #expect(try await only403s.evaluate(makeRequest()) == .deny(.forbidden("first")))
    }

    @Test func orAtObjectLevelExplainsWithTheMostHelpfulDenial() async throws {
        let permission = StubPermission(.deny(.notAuthenticated)) | StubPermission(.allow(on: nil), object: .deny(.forbidden("not_owner")))
        #expect(try await permission.evaluate(signedInRequest(), object: "item") == .deny(.forbidden("not_owner")))
    }

    @Test func mostHelpfulPicksByCallerNotByPosition() {
        let denials = [Denial.forbidden("read_only"), .notAuthenticated, .failed, .unauthenticated("other")]
        #expect(AnyOf.mostHelpful(denials, authenticated: true) == .forbidden("read_only"))
        #expect(AnyOf.mostHelpful(denials, authenticated: false) == .failed)
    }

    @Test func notDeniesWithItsOwnPlain403() async throws {
        let decision = try await (!StubPermission(allows: true)).evaluate(makeRequest())
        #expect(decision == .deny(Not.denial))
        #expect(Not.denial.status == .forbidden)
        #expect(Not.denial.code == Denial.Codes.permissionDenied)
    }
}
