import AuthGate
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `GET /healthz`: answers 200 while the server can read its database.
enum HealthAPI {
    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/healthz", AllowAny(), tags: ["health"], summary: "Liveness and database check",
                        responds: ResponseDescription(200, "The server is up and reads its database.", body: Health.self)) { services, _, _, _ in
            _ = try services.database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
            return try WireJSON.response(Health(status: "ok"))
        },
    ]
}

/// `GET /healthz`: `ok` while the database answers.
struct Health: Codable {
    let status: String
}
