import AuthGate
import Testing

@Suite struct RequestFactsTests {
    @Test func headerLookupIgnoresCase() {
        let facts = RequestFacts(method: "GET", path: "/", headers: ["X-CSRFToken": "t"])
        #expect(facts.header("x-csrftoken") == "t")
        #expect(facts.header("X-CSRFTOKEN") == "t")
        #expect(facts.header("X-Other") == nil)
    }

    @Test func theFirstOfRepeatedHeadersIsReturned() {
        let facts = RequestFacts(method: "GET", path: "/", headers: [(name: "Accept", value: "a"), (name: "accept", value: "b")])
        #expect(facts.header("Accept") == "a")
    }

    @Test func cookiesAreParsedFromTheCookieHeader() {
        let facts = RequestFacts(method: "GET", path: "/", headers: ["Cookie": "a=1; b=2"])
        #expect(facts.cookies == ["a": "1", "b": "2"])
    }

    @Test func cookiesKeepEqualsSignsInValuesAndSkipPairsWithoutOne() {
        let facts = RequestFacts(method: "GET", path: "/", headers: ["cookie": "token=x=y;flag; c = 3 "])
        #expect(facts.cookies == ["token": "x=y", "c": "3"])
    }

    @Test func theFirstOfDuplicateCookiesWinsAcrossCookieHeaders() {
        let facts = RequestFacts(method: "GET", path: "/", headers: [(name: "Cookie", value: "a=1"), (name: "Cookie", value: "a=2; b=3")])
        #expect(facts.cookies == ["a": "1", "b": "3"])
    }

    @Test func theMethodIsUpperCased() {
        #expect(RequestFacts(method: "post", path: "/").method == "POST")
    }

    @Test(arguments: ["GET", "head", "Options"])
    func safeMethodsAreSafe(method: String) {
        #expect(RequestFacts(method: method, path: "/").isSafeMethod)
    }

    @Test(arguments: ["POST", "PUT", "PATCH", "DELETE"])
    func unsafeMethodsAreNotSafe(method: String) {
        #expect(!RequestFacts(method: method, path: "/").isSafeMethod)
    }
}
