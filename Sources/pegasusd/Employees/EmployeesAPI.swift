import AuthGate
import Foundation
import Hummingbird

/// `/pegasus/employees/api/employees/`: SaaS Pegasus' example API, protected by
/// `IsAuthenticated() | HasUserAPIKey()` so the documented curl line with `Api-Key` works.
/// Every operation acts for the request's user and sees only that user's employees.
struct EmployeesAPI {
    let employees: EmployeeStore
    let maxBodyBytes: Int

    static let collection = "/pegasus/employees/api/employees/"
    static let item = "/pegasus/employees/api/employees/{id}/"
    static let permission = IsAuthenticated() | HasUserAPIKey()

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, Self.collection, Self.permission, summary: "List your employees") { _, _, auth in
                let owner = try await auth.requireUser().id
                return try WireJSON.response(try await employees.list(ownerID: owner).map(EmployeeListing.init))
            },
            Endpoint(.post, Self.collection, Self.permission, summary: "Add an employee") { request, _, auth in
                let owner = try await auth.requireUser().id
                let input = try await WireJSON.decode(EmployeeInput.self, from: request, limit: maxBodyBytes)
                let now = Date()
                var employee = Employee(
                    id: UUID().uuidString.lowercased(), ownerID: owner, name: "", department: .hr, salary: 0,
                    createdAt: now, updatedAt: now)
                try input.apply(to: &employee, requireAll: true)
                try await employees.insert(employee)
                return try WireJSON.response(EmployeeListing(employee), status: .created)
            },
            Endpoint(.get, Self.item, Self.permission, summary: "Show an employee") { _, context, auth in
                try WireJSON.response(EmployeeListing(try await find(context, auth)))
            },
            Endpoint(.put, Self.item, Self.permission, summary: "Replace an employee") { request, context, auth in
                try await update(request, context, auth, requireAll: true)
            },
            Endpoint(.patch, Self.item, Self.permission, summary: "Change some fields of an employee") { request, context, auth in
                try await update(request, context, auth, requireAll: false)
            },
            Endpoint(.delete, Self.item, Self.permission, summary: "Remove an employee") { _, context, auth in
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
        guard let employee = try await employees.find(id: try context.parameters.require("id"), ownerID: owner) else {
            throw APIError.notFound("employee")
        }
        return employee
    }

    private func update(_ request: Request, _ context: PegasusRequestContext, _ auth: AuthRequest, requireAll: Bool) async throws -> Response {
        var employee = try await find(context, auth)
        let input = try await WireJSON.decode(EmployeeInput.self, from: request, limit: maxBodyBytes)
        try input.apply(to: &employee, requireAll: requireAll)
        employee.updatedAt = Date()
        try await employees.update(employee)
        return try WireJSON.response(EmployeeListing(employee))
    }
}
