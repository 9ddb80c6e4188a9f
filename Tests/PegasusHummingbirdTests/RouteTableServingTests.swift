import AuthGate
import Testing

/// The table's router over real HTTP: handlers run behind their permission and act for the
/// principal the deciding branch allowed on.
@Suite struct RouteTableServingTests {
    let app = SampleApp()

    @Test func aRequestWithoutCredentialsGets401WithAChallengeAndAProblem() async throws {
        try await app.serving { url in
            let answer = try await get(url, "/whoami/")
            #expect(answer.status == 401)
            #expect(answer.header("Content-Type") == "application/problem+json")
            #expect(answer.text.contains(#""code":"not_authenticated""#))
            #expect(answer.header("WWW-Authenticate")?.contains("Bearer") == true)
        }
    }

    /// A non-admin sign-in of Alice beside Bob's key: the admin branch denies, the key branch
    /// allows, so Bob acts — not Alice, whose credential was read first.
    @Test func theKeyBranchActsWhenTheSignInBranchDenied() async throws {
        let bobsKey = try await app.key(for: People.bob)
        try await app.serving { url in
            let answer = try await get(url, "/whoami/", headers: ["Authorization": "Bearer alice-token", "X-Api-Key": bobsKey])
            #expect(answer.status == 200)
            #expect(answer.text == "b")
        }
    }

    @Test func aThrownProblemErrorIsItsProblemResponse() async throws {
        let alicesKey = try await app.key(for: People.alice)
        try await app.serving { url in
            #expect(try await get(url, "/titles/1/", headers: ["X-Api-Key": alicesKey]).text == "First")
            let missing = try await get(url, "/titles/9/", headers: ["X-Api-Key": alicesKey])
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "application/problem+json")
            #expect(missing.text.contains(#""detail":"No title with this id.""#))
        }
    }
}
