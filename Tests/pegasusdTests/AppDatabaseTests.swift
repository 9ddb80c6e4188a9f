import GRDB
import TestSupport
import Testing
@testable import pegasusd

@Suite struct AppDatabaseTests {
    let folder = TemporaryDirectory()

    /// Sessions, refresh tokens and memberships commit with `synchronous = FULL`: what was
    /// acknowledged survives a power cut.
    @Test func commitsAreSyncedInFull() async throws {
        let database = try AppDatabase(path: folder.file("app.sqlite3"))
        #expect(try await database.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }
}
