import AuthGate
import Foundation
import Hummingbird
import KeyCore
import Logging
import NIOCore
import SchemaKit

/// The daemon assembled from a configuration: stores, authenticators, the route table, and the
/// Hummingbird application that serves it.
struct PegasusServer {
    let configuration: ServerConfiguration
    let keys: KeyService
    let gatekeeper: Gatekeeper
    /// Every operation the server answers. The router and the OpenAPI document are built from
    /// this list.
    let endpoints: [Endpoint]
    /// The served OpenAPI document.
    let document = APIDocument()

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
            + SchemaAPI(document: document, assets: configuration.docsAssets.map { .local(folder: $0) } ?? .cdn, title: Self.title).endpoints
        document.describe(schemaGenerator())
    }

    static let title = "Pegasus API"

    /// The OpenAPI generator over the route table: what `/api/schema/` serves and
    /// `pegasusd schema` writes.
    func schemaGenerator() -> OpenAPIGenerator {
        OpenAPIGenerator(
            info: DocumentInfo(
                title: Self.title, version: Pegasusd.configuration.version,
                description: "API keys, sign-in and the SaaS Pegasus employee example, served by pegasusd.",
                servers: [DocumentInfo.Server("/", description: "This server")]),
            securitySchemes: gatekeeper.schemes.map(SecuritySchemeDescription.init),
            routes: endpoints.map { $0.routeDescription(schemes: gatekeeper.schemes) },
            // Request bodies are read with `.convertFromSnakeCase`; response types spell
            // snake_case keys already, which this leaves as they are.
            propertyNaming: .snakeCase)
    }

    /// The router: request logs outermost, then problem bodies for every failure, then local
    /// documentation assets (if configured), then routes.
    func router() -> Router<PegasusRequestContext> {
        let router = Router(context: PegasusRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ProblemMiddleware(allowed: AllowedMethods(endpoints)))
        if let folder = configuration.docsAssets {
            router.add(middleware: FileMiddleware(folder, urlBasePath: String(DocsAssets.localPrefix.dropLast()), searchForIndexHtml: false))
        }
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
