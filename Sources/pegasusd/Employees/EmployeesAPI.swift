import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `/pegasus/employees/api/employees/`: SaaS Pegasus' example API, protected by
/// `IsAuthenticated() | HasUserAPIKey()` so the documented curl line with `Api-Key` works.
/// Every operation acts for the request's user and sees only that user's employees.
enum EmployeesAPI {
    static let collection = "/pegasus/employees/api/employees/"
    static let item = "/pegasus/employees/api/employees/{id}/"
    static let permission = IsAuthenticated() | HasUserAPIKey()

    static let id = PathParameter("id", type: UUID.self, description: "The employee's id.")

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, Self.collection, Self.permission, tags: ["employees"], summary: "List your employees",
                        queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "Your employees, oldest first, a page at a time.", body: Page<EmployeeListing>.self), Pagination.invalidPageAnswer) { services, request, _, auth in
            let owner = try auth.requireUser().id
            let pagination = try Pagination(request)
            let (count, employees) = try await services.employees.page(ownerID: owner, offset: pagination.offset, limit: pagination.limit)
            return WireJSON.written(try pagination.page(employees.map(EmployeeListing.init), count: count))
        },
        PegasusEndpoint(.post, Self.collection, Self.permission, tags: ["employees"], summary: "Add an employee", body: RequestBodyDescription(EmployeeFields.self),
                        responds: ResponseDescription(201, "The new employee.", body: EmployeeListing.self)) { services, request, _, auth in
            let owner = try auth.requireUser().id
            let fields = try await WireJSON.decode(EmployeeFields.self, from: request, limit: services.maxBodyBytes)
            let now = Date()
            var employee = Employee(
                id: UUID().uuidString.lowercased(), ownerID: owner, name: "", department: fields.department, salary: 0,
                createdAt: now, updatedAt: now)
            try fields.apply(to: &employee)
            try await services.employees.insert(employee)
            return try WireJSON.response(EmployeeListing(employee), status: .created)
        },
        PegasusEndpoint(.get, Self.item, Self.permission, tags: ["employees"], summary: "Show an employee", pathParameters: [Self.id],
                        responds: ResponseDescription(200, "The employee.", body: EmployeeListing.self)) { services, _, context, auth in
            try WireJSON.response(EmployeeListing(try await find(services, context, auth)))
        },
        PegasusEndpoint(.put, Self.item, Self.permission, tags: ["employees"], summary: "Replace an employee", pathParameters: [Self.id],
                        body: RequestBodyDescription(EmployeeFields.self), responds: ResponseDescription(200, "The employee as changed.", body: EmployeeListing.self)) { services, request, context, auth in
            var employee = try await find(services, context, auth)
            try await WireJSON.decode(EmployeeFields.self, from: request, limit: services.maxBodyBytes).apply(to: &employee)
            return try await save(employee, in: services)
        },
        PegasusEndpoint(.patch, Self.item, Self.permission, tags: ["employees"], summary: "Change some fields of an employee", pathParameters: [Self.id],
                        body: RequestBodyDescription(EmployeePatch.self), responds: ResponseDescription(200, "The employee as changed.", body: EmployeeListing.self)) { services, request, context, auth in
            var employee = try await find(services, context, auth)
            try await WireJSON.decode(EmployeePatch.self, from: request, limit: services.maxBodyBytes).apply(to: &employee)
            return try await save(employee, in: services)
        },
        PegasusEndpoint(.delete, Self.item, Self.permission, tags: ["employees"], summary: "Remove an employee", pathParameters: [Self.id],
                        responds: ResponseDescription(204, "Removed.")) { services, _, context, auth in
            let owner = try auth.requireUser().id
            guard try await services.employees.delete(id: try context.parameters.require("id"), ownerID: owner) else {
                throw ProblemError.notFound("employee")
            }
            return Response(status: .noContent)
        },
    ]

    /// The caller's employee named by the path; another user's answers like a missing one.
    private static func find(_ services: PegasusServices, _ context: PegasusRequestContext, _ auth: Authorization) async throws -> Employee {
        let owner = try auth.requireUser().id
        guard let employee = try await services.employees.find(id: try context.parameters.require("id"), ownerID: owner) else {
            throw ProblemError.notFound("employee")
        }
        return employee
    }

    private static func save(_ changed: Employee, in services: PegasusServices) async throws -> Response {
        var employee = changed
        employee.updatedAt = Date()
        try await services.employees.update(employee)
        return try WireJSON.response(EmployeeListing(employee))
    }
}
