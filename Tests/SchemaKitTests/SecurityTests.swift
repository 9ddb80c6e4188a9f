import Foundation
import SchemaKit
import Testing

@Suite struct SecurityTests {
    func operation(security: [[String: [String]]]?) throws -> [String: Any] {
        let route = OperationDescription(.get, "/api/profile/", responses: [ResponseDescription(200, "You.")], security: security)
        let schemes = SampleAPI.schemes + [.bearer("patAuth")]
        let generator = OpenAPIGenerator(info: DocumentInfo(title: "T", version: "1"), securitySchemes: schemes, routes: [route])
        return try SampleAPI.json(generator.render())["paths", "/api/profile/", "get"] as? [String: Any] ?? [:]
    }

    @Test func anonymousIsOneEmptyRequirement() throws {
        let security = try #require(operation(security: [[:]])["security"] as? [[String: [String]]])
        #expect(security == [[:]])
    }

    @Test func alternativesAreORedRequirementsOfANDedSchemesWithScopes() throws {
        let alternatives: [[String: [String]]] = [["ApiKeyAuth": []], ["jwtAuth": [], "cookieAuth": []], ["patAuth": ["bots:read", "bots:write"]]]
        let security = try #require(operation(security: alternatives)["security"] as? [[String: [String]]])
        #expect(security == alternatives)
    }

    @Test func aRouteWithoutSecuritySaysNothingAboutIt() throws {
        #expect(try operation(security: nil)["security"] == nil)
    }

    @Test func noAlternativeAtAllIsAnErrorNotAnonymous() {
        #expect(throws: SchemaError.unsatisfiableSecurity(route: "GET /api/profile/")) { try operation(security: []) }
    }

    @Test func aSchemeThatIsNotDescribedIsAnError() {
        #expect(throws: SchemaError.unknownSecurityScheme(route: "GET /api/profile/", scheme: "basicAuth")) {
            try operation(security: [["basicAuth": []]])
        }
    }

    @Test func schemesBecomeSecuritySchemeComponents() throws {
        let schemes = try #require(SampleAPI.json(SampleAPI.generator.render())["components", "securitySchemes"] as? [String: [String: String]])
        #expect(schemes["ApiKeyAuth"] == ["type": "apiKey", "in": "header", "name": "Authorization", "description": "Api-Key <key>"])
        #expect(schemes["cookieAuth"] == ["type": "apiKey", "in": "cookie", "name": "sessionid"])
        #expect(schemes["jwtAuth"] == ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"])
    }

    @Test func twoSchemesWithOneNameAreAnError() {
        let generator = OpenAPIGenerator(info: DocumentInfo(title: "T", version: "1"),
                                         securitySchemes: [.bearer("jwtAuth"), .apiKey("jwtAuth", header: "X-Api-Key")], routes: [])
        #expect(throws: SchemaError.duplicateSecurityScheme("jwtAuth")) { try generator.document30() }
    }
}
