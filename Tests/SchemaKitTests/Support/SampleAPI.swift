import Foundation
import SchemaKit

/// A small API in the shape of pegasusd's: employees (SaaS Pegasus' demo), API keys, login,
/// health, and the schema itself.
enum SampleAPI {
    static let schemes: [SecuritySchemeDescription] = [
        .apiKey("ApiKeyAuth", header: "Authorization", description: "Api-Key <key>"),
        .apiKey("cookieAuth", cookie: "sessionid"),
        .bearer("jwtAuth", format: "JWT"),
    ]

    static let signedIn: [[String: [String]]] = [["ApiKeyAuth": []], ["jwtAuth": []], ["cookieAuth": []]]
    static let problems = [ResponseDescription.problem(401, "Not signed in.", body: Problem.self)]

    static let routes: [OperationDescription] = [
        OperationDescription(.get, "/pegasus/employees/api/employees/", tags: ["employees"], summary: "List your employees",
                         responses: [ResponseDescription(200, "The employees.", body: [Employee].self)] + problems, security: signedIn),
        OperationDescription(.post, "/pegasus/employees/api/employees/", tags: ["employees"],
                         requestBody: RequestBodyDescription(EmployeeInput.self),
                         responses: [ResponseDescription(201, "Created.", body: Employee.self)] + problems, security: signedIn),
        OperationDescription(.get, "/pegasus/employees/api/employees/{id}/", tags: ["employees"],
                         pathParameters: [PathParameter("id", type: UUID.self, description: "The employee's id.")],
                         responses: [ResponseDescription(200, "The employee.", body: Employee.self)] + problems, security: signedIn),
        OperationDescription(.delete, "/api/keys/{id}/", tags: ["keys"],
                         responses: [ResponseDescription(204, "Revoked."), .problem(404, "No such key.", body: Problem.self)],
                         security: [["jwtAuth": []], ["cookieAuth": []]]),
        OperationDescription(.post, "/api/auth/login/", tags: ["auth"], requestBody: RequestBodyDescription(Contact.self),
                         responses: [ResponseDescription(200, "Signed in.", body: Segment.self)], security: [[:]]),
        OperationDescription(.get, "/api/schema/", tags: ["schema"],
                         queryParameters: [QueryParameter("format", type: DocumentFormat.self, description: "json or yaml")],
                         responses: [ResponseDescription(200, "The schema.", body: String.self, contentType: "application/vnd.oai.openapi"),
                                     ResponseDescription(200, "The schema.", body: [String: String].self, contentType: "application/vnd.oai.openapi+json")],
                         security: [[:]]),
        OperationDescription(.get, "/healthz", responses: [ResponseDescription(200, "Up.", body: Node.self)], security: [[:]], deprecated: true),
    ]

    static let generator = OpenAPIGenerator(
        info: DocumentInfo(title: "Pegasus", version: "1.0.0", description: "The sample API.", servers: [.init("/", description: "here")]),
        securitySchemes: schemes,
        routes: routes
    )

    /// `data` parsed as JSON: objects as `[String: Any]`.
    static func json(_ data: Data) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at a path of object keys, e.g. `self["paths", "/healthz", "get"]`.
    subscript(path: String...) -> Any? {
        var value: Any? = self
        for key in path { value = (value as? [String: Any])?[key] }
        return value
    }
}
