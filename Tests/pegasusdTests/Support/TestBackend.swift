import Foundation
import TestSupport
@testable import pegasusd

/// A back end the daemon's stores run on in a test: a fresh data folder, or a fresh database
/// on the throwaway PostgreSQL server the test command starts.
enum TestBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite, postgres

    var description: String { rawValue }

    /// SQLite always; PostgreSQL when the test command started a server (required there).
    static var available: [TestBackend] {
        TestPostgres.adminURL != nil || TestPostgres.isRequired ? allCases : [.sqlite]
    }

    /// Runs `body` with fresh, opened stores, closed after.
    func withStorage(_ body: (Storage) async throws -> Void) async throws {
        let folder = TemporaryDirectory()
        let location: StorageLocation = switch self {
        case .sqlite: .folder(folder.path)
        case .postgres: try StorageLocation(databaseURL: try await TestPostgres.freshDatabase(), dataDirectory: folder.path)
        }
        let storage = try await Storage.open(location, environment: [:])
        do {
            try await body(storage)
        } catch {
            await storage.close()
            throw error
        }
        await storage.close()
    }
}
