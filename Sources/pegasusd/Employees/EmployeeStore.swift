import Foundation

/// Employees, always read and written within one owner: another user's employee is not found.
struct EmployeeStore: Sendable {
    let database: AppDatabase

    private static let columns = "id, owner_id, name, department, salary, created_at, updated_at"

    /// One page of the owner's employees, oldest first, and how many they have in all: the
    /// list on the API-key request path.
    func page(ownerID: String, offset: Int, limit: Int) async throws -> (count: Int, employees: [Employee]) {
        try await database.read { db in
            let count = try await db.fetchCount("SELECT COUNT(*) FROM employee WHERE owner_id = ?", [ownerID])
            let page = try await db.fetchAll(
                "SELECT \(Self.columns) FROM employee WHERE owner_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?", [ownerID, limit, offset])
            return (count, try page.map(Employee.init(row:)))
        }
    }

    func find(id: String, ownerID: String) async throws -> Employee? {
        try await database.read { db in
            try await db.fetchOne("SELECT \(Self.columns) FROM employee WHERE id = ? AND owner_id = ?", [id, ownerID]).map(Employee.init(row:))
        }
    }

    func insert(_ employee: Employee) async throws {
        try await database.write { db in
            try await db.execute(
                "INSERT INTO employee (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [employee.id, employee.ownerID, employee.name, employee.department, employee.salary, employee.createdAt, employee.updatedAt])
        }
    }

    func update(_ employee: Employee) async throws {
        try await database.write { db in
            try await db.execute(
                "UPDATE employee SET name = ?, department = ?, salary = ?, updated_at = ? WHERE id = ? AND owner_id = ?",
                [employee.name, employee.department, employee.salary, employee.updatedAt, employee.id, employee.ownerID])
        }
    }

    /// `false` when the owner has no employee with this id.
    func delete(id: String, ownerID: String) async throws -> Bool {
        try await database.write { db in
            try await db.execute("DELETE FROM employee WHERE id = ? AND owner_id = ?", [id, ownerID]) > 0
        }
    }
}
