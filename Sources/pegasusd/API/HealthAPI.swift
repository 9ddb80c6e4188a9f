import AuthGate
import Hummingbird
import SchemaKit

/// `GET /healthz`: answers 200 while the server can read its database.
struct HealthAPI {
    let database: AppDatabase

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/healthz", AllowAny(), tag: "health", summary: "Liveness and database check",
                     responds: ResponseDescription(200, "The server is up and reads its database.", body: Health.self)) { _, _, _ in
                _ = try database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
                return try WireJSON.response(Health(status: "ok"))
            },
        ]
    }
}

/// `GET /healthz`: `ok` while the database answers.
struct Health: Codable {
    let status: String
}
