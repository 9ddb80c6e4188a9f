import AuthGate
import Foundation
import Hummingbird
import KeyCore
import Logging
import NIOCore

/// The daemon assembled from a configuration: stores, authenticators, the route table, and the
/// Hummingbird application that serves it.
struct PegasusServer {
    let configuration: ServerConfiguration
    let keys: KeyService
    let gatekeeper: Gatekeeper
    /// Every operation the server answers. The router is built from this list.
    let endpoints: [Endpoint]

    /// Opens the data folder (creating it and its schema on first start) and wires everything.
    init(configuration: ServerConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        try configuration.validate()
        self.configuration = configuration
        let folder = try DataFolder(path: configuration.dataDir)
        keys = try folder.keyService(environment: environment)
        let database = try folder.appDatabase()
        let accounts = AccountStore(database: database)
        let sessionLifetime = TimeInterval(configuration.sessionSeconds)
        let sessions = SessionStore(database: database, lifetime: sessionLifetime)
        let tokens = TokenIssuer(
            database: database, accounts: accounts,
            keys: await TokenIssuer.keyCollection(secret: try folder.jwtSecret(environment: environment)),
            accessLifetime: TimeInterval(configuration.accessTokenSeconds), refreshLifetime: sessionLifetime)
        let cookies = CookiePolicy(lifetime: sessionLifetime, secure: configuration.secureCookies)
        let apiKeyHeader = configuration.apiKeyHeader.map(APIKeyHeader.custom) ?? .standard

        // Order matters where several could answer: an interactive sign-in is the acting user
        // before an API key is.
        gatekeeper = Gatekeeper(authenticators: [
            SessionCookieAuthenticator(sessions: sessions, cookieName: cookies.sessionName),
            BearerTokenAuthenticator(verifier: tokens, ignoredPrefixes: ["\(KeyType.personalAccessToken.prefix)_"]),
            APIKeyAuthenticator(keys: keys, users: accounts, header: apiKeyHeader),
        ])
        let limit = configuration.maxBodyBytes
        endpoints = HealthAPI(database: database).endpoints
            + AuthAPI(accounts: accounts, sessions: sessions, tokens: tokens, cookies: cookies, maxBodyBytes: limit).endpoints
            + KeysAPI(keys: keys, maxBodyBytes: limit).endpoints
            + EmployeesAPI(employees: EmployeeStore(database: database), maxBodyBytes: limit).endpoints
    }

    /// The router: request logs outermost, then problem bodies for every failure, then routes.
    func router() -> Router<PegasusRequestContext> {
        let router = Router(context: PegasusRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ProblemMiddleware())
        for endpoint in endpoints { router.add(endpoint, gatekeeper: gatekeeper) }
        return router
    }

    /// Serves until SIGTERM or SIGINT (or cancellation of the calling task) asks it to stop, then
    /// finishes the requests in flight and writes pending last-used times.
    /// - Parameter onRunning: called with the bound port once the server listens.
    func run(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "pegasusd"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        try await app.runService()
        try await keys.flushUsage()
    }
}
