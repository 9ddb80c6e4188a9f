import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import KeyCore
import Logging
import PegasusHummingbird
import SchemaKit
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The sample app's service: titles by id.
typealias Titles = [String: String]

/// Bearer tokens by text, standing in for the app's JWT check.
struct FixedTokens: BearerTokenVerifier {
    let users: [String: UserIdentity]

    func user(forToken token: String) async throws -> UserIdentity? { users[token] }
}

enum People {
    static let alice = UserIdentity(id: "a", email: "alice@example.com")
    static let bob = UserIdentity(id: "b", email: "bob@example.com")
}

/// A sample app: who acts, and a title page, with API keys in `X-Api-Key` (so a bearer token and
/// a key can ride in one request) and bearer tokens for sign-ins.
struct SampleApp {
    let keys = KeyService(store: InMemoryKeyStore())
    let gatekeeper: Gatekeeper
    let table: RouteTable<Titles, BasicRequestContext>
    let titles: Titles = ["1": "First"]

    init() {
        gatekeeper = Gatekeeper(authenticators: [
            BearerTokenAuthenticator(verifier: FixedTokens(users: ["alice-token": People.alice, "bob-token": People.bob])),
            APIKeyAuthenticator(keys: keys, users: InMemoryUserDirectory([People.alice, People.bob]), header: .custom("X-Api-Key")),
        ])
        table = RouteTable([
            Endpoint(.get, "/whoami/", (IsAuthenticated() & IsAdminUser()) | HasUserAPIKey(), tags: ["people"], summary: "Who acts",
                     responds: ResponseDescription(200, "The acting user's id.", body: String.self)) { _, _, _, auth in
                auth.user?.id ?? "nobody"
            },
            Endpoint(.get, "/titles/{id}/", IsAuthenticated() | HasUserAPIKey(), tags: ["titles"], summary: "Show a title",
                     pathParameters: [PathParameter("id", type: String.self, description: "The title's id.")],
                     responds: ResponseDescription(200, "The title.", body: String.self)) { titles, _, context, _ in
                guard let title = titles[try context.parameters.require("id")] else { throw ProblemError.notFound("title") }
                return title
            },
        ])
    }

    /// A key of `user`'s.
    func key(for user: UserIdentity) async throws -> String {
        try await keys.create(name: "test", owner: KeyOwner(.user, user.id)).key.revealed
    }

    /// Serves the table on a free loopback port for the length of `body`.
    func serving(_ body: (URL) async throws -> Void) async throws {
        let router = Router()
        table.register(on: router, gatekeeper: gatekeeper, service: titles)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        do {
            let port = await ports.first { _ in true } ?? 0
            try await body(URL(string: "http://127.0.0.1:\(port)")!)
        } catch {
            server.cancel()
            _ = await server.result
            throw error
        }
        server.cancel()
        _ = await server.result
    }
}

/// One request's answer: status, headers, body text.
struct Answer {
    let status: Int
    let headers: [AnyHashable: Any]
    let text: String

    func header(_ name: String) -> String? {
        headers.first { "\($0.key)".lowercased() == name.lowercased() }.map { "\($0.value)" }
    }
}

func get(_ url: URL, _ path: String, headers: [String: String] = [:]) async throws -> Answer {
    var request = URLRequest(url: url.appendingPathComponent(path))
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    return Answer(status: http.statusCode, headers: http.allHeaderFields, text: String(decoding: data, as: UTF8.self))
}
