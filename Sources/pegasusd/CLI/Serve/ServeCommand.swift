import ArgumentParser
import Foundation
import Logging

/// `pegasusd serve`: the HTTP API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (auth, API keys, tokens, workspaces, the product APIs, the employee demo).",
        discussion: """
            Settings come from, in rising precedence: defaults, a JSON config file (--config or \
            PEGASUS_CONFIG), PEGASUS_* environment variables (PEGASUS_HOST, PEGASUS_PORT, \
            PEGASUS_DATA_DIR, PEGASUS_DATABASE_URL — a PostgreSQL database instead of the data folder, \
            shared by several instances, PEGASUS_API_KEY_HEADER, PEGASUS_MAX_BODY_BYTES, \
            PEGASUS_ACCESS_TOKEN_SECONDS, PEGASUS_SESSION_SECONDS, PEGASUS_REFRESH_FAMILY_SECONDS — how long \
            after a sign-in its refresh tokens can be refreshed, PEGASUS_SECURE_COOKIES, \
            PEGASUS_LOG_LEVEL, PEGASUS_DOCS_ASSETS, PEGASUS_MONTHLY_QUOTA_FREE, PEGASUS_MONTHLY_QUOTA_PRO, \
            PEGASUS_MONTHLY_QUOTA_ULTRA, PEGASUS_THROTTLE_AUTH — sign-ups, sign-ins and refreshes per \
            client address and account, e.g. 20/minute, or off; PEGASUS_THROTTLE_ANON and \
            PEGASUS_THROTTLE_USER — requests per client address without a credential and per user with \
            one, off by default) and these flags. Secrets come from the environment only: \
            PEGASUS_KEY_PEPPER (PEGASUS_KEY_PEPPER_PREVIOUS while rotating it) and PEGASUS_JWT_SECRET \
            (else a secret made in the data folder). \
            Stops gracefully on SIGINT or SIGTERM.
            """)

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("A JSON config file (env: PEGASUS_CONFIG).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The address to listen on (default 127.0.0.1).", valueName: "host"))
    var host: String?

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one (default 8000).", valueName: "port"))
    var port: Int?

    @Option(name: .customLong("api-key-header"), help: ArgumentHelp(
        "Read API keys from this header (e.g. X-Api-Key) instead of 'Authorization: Api-Key <key>'.", valueName: "name"))
    var apiKeyHeader: String?

    @Option(name: .customLong("docs-assets"), help: ArgumentHelp(
        "Serve Swagger UI and Redoc assets from this folder (drf-spectacular-sidecar's layout) instead of the public CDN.", valueName: "dir"))
    var docsAssets: String?

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info (default), notice, warning, error or critical.", valueName: "level"))
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var settings = try ServerConfiguration.load(configFile: config, environment: environment)
        if let dataDirectory = data.dataDirectory { settings.dataDir = dataDirectory }
        if let databaseURL = data.databaseURL { settings.databaseURL = databaseURL }
        if let host { settings.host = host }
        if let port { settings.port = port }
        if let apiKeyHeader { settings.apiKeyHeader = apiKeyHeader }
        if let logLevel { settings.logLevel = logLevel }
        if let docsAssets { settings.docsAssets = docsAssets }

        let server = try await PegasusServer(configuration: settings, environment: environment)
        let level = Logger.Level(rawValue: settings.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "pegasusd")
        let (host, location) = (settings.host, server.storage.location)
        try await server.run(logger: logger) { port in
            // Unbuffered, so a supervisor or test reading stdout sees the port at once.
            FileHandle.standardOutput.write(Data("pegasusd listening on http://\(host):\(port) (\(location))\n".utf8))
        }
    }
}
