import AuthGate
import Testing

struct SecurityAlternativesTests {
    @Test func orDropsAnAlternativeThatAsksForMore() {
        let either = SecurityAlternatives([["ApiKeyAuth": []]]).or(SecurityAlternatives([["ApiKeyAuth": [], "jwtAuth": []]]))
        #expect(either.requirements == [["ApiKeyAuth": []]])
    }

    @Test func andJoinsEveryPairAndUnitesScopes() {
        let both = SecurityAlternatives([["patAuth": ["bots:read"]], ["jwtAuth": []]])
            .and(SecurityAlternatives([["patAuth": ["usage:read"]]]))
        #expect(both.requirements == [["patAuth": ["bots:read", "usage:read"]], ["jwtAuth": [], "patAuth": ["usage:read"]]])
    }

    @Test func anonymousAbsorbsEverythingInAnOr() {
        #expect(SecurityAlternatives.anonymous.or(SecurityAlternatives([["jwtAuth": []]])) == .anonymous)
        #expect(SecurityAlternatives.unsatisfiable.and(.anonymous) == .unsatisfiable)
    }
}
