import Foundation
import GRDB

/// Employees, always read and written within one owner: another user's employee is not found.
struct EmployeeStore: Sendable {
    let database: AppDatabase

    /// One page of the owner's employees, oldest first, and how many they have in all: the
    /// list on the API-key request path, so both statements are prepared once and cached.
    func page(ownerID: String, offset: Int, limit: Int) throws -> (count: Int, employees: [Employee]) {
        try database.read { db in
            let count = try SQLRequest<Int>(sql: "SELECT COUNT(*) FROM employee WHERE owner_id = ?", arguments: [ownerID], cached: true)
                .fetchOne(db) ?? 0
            let page = try SQLRequest<Employee>(
                sql: "SELECT * FROM employee WHERE owner_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
                arguments: [ownerID, limit, offset], cached: true
            ).fetchAll(db)
            return (count, page)
        }
    }

    func find(id: String, ownerID: String) throws -> Employee? {
        try database.read { db in
            try Employee.filter(Column("id") == id && Column("owner_id") == ownerID).fetchOne(db)
        }
    }

    func insert(_ employee: Employee) async throws {
        try await database.pool.write { db in try employee.insert(db) }
    }

    func update(_ employee: Employee) async throws {
        try await database.pool.write { db in try employee.update(db) }
    }

    /// `false` when the owner has no employee with this id.
    func delete(id: String, ownerID: String) async throws -> Bool {
        try await database.pool.write { db in
            try Employee.filter(Column("id") == id && Column("owner_id") == ownerID).deleteAll(db) > 0
        }
    }
}
