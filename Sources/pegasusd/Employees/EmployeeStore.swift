import Foundation
import GRDB

/// Employees, always read and written within one owner: another user's employee is not found.
struct EmployeeStore: Sendable {
    let database: AppDatabase

    /// One page of the owner's employees, oldest first, and how many they have in all.
    func page(ownerID: String, offset: Int, limit: Int) throws -> (count: Int, employees: [Employee]) {
        try database.read { db in
            let all = Employee.filter(Column("owner_id") == ownerID)
            return (try all.fetchCount(db), try all.order(Column("created_at"), Column("id")).limit(limit, offset: offset).fetchAll(db))
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
