import AuthGate
import Foundation
import Hummingbird
import SchemaKit

/// `/pegasus/employees/api/employees/`: SaaS Pegasus' example API, protected by
/// `IsAuthenticated() | HasUserAPIKey()` so the documented curl line with `Api-Key` works.
/// Every operation acts for the request's user and sees only that user's employees.
struct EmployeesAPI {
    let employees: EmployeeStore
    let maxBodyBytes: Int

    static let collection = "/pegasus/employees/api/employees/"
    static let item = "/pegasus/employees/api/employees/{id}/"
    static let permission = IsAuthenticated() | HasUserAPIKey()

    static let id = PathParameter("id", type: UUID.self, description: "The employee's id.")

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, Self.collection, Self.permission, tag: "employees", summary: "List your employees",
                     responds: ResponseDescription(200, "Your employees, oldest first.", body: [EmployeeListing].self)) { _, _, auth in
                let owner = try await auth.requireUser().id
                return try WireJSON.response(try employees.list(ownerID: owner).map(EmployeeListing.init))
            },
            Endpoint(.post, Self.collection, Self.permission, tag: "employees", summary: "Add an employee", body: SchemaKit.RequestBody(EmployeeFields.self),
                     responds: ResponseDescription(201, "The new employee.", body: EmployeeListing.self)) { request, _, auth in
                let owner = try await auth.requireUser().id
                let fields = try await WireJSON.decode(EmployeeFields.self, from: request, limit: maxBodyBytes)
                let now = Date()
                var employee = Employee(
                    id: UUID().uuidString.lowercased(), ownerID: owner, name: "", department: fields.department, salary: 0,
                    createdAt: now, updatedAt: now)
                try fields.apply(to: &employee)
                try await employees.insert(employee)
                return try WireJSON.response(EmployeeListing(employee), status: .created)
            },
            Endpoint(.get, Self.item, Self.permission, tag: "employees", summary: "Show an employee", pathParameters: [Self.id],
                     responds: ResponseDescription(200, "The employee.", body: EmployeeListing.self)) { _, context, auth in
                try WireJSON.response(EmployeeListing(try await find(context, auth)))
            },
            Endpoint(.put, Self.item, Self.permission, tag: "employees", summary: "Replace an employee", pathParameters: [Self.id],
                     body: SchemaKit.RequestBody(EmployeeFields.self), responds: ResponseDescription(200, "The employee as changed.", body: EmployeeListing.self)) { request, context, auth in
                var employee = try await find(context, auth)
                try await WireJSON.decode(EmployeeFields.self, from: request, limit: maxBodyBytes).apply(to: &employee)
                return try await save(employee)
            },
            Endpoint(.patch, Self.item, Self.permission, tag: "employees", summary: "Change some fields of an employee", pathParameters: [Self.id],
                     body: SchemaKit.RequestBody(EmployeePatch.self), responds: ResponseDescription(200, "The employee as changed.", body: EmployeeListing.self)) { request, context, auth in
                var employee = try await find(context, auth)
                try await WireJSON.decode(EmployeePatch.self, from: request, limit: maxBodyBytes).apply(to: &employee)
                return try await save(employee)
            },
            Endpoint(.delete, Self.item, Self.permission, tag: "employees", summary: "Remove an employee", pathParameters: [Self.id],
                     responds: ResponseDescription(204, "Removed.")) { _, context, auth in
                let owner = try await auth.requireUser().id
                guard try await employees.delete(id: try context.parameters.require("id"), ownerID: owner) else {
                    throw APIError.notFound("employee")
                }
                return Response(status: .noContent)
            },
        ]
    }

    private func find(_ context: PegasusRequestContext, _ auth: AuthRequest) async throws -> Employee {
        let owner = try await auth.requireUser().id
        guard let employee = try employees.find(id: try context.parameters.require("id"), ownerID: owner) else {
            throw APIError.notFound("employee")
        }
        return employee
    }

    private func save(_ changed: Employee) async throws -> Response {
        var employee = changed
        employee.updatedAt = Date()
        try await employees.update(employee)
        return try WireJSON.response(EmployeeListing(employee))
    }
}
