import AuthGate
import Testing

/// `APIKeyHeader` reads keys as djangorestframework-api-key's `KeyParser` does.
@Suite struct APIKeyHeaderTests {
    func key(_ headers: KeyValuePairs<String, String>, via header: APIKeyHeader = .standard) -> String? {
        header.key(in: RequestFacts(method: "GET", path: "/", headers: headers))
    }

    @Test func theKeyFollowsTheKeywordAndOneSpace() {
        #expect(key(["Authorization": "Api-Key k"]) == "k")
    }

    @Test func theKeywordIsCaseInsensitive() {
        #expect(key(["Authorization": "api-key k"]) == "k")
        #expect(key(["Authorization": "API-KEY k"]) == "k")
    }

    @Test func theHeaderNameIsCaseInsensitive() {
        #expect(key(["authorization": "Api-Key k"]) == "k")
    }

    @Test func aKeywordWithoutASpaceIsNoKey() {
        #expect(key(["Authorization": "Api-Key:"]) == nil)
        #expect(key(["Authorization": "Api-Key:k"]) == nil)
        #expect(key(["Authorization": "Api-Key"]) == nil)
    }

    @Test func anotherKeywordIsNoKey() {
        #expect(key(["Authorization": "Bearer k"]) == nil)
        #expect(key(["Authorization": "Api-Keys k"]) == nil)
    }

    @Test func noAuthorizationHeaderIsNoKey() {
        #expect(key(["X-Api-Key": "k"]) == nil)
    }

    @Test func everythingAfterTheFirstSpaceIsTheKeyAsIs() {
        #expect(key(["Authorization": "Api-Key  k"]) == " k")
        #expect(key(["Authorization": "Api-Key k k"]) == "k k")
    }

    @Test func anEmptyKeyCountsAsNoKeyInEitherForm() {
        #expect(key(["Authorization": "Api-Key "]) == nil)
        #expect(key(["X-Api-Key": ""], via: .custom("X-Api-Key")) == nil)
    }

    @Test func aCustomKeywordIsHonoured() {
        #expect(key(["Authorization": "token k"], via: .authorization(keyword: "Token")) == "k")
        #expect(key(["Authorization": "Api-Key k"], via: .authorization(keyword: "Token")) == nil)
    }

    @Test func aCustomHeaderCarriesTheWholeValue() {
        #expect(key(["x-api-key": "k"], via: .custom("X-Api-Key")) == "k")
    }

    @Test func aCustomHeaderReplacesTheAuthorizationForm() {
        #expect(key(["Authorization": "Api-Key k"], via: .custom("X-Api-Key")) == nil)
        #expect(key(["Authorization": "Api-Key other", "X-Api-Key": "k"], via: .custom("X-Api-Key")) == "k")
    }
}
