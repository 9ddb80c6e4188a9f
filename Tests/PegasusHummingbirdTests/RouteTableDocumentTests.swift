import AuthGate
import Foundation
import SchemaKit
import Testing

/// The document a table describes: each operation's security from its permission, and the error
/// answers that follow from what it does.
@Suite struct RouteTableDocumentTests {
    let app = SampleApp()

    @Test func securityComesFromEachPermission() throws {
        let operations = app.table.operations(schemes: app.gatekeeper.schemes)
        #expect(operations.map(\.label) == ["GET /whoami/", "GET /titles/{id}/"])
        // `(IsAuthenticated() & IsAdminUser()) | HasUserAPIKey()`: a sign-in or a key.
        #expect(operations[0].security == [["jwtAuth": []], ["ApiKeyAuth": []]])
    }

    @Test func errorAnswersFollowFromCredentialsAndPathParameters() throws {
        let operations = app.table.operations(schemes: app.gatekeeper.schemes)
        #expect(operations[0].responses.map(\.status) == [200, 401, 403])
        #expect(operations[1].responses.map(\.status) == [200, 401, 403, 404])
        #expect(operations[1].responses.dropFirst().allSatisfy { $0.contentType == "application/problem+json" })
    }

    @Test func theDocumentValidatesAndNamesTheSchemes() throws {
        let generator = app.table.openAPI(info: DocumentInfo(title: "Notes", version: "1.0.0"), schemes: app.gatekeeper.schemes)
        try generator.validate(.v3_0_3)
        let json = try JSONSerialization.jsonObject(with: generator.render(.v3_0_3, as: .json)) as? [String: Any]
        let schemes = (json?["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: String]]
        #expect(schemes?["ApiKeyAuth"]?["name"] == "X-Api-Key")
        #expect(schemes?["jwtAuth"]?["scheme"] == "bearer")
    }

    @Test func methodsForAPathFollowItsTemplate() {
        #expect(app.table.methods(for: "/titles/7/") == [.get])
        #expect(app.table.methods(for: "/titles/7") == [.get])
        #expect(app.table.methods(for: "/titles/").isEmpty)
    }
}
