import Foundation
import SchemaKit
import Testing

@Suite struct SecurityTests {
    func operation(security: [[String: [String]]]?, version: OpenAPIVersion = .v3_1_0) throws -> [String: Any] {
        let route = OperationDescription(.get, "/api/profile/", responses: [ResponseDescription(200, "You.")], security: security)
        let schemes = SampleAPI.schemes + [.bearer("patAuth")]
        let generator = OpenAPIGenerator(info: DocumentInfo(title: "T", version: "1"), securitySchemes: schemes, routes: [route])
        return try SampleAPI.json(generator.render(version))["paths", "/api/profile/", "get"] as? [String: Any] ?? [:]
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

    /// OpenAPI 3.0 allows scope lists only for OAuth2/OpenID Connect schemes: a 3.0.3 document
    /// writes empty lists in `security` and the scopes in the operation's `x-scopes`; 3.1 has
    /// them in both places.
    @Test(arguments: [OpenAPIVersion.v3_0_3, .v3_1_0])
    func scopesAreReadableFromXScopesInEitherVersion(version: OpenAPIVersion) throws {
        let alternatives: [[String: [String]]] = [["jwtAuth": []], ["patAuth": ["bots:write"]]]
        let operation = try operation(security: alternatives, version: version)
        let security = try #require(operation["security"] as? [[String: [String]]])
        #expect(security == (version == .v3_0_3 ? [["jwtAuth": []], ["patAuth": []]] : alternatives))
        #expect(operation["x-scopes"] as? [String: [String]] == ["patAuth": ["bots:write"]])
    }

    @Test func anOperationWithoutScopesHasNoXScopes() throws {
        #expect(try operation(security: [["jwtAuth": []]])["x-scopes"] == nil)
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
