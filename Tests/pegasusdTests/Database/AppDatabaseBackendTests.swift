import Foundation
import TestSupport
import Testing
import AuthGateHummingbird
@testable import pegasusd

/// The stores' statements are written once for both back ends: the same behaviour on the data
/// folder's SQLite file and on PostgreSQL (when the test command started one).
@Suite struct AppDatabaseBackendTests {
    static let backends = TestBackend.available

    @Test(arguments: backends) func accountsRoundTripAndEmailsAreUniqueWithoutCase(_ backend: TestBackend) async throws {
        try await backend.withStorage { storage in
            let accounts = storage.accounts
            let created = try await accounts.create(Credentials(email: "Ada@Example.com", password: "correct horse"), isAdmin: true)
            let read = try #require(try await accounts.account(id: created.id))
            #expect(read.email == created.email)
            #expect(read.isAdmin)
            #expect(abs(read.createdAt.timeIntervalSince(created.createdAt)) < 0.001)
            #expect(try await accounts.account(email: " ada@EXAMPLE.com ")?.id == created.id)
            await #expect {
                _ = try await accounts.create(Credentials(email: "ADA@example.com", password: "another horse"))
            } throws: { ($0 as? ProblemError)?.problem.code == "email_taken" }
            #expect(try await accounts.allAccounts().map(\.id) == [created.id])
        }
    }

    @Test(arguments: backends) func aWriteThatThrowsLeavesNothingBehind(_ backend: TestBackend) async throws {
        struct Stop: Error {}
        try await backend.withStorage { storage in
            let owner = try await storage.accounts.create(Credentials(email: "o@example.com", password: "correct horse"))
            let employee = Employee(
                id: UUID().uuidString.lowercased(), ownerID: owner.id, name: "Ada", department: .engineering, salary: 1,
                createdAt: Date(), updatedAt: Date())
            let employees = EmployeeStore(database: storage.database)
            await #expect(throws: Stop.self) {
                try await storage.database.write { db in
                    try await db.execute(
                        "INSERT INTO employee (id, owner_id, name, department, salary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [employee.id, owner.id, employee.name, employee.department, employee.salary, employee.createdAt, employee.updatedAt])
                    throw Stop()
                }
            }
            #expect(try await employees.find(id: employee.id, ownerID: owner.id) == nil)
            try await employees.insert(employee)
            #expect(try await employees.page(ownerID: owner.id, offset: 0, limit: 10).count == 1)
        }
    }

    @Test(arguments: backends) func seatsFlagsAndCountsReadTheSame(_ backend: TestBackend) async throws {
        try await backend.withStorage { storage in
            let owner = try await storage.accounts.create(Credentials(email: "owner@example.com", password: "correct horse"))
            let member = try await storage.accounts.create(Credentials(email: "member@example.com", password: "correct horse"))
            let team = try await storage.workspaces.createTeam(name: "Acme", ownerID: owner.id, plan: .pro, seats: 2)
            _ = try await storage.workspaces.addMember(member.id, to: team.id, role: .viewer)
            _ = try await storage.workspaces.updateMember(member.id, in: team.id, role: nil, seated: false)
            let seats = try await storage.workspaces.seats(of: member.id)
            #expect(seats.map(\.workspace.kind) == [.personal, .team])
            #expect(seats.map(\.membership.seated) == [true, false])
            #expect(seats.last?.workspace.plan == .pro)
            // Made in the same millisecond, perhaps: compared without order.
            #expect(Set(try await storage.workspaces.members(of: team.id).map(\.role)) == [.owner, .viewer])
            try await storage.workspaces.activate(team.id, for: owner.id)
            #expect(try await storage.workspaces.activeWorkspaceID(of: owner.id) == team.id)
        }
    }
}
