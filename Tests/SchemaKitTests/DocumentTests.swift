import Foundation
import OpenAPIKit
import OpenAPIKit30
import SchemaKit
import Testing
import Yams

@Suite struct DocumentTests {
    let generator = SampleAPI.generator

    @Test func theDefaultIsOpenAPI303JSONThatOpenAPIKitReadsBackAndValidates() throws {
        let data = try generator.render()
        let document = try JSONDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: data)
        #expect(document.openAPIVersion == .v3_0_3)
        #expect(document.info.title == "Pegasus")
        try document.validate()
    }

    @Test func pathsKeepTheirTrailingSlashAndParameters() throws {
        let json = try SampleAPI.json(generator.render())
        let paths = try #require(json["paths"] as? [String: Any])
        #expect(paths.keys.sorted() == [
            "/api/auth/login/", "/api/keys/{id}/", "/api/schema/", "/healthz",
            "/pegasus/employees/api/employees/", "/pegasus/employees/api/employees/{id}/",
        ])
    }

    @Test func componentsHoldEveryReflectedTypeByName() throws {
        let document = try generator.document30()
        #expect(document.components.schemas.keys.map(\.rawValue) == [
            "Contact", "DocumentFormat", "Employee", "EmployeeDepartment", "EmployeeInput", "Node", "Point", "Problem", "Segment",
        ])
    }

    @Test func operationsCarryTheirDescription() throws {
        let document = try generator.document30()
        let list = try #require(document.paths["/pegasus/employees/api/employees/"]?.b?.get)
        #expect(list.operationId == "employees_list")
        #expect(list.tags == ["employees"])
        #expect(list.summary == "List your employees")
        #expect(referencedName(list.responses[.status(code: 200)]?.b?.content[.json]?.schema?.b?.arrayContext?.items) == "Employee")
        #expect(try #require(document.paths["/healthz"]?.b?.get).deprecated)
        let create = try #require(document.paths["/pegasus/employees/api/employees/"]?.b?.post)
        #expect(referencedName(create.requestBody?.b?.content[.json]?.schema?.b) == "EmployeeInput")
        #expect(create.requestBody?.b?.required == true)
    }

    @Test func pathParametersAreTypedAndDefaultToString() throws {
        let document = try generator.document30()
        let employee = try #require(document.paths["/pegasus/employees/api/employees/{id}/"]?.b?.get?.parameters.first?.b)
        #expect(employee.context == .path)
        #expect(employee.description == "The employee's id.")
        #expect(employee.schemaOrContent.a?.schema.b?.formatString == "uuid")
        let key = try #require(document.paths["/api/keys/{id}/"]?.b?.delete?.parameters.first?.b)
        #expect(key.name == "id")
        #expect(key.schemaOrContent.a?.schema.b?.jsonType == .string)
        #expect(key.schemaOrContent.a?.schema.b?.formatString == "")
    }

    @Test func aSchemaEnumQueryParameterRefersToItsComponent() throws {
        let document = try generator.document30()
        let format = try #require(document.paths["/api/schema/"]?.b?.get?.parameters.first?.b)
        #expect(format.context == .query(required: false))
        #expect(referencedName(format.schemaOrContent.a?.schema.b) == "DocumentFormat")
    }

    @Test func errorResponsesAreProblemJSON() throws {
        let json = try SampleAPI.json(generator.render())
        let content = json["paths", "/api/keys/{id}/", "delete", "responses", "404", "content"] as? [String: Any]
        #expect(content?.keys.sorted() == ["application/problem+json"])
        #expect(json["paths", "/api/keys/{id}/", "delete", "responses", "204", "content"] == nil)
    }

    @Test func responsesWithOneStatusShareItsContent() throws {
        let json = try SampleAPI.json(generator.render())
        let content = json["paths", "/api/schema/", "get", "responses", "200", "content"] as? [String: Any]
        #expect(content?.keys.sorted() == ["application/vnd.oai.openapi", "application/vnd.oai.openapi+json"])
    }

    @Test func openAPI31IsReadBackByOpenAPIKit() throws {
        let data = try generator.render(.v3_1_0)
        let document = try JSONDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: data)
        #expect(document.openAPIVersion == .v3_1_0)
        #expect(document.paths.keys.count == 6)
        #expect(document.components.schemas.keys.contains("Employee"))
        try document.validate()
    }

    @Test func openAPI31WritesNullableAsATypeList() throws {
        let json = try SampleAPI.json(generator.render(.v3_1_0))
        let name = json["components", "schemas", "EmployeeInput", "properties", "name"] as? [String: Any]
        #expect(name?["type"] as? [String] == ["string", "null"])
        #expect(name?["nullable"] == nil)
    }

    @Test func openAPI31WritesANullableReferenceAsAnyOfNull() throws {
        let json = try SampleAPI.json(generator.render(.v3_1_0))
        let manager = json["components", "schemas", "Employee", "properties", "manager"] as? [String: Any]
        let anyOf = try #require(manager?["anyOf"] as? [[String: String]])
        #expect(anyOf == [["$ref": "#/components/schemas/Point"], ["type": "null"]])
    }

    @Test func openAPI31AddsNoDefaultsThe30DocumentDoesNotHave() throws {
        let yaml = String(decoding: try generator.render(.v3_1_0, as: .yaml), as: UTF8.self)
        for keyword in ["minItems", "uniqueItems", "minProperties"] {
            #expect(!yaml.contains(keyword), "\(keyword)")
        }
        let json = try SampleAPI.json(generator.render(.v3_1_0))
        let list = json["paths", "/pegasus/employees/api/employees/", "get", "responses", "200", "content", "application/json", "schema"]
        let expected: [String: Any] = ["type": "array", "items": ["$ref": "#/components/schemas/Employee"]]
        #expect((list as? NSDictionary)?.isEqual(to: expected) == true)
    }

    @Test func openAPI30WritesANullableReferenceAsAllOfNullable() throws {
        let json = try SampleAPI.json(generator.render(.v3_0_3))
        let manager = json["components", "schemas", "Employee", "properties", "manager"] as? [String: Any]
        #expect(manager?["allOf"] as? [[String: String]] == [["$ref": "#/components/schemas/Point"]])
        #expect(manager?["nullable"] as? Bool == true)
    }

    @Test func yamlOutputParsesWithYamsIntoTheSameDocumentAsJSON() throws {
        let yaml = String(decoding: try generator.render(as: .yaml), as: UTF8.self)
        let fromYAML = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let fromJSON = try SampleAPI.json(generator.render(as: .json))
        #expect(NSDictionary(dictionary: fromYAML).isEqual(to: fromJSON))
        #expect(try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: yaml).openAPIVersion == .v3_0_3)
    }

    /// People and tools expect the version first, then `info`, `paths`, `components` (as
    /// drf-spectacular writes them); everything below the top is sorted.
    @Test(arguments: [OpenAPIVersion.v3_0_3, .v3_1_0])
    func yamlStartsWithTheVersionInTheConventionalOrder(version: OpenAPIVersion) throws {
        let yaml = String(decoding: try generator.render(version, as: .yaml), as: UTF8.self)
        #expect(yaml.hasPrefix("openapi: \(version.rawValue)\n"))
        let topLevel = yaml.split(separator: "\n").filter { $0.first?.isLetter == true }.map { String($0.prefix { $0 != ":" }) }
        #expect(topLevel.filter { ["openapi", "info", "paths", "components"].contains($0) } == ["openapi", "info", "paths", "components"])
    }

    @Test func yamlQuotesResponseStatusesSoTheyStayStrings() throws {
        let yaml = String(decoding: try generator.render(as: .yaml), as: UTF8.self)
        #expect(yaml.contains("'200':"))
        #expect(!yaml.contains(" 200:"))
        let statuses = try #require(try Yams.load(yaml: yaml) as? [String: Any])["paths", "/healthz", "get", "responses"]
        #expect((statuses as? [String: Any])?.keys.sorted() == ["200"])
    }

    @Test(arguments: OpenAPIVersion.allCases, DocumentFormat.allCases)
    func twoGenerationsAreByteIdentical(version: OpenAPIVersion, format: DocumentFormat) throws {
        let again = OpenAPIGenerator(info: generator.info, securitySchemes: generator.securitySchemes.reversed(), routes: generator.routes)
        #expect(try generator.render(version, as: format) == again.render(version, as: format))
    }
}
