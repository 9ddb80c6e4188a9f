import AuthGate
import Foundation
import Hummingbird
import KeyCore
import Logging
import NIOCore
import PegasusHummingbird

/// The daemon assembled from a configuration: stores, authenticators, and the Hummingbird
/// application that serves the route table (``PegasusRoutes``) with them.
struct PegasusServer {
    let configuration: ServerConfiguration
    let storage: Storage
    let services: PegasusServices
    let gatekeeper: Gatekeeper

    /// Opens the data folder or the PostgreSQL database (creating the schema on first start)
    /// and wires everything.
    init(configuration: ServerConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        try configuration.validate()
        self.configuration = configuration
        storage = try await Storage.open(configuration.storageLocation, environment: environment, writable: true)
        let (keys, database) = (storage.keys, storage.database)
        let accounts = AccountStore(database: database)
        let sessionLifetime = TimeInterval(configuration.sessionSeconds)
        let sessions = SessionStore(database: database, lifetime: sessionLifetime)
        let tokens = TokenIssuer(
            database: database, accounts: accounts,
            keys: await TokenIssuer.keyCollection(secret: storage.jwtSecret),
            accessLifetime: TimeInterval(configuration.accessTokenSeconds), refreshLifetime: sessionLifetime,
            familyLifetime: TimeInterval(configuration.refreshFamilySeconds))
        let cookies = CookiePolicy(lifetime: sessionLifetime, secure: configuration.secureCookies)

        let workspaces = WorkspaceStore(database: database)
        let document = APIDocument(PegasusRoutes.openAPI(configuration))
        services = PegasusServices(
            database: database, accounts: accounts, sessions: sessions, tokens: tokens, cookies: cookies, keys: keys,
            employees: EmployeeStore(database: database), workspaces: workspaces, access: WorkspaceAccess(workspaces: workspaces),
            bots: BotStore(database: database), conversations: ConversationStore(database: database), responder: EchoResponder(),
            usage: UsageMeter(database: database, workspaces: workspaces, quotas: configuration.quotas), quotas: configuration.quotas,
            authThrottle: configuration.authThrottleRate.map { Throttle(rate: $0) },
            requestThrottles: RequestThrottles(
                anonymous: configuration.anonThrottleRate.map { Throttle(rate: $0) }, user: configuration.userThrottleRate.map { Throttle(rate: $0) }),
            document: document, docsAssets: configuration.docsAssets.map { .local(folder: $0) } ?? .cdn,
            maxBodyBytes: configuration.maxBodyBytes)

        // Order matters where several of one role could answer: the session before the JWT.
        // The schemes are those PegasusRoutes.schemes(_:) documents. Product permissions read
        // the services as the gatekeeper's context.
        gatekeeper = Gatekeeper(
            authenticators: [
                SessionCookieAuthenticator(sessions: sessions, cookieName: cookies.sessionName),
                BearerTokenAuthenticator(
                    verifier: tokens, description: PegasusRoutes.jwtDescription, ignoredPrefixes: [AccessTokenAuthenticator.prefix]),
                AccessTokenAuthenticator(keys: keys, users: accounts, description: PegasusRoutes.patDescription),
                APIKeyAuthenticator(keys: keys, users: accounts, header: PegasusRoutes.apiKeyHeader(configuration)),
            ],
            context: services)
    }

    /// The router: request logs outermost, then problem bodies for every failure, then local
    /// documentation assets (if configured), then the route table.
    func router() -> Router<PegasusRequestContext> {
        let router = Router(context: PegasusRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ProblemMiddleware(routes: PegasusRoutes.table))
        if let folder = configuration.docsAssets {
            router.add(middleware: FileMiddleware(folder, urlBasePath: String(DocsAssets.localPrefix.dropLast()), searchForIndexHtml: false))
        }
        PageRoutes.register(on: router, gatekeeper: gatekeeper, services: services)
        // Allowed requests are throttled (anon / user), and every request made with a token or
        // an API key is counted and refused past the workspace's quota.
        PegasusRoutes.table.register(on: router, gatekeeper: gatekeeper, service: services) { services, endpoint, auth in
            try services.requestThrottles.check(auth)
            try await services.usage.admit(auth.principal, endpoint: endpoint.operation.label)
        }
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
        try await services.usage.flush()
        await storage.close()
    }
}
