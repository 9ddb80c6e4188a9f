import Foundation
import GRDB

/// The SaaS Pegasus employee example: one row of the `employee` table, owned by a user.
struct Employee: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "employee"

    /// The fixed set of departments, as in SaaS Pegasus' example app.
    enum Department: String, Codable, Sendable, CaseIterable {
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
struct EmployeeListing: Encodable {
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

/// A create, replace (PUT: every field) or partial update (PATCH: any fields) body.
struct EmployeeInput: Decodable, Sendable {
    var name: String?
    var department: String?
    var salary: Int?

    /// Applies the given fields to `employee` and validates the result.
    /// - Parameter requireAll: `true` for create and PUT.
    func apply(to employee: inout Employee, requireAll: Bool) throws(APIError) {
        if requireAll {
            let missing = [("name", name == nil), ("department", department == nil), ("salary", salary == nil)]
                .filter(\.1).map(\.0)
            if !missing.isEmpty {
                throw APIError(.badRequest, code: "invalid_body", detail: "Required: \(missing.joined(separator: ", ")).")
            }
        }
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= Employee.maximumNameLength else {
                throw APIError(.badRequest, code: "invalid_name", detail: "The name must be 1 to \(Employee.maximumNameLength) characters.")
            }
            employee.name = trimmed
        }
        if let department {
            guard let value = Employee.Department(rawValue: department) else {
                let allowed = Employee.Department.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, code: "invalid_department", detail: "The department must be one of: \(allowed).")
            }
            employee.department = value
        }
        if let salary {
            guard salary >= 0 else {
                throw APIError(.badRequest, code: "invalid_salary", detail: "The salary must be zero or more.")
            }
            employee.salary = salary
        }
    }
}
