import AuthGateHummingbird
import FieldRules
import Foundation
import SchemaKit

/// The SaaS Pegasus employee example: one row of the `employee` table, owned by a user.
struct Employee: Codable, Sendable {
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

    /// Read by column: the employee list decodes a page of rows per request.
    init(row: SQLRow) throws {
        id = try row.string("id")
        ownerID = try row.string("owner_id")
        name = try row.string("name")
        department = try row.enumeration("department")
        salary = try row.int("salary")
        createdAt = try row.date("created_at")
        updatedAt = try row.date("updated_at")
    }

    init(id: String, ownerID: String, name: String, department: Department, salary: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.name = name
        self.department = department
        self.salary = salary
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let nameRule = TextRule(lengths: 1...100)
    static let salaryRule = IntegerRule(minimum: 0)

    /// The rules of the fields a client sends, for the create, replace and update bodies alike.
    static func refineFields(_ schema: inout SchemaRefinement) {
        schema[property: "name"].textRule = nameRule
        schema[property: "salary"].integerRule = salaryRule
        schema[property: "salary"].description = "Yearly, in whole dollars."
    }
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

extension EmployeeListing: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("created_at"); json.date(createdAt)
        json.key("department"); json.string(department.rawValue)
        json.key("id"); json.string(id)
        json.key("name"); json.string(name)
        json.key("salary"); json.integer(salary)
        json.key("updated_at"); json.date(updatedAt)
        json.endObject()
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
        if let name { employee.name = try Employee.nameRule.checked(name, field: "name") }
        if let department { employee.department = department }
        if let salary { employee.salary = try Employee.salaryRule.checked(salary, field: "salary") }
    }
}

extension EmployeeFields: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        Employee.refineFields(&schema)
        schema.setExample(["name": "Ada Lovelace", "department": "engineering", "salary": 120_000] as [String: any Sendable])
    }
}

extension EmployeePatch: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) { Employee.refineFields(&schema) }
}
