import Foundation
import PostgresNIO

/// The PostgreSQL server the tests may use, named by `PEGASUS_TEST_POSTGRES_URL` (a superuser
/// URL: `scripts/postgres.sh start` makes a throwaway server and prints it; `scripts/test.sh`
/// does that for the whole run).
///
/// Tests of PostgreSQL code take a database of their own from ``freshDatabase()``, so they run
/// in parallel without seeing each other's rows or schemas.
public enum TestPostgres {
    /// The superuser URL, or `nil` when the tests were given no server.
    public static var adminURL: String? {
        ProcessInfo.processInfo.environment["PEGASUS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a missing server is a failure rather than a reason to skip
    /// (`PEGASUS_REQUIRE_POSTGRES=1`, set by `scripts/test.sh`).
    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["PEGASUS_REQUIRE_POSTGRES"] == "1"
    }

    /// Creates an empty database with a new name (`pegasus_test_<random>`) on the server of
    /// ``adminURL`` and returns the URL of it (the same user and password).
    public static func freshDatabase() async throws -> String {
        guard let adminURL, var url = URLComponents(string: adminURL), let host = url.host, let user = url.user else {
            throw NoServer()
        }
        let name = "pegasus_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let configuration = PostgresConnection.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password,
            database: url.path.isEmpty ? nil : String(url.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            // A name cannot be a bound parameter; this one is made here of [a-z0-9_].
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
        url.path = "/" + name
        return url.string ?? adminURL
    }

    /// Runs `statements` in order as the superuser of ``adminURL`` (on its own database), for
    /// tests that change the server itself: refusing a database's connections, say.
    public static func administer(_ statements: String...) async throws {
        guard let adminURL, let url = URLComponents(string: adminURL), let host = url.host, let user = url.user else {
            throw NoServer()
        }
        let configuration = PostgresConnection.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password,
            database: url.path.isEmpty ? nil : String(url.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static let logger = Logger(label: "pegasus.test-postgres")

    /// ``freshDatabase()`` was called without a server to make the database on.
    public struct NoServer: Error, CustomStringConvertible {
        public var description: String {
            "no test PostgreSQL: set PEGASUS_TEST_POSTGRES_URL to a superuser URL (scripts/postgres.sh start prints one)"
        }
    }
}
