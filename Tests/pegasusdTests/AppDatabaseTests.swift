import Foundation
import TestSupport
import Testing
@testable import pegasusd

@Suite struct AppDatabaseTests {
    let folder = TemporaryDirectory()

    /// Sessions, refresh tokens and memberships commit with `synchronous = FULL`: what was
    /// acknowledged survives a power cut.
    @Test func commitsAreSyncedInFull() async throws {
        let database = AppDatabase(backend: try SQLiteBackend(path: folder.file("app.sqlite3")))
        #expect(try await database.write { try await $0.fetchCount("PRAGMA synchronous") } == 2)
    }
}
