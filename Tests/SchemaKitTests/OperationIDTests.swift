import OpenAPIKit30
import SchemaKit
import Testing

@Suite struct OperationIDTests {
    static let employees = "/pegasus/employees/api/employees/"
    static let employee = "/pegasus/employees/api/employees/{id}/"

    /// SaaS Pegasus' client calls `employeesList()`, `employeesCreate()`...: DRF's names.
    @Test(arguments: [
        (OperationDescription.Method.get, employees, true, "employees_list"),
        (.post, employees, false, "employees_create"),
        (.get, employee, false, "employees_retrieve"),
        (.put, employee, false, "employees_update"),
        (.patch, employee, false, "employees_partial_update"),
        (.delete, employee, false, "employees_destroy"),
        (.post, "/api/auth/login/", false, "auth_login_create"),
        (.delete, "/api/keys/{id}/", false, "keys_destroy"),
        (.get, "/healthz", false, "healthz_retrieve"),
    ])
    func derivedOperationIDFollowsTheRule(method: OperationDescription.Method, path: String, returnsList: Bool, expected: String) {
        #expect(OperationDescription.derivedOperationID(method: method, path: path, returnsList: returnsList) == expected)
    }

    @Test func aGetAnsweringAnArrayIsList() {
        let route = OperationDescription(.get, Self.employees, responses: [ResponseDescription(200, "The employees.", body: [Employee].self)])
        #expect(route.resolvedOperationID == "employees_list")
    }

    /// A page of a list (`{count, next, previous, results}`) is named like a list, as
    /// drf-spectacular names paginated operations.
    @Test func aGetAnsweringAListPageIsList() {
        struct EmployeePage: Decodable, ListPage {
            let count: Int
            let results: [Employee]
        }
        let route = OperationDescription(.get, Self.employees, responses: [ResponseDescription(200, "A page.", body: EmployeePage.self)])
        #expect(route.resolvedOperationID == "employees_list")
    }

    @Test func aGetAnsweringAnObjectIsRetrieve() {
        let route = OperationDescription(.get, "/api/auth/user/", responses: [ResponseDescription(200, "You.", body: Employee.self)])
        #expect(route.resolvedOperationID == "auth_user_retrieve")
    }

    @Test func aGetOnAPathEndingInAParameterIsRetrieveEvenForAnArray() {
        let route = OperationDescription(.get, "/api/bots/{id}/", responses: [ResponseDescription(200, "Tags.", body: [String].self)])
        #expect(route.resolvedOperationID == "bots_retrieve")
    }

    @Test func segmentsAfterAParameterStayAndDashesBecomeUnderscores() {
        #expect(OperationDescription.derivedOperationID(method: .get, path: "/api/bots/{id}/documents/", returnsList: true) == "bots_documents_list")
        #expect(OperationDescription.derivedOperationID(method: .get, path: "/api/schema/swagger-ui/", returnsList: false) == "schema_swagger_ui_retrieve")
    }

    @Test func anOverrideReplacesTheDerivedOperationID() throws {
        let route = OperationDescription(.get, "/healthz", operationID: "health", responses: [ResponseDescription(200, "Up.")])
        #expect(route.resolvedOperationID == "health")
        let document = try OpenAPIGenerator(info: DocumentInfo(title: "T", version: "1"), routes: [route]).document30()
        #expect(document.paths["/healthz"]?.b?.get?.operationId == "health")
    }

    @Test func duplicateOperationIDsAreAnErrorNamingBothRoutes() {
        let routes = [
            OperationDescription(.get, "/api/keys/", responses: [ResponseDescription(200, "Keys.", body: [Point].self)]),
            OperationDescription(.get, "/api/tokens/", operationID: "keys_list", responses: [ResponseDescription(200, "Tokens.", body: [Point].self)]),
        ]
        #expect(throws: SchemaError.duplicateOperationID("keys_list", first: "GET /api/keys/", second: "GET /api/tokens/")) {
            try OpenAPIGenerator(info: DocumentInfo(title: "T", version: "1"), routes: routes).document30()
        }
    }

    @Test func theSameMethodAndPathTwiceIsAnError() {
        let routes = [
            OperationDescription(.delete, "/api/keys/{id}/", responses: [ResponseDescription(204, "Gone.")]),
            OperationDescription(.delete, "/api/keys/{key}/", operationID: "other", responses: [ResponseDescription(204, "Gone.")]),
        ]
        #expect(throws: SchemaError.duplicateRoute("DELETE /api/keys/{key}/")) {
            try OpenAPIGenerator(info: DocumentInfo(title: "T", version: "1"), routes: routes).document30()
        }
    }
}
