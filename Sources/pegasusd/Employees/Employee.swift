import AuthGateHummingbird
import Foundation
import GRDB
import SchemaKit

/// The SaaS Pegasus employee example: one row of the `employee` table, owned by a user.
struct Employee: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "employee"

    /// The fixed set of departments, as in SaaS Pegasus' example app.
    enum Department: String, WireEnum {
        case hr, finance, engineering, marketing, sales
    }

    var id: String
    var ownerID: String
    var name: String
    var department: Department
    var salary: Int
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, department, salary
        case ownerID = "owner_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    static let maximumNameLength = 100
}

/// An employee as the API shows it; the owner is implied (only the owner sees it).
struct EmployeeListing: Codable {
    let id: String
    let name: String
    let department: Employee.Department
    let salary: Int
    let createdAt: Date
    let updatedAt: Date

    init(_ employee: Employee) {
        id = employee.id
        name = employee.name
        department = employee.department
        salary = employee.salary
        createdAt = employee.createdAt
        updatedAt = employee.updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, department, salary
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The body of a create or a replace (PUT): every field.
struct EmployeeFields: Decodable, Sendable {
    var name: String
    var department: Employee.Department
    var salary: Int

    /// Sets every field of `employee` after validating them.
    func apply(to employee: inout Employee) throws(ProblemError) {
        try EmployeePatch(name: name, department: department, salary: salary).apply(to: &employee)
    }
}

/// The body of a partial update (PATCH): any of the fields.
struct EmployeePatch: Decodable, Sendable {
    var name: String?
    var department: Employee.Department?
    var salary: Int?

    /// Sets the given fields of `employee` after validating them.
    func apply(to employee: inout Employee) throws(ProblemError) {
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= Employee.maximumNameLength else {
                throw ProblemError(.badRequest, code: "invalid_name", detail: "The name must be 1 to \(Employee.maximumNameLength) characters.")
            }
            employee.name = trimmed
        }
        if let department { employee.department = department }
        if let salary {
            guard salary >= 0 else {
                throw ProblemError(.badRequest, code: "invalid_salary", detail: "The salary must be zero or more.")
            }
            employee.salary = salary
        }
    }
}
