import AuthGate
import Hummingbird

/// `GET /healthz`: answers 200 while the server can read its database.
struct HealthAPI {
    let database: AppDatabase

    struct Health: Encodable {
        let status: String
    }

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/healthz", AllowAny(), summary: "Liveness and database check") { _, _, _ in
                _ = try database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
                return try WireJSON.response(Health(status: "ok"))
            },
        ]
    }
}
