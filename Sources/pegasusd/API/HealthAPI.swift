import AuthGate
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `GET /livez`: answers 200 while the process serves (for a supervisor's liveness probe; it
/// touches nothing, so it is also the benchmarks' ceiling). `GET /healthz`: 200 while the server
/// can also read its database (readiness).
enum HealthAPI {
    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/livez", AllowAny(), tags: ["health"], summary: "Liveness: the process serves",
                        responds: ResponseDescription(200, "The server is up.", body: Health.self)) { _, _, _, _ in
            try WireJSON.response(Health(status: "ok"))
        },
        PegasusEndpoint(.get, "/healthz", AllowAny(), tags: ["health"], summary: "Liveness and database check",
                        responds: ResponseDescription(200, "The server is up and reads its database.", body: Health.self)) { services, _, _, _ in
            _ = try await services.database.read { db in try await db.fetchCount("SELECT 1") }
            return try WireJSON.response(Health(status: "ok"))
        },
    ]
}

/// `GET /livez` and `GET /healthz`: `ok`.
struct Health: Codable {
    let status: String
}
