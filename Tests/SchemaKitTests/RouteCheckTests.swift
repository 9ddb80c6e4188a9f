import SchemaKit
import Testing

@Suite struct RouteCheckTests {
    func generate(_ route: OperationDescription) throws {
        _ = try OpenAPIGenerator(info: DocumentInfo(title: "T", version: "1"), routes: [route]).document30()
    }

    @Test func aPathWithoutALeadingSlashIsAnError() {
        #expect(throws: SchemaError.invalidPath(route: "GET api/keys/", reason: "it must start with /")) {
            try generate(OperationDescription(.get, "api/keys/", responses: [ResponseDescription(200, "Keys.")]))
        }
    }

    @Test func aBraceThatIsNotAWholeSegmentIsAnError() {
        #expect(throws: SchemaError.self) {
            try generate(OperationDescription(.get, "/api/keys/{id}.json", responses: [ResponseDescription(200, "Key.")]))
        }
    }

    @Test func aDeclaredPathParameterMissingFromThePathIsAnError() {
        let route = OperationDescription(.get, "/api/keys/", pathParameters: [PathParameter("id")], responses: [ResponseDescription(200, "Keys.")])
        #expect(throws: SchemaError.unknownPathParameter(route: "GET /api/keys/", name: "id")) { try generate(route) }
    }

    @Test func aRouteWithoutResponsesIsAnError() {
        #expect(throws: SchemaError.noResponses(route: "GET /healthz")) {
            try generate(OperationDescription(.get, "/healthz", responses: []))
        }
    }

    @Test func errorsHaveAMessageAndACode() {
        let error = SchemaError.duplicateOperationID("keys_list", first: "GET /api/keys/", second: "GET /api/tokens/")
        #expect(error.code == "duplicate_operation_id")
        #expect(error.description.contains("GET /api/keys/") && error.description.contains("GET /api/tokens/"))
    }
}
