import Foundation
import Logging
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import pegasusd

/// A real `pegasusd` server on a free loopback port, in a fresh data folder, for the length of
/// one test; requests go over HTTP like any client's.
///
/// With `PEGASUS_TEST_BACKEND=postgres` (the test command's second pass), each server keeps its
/// data in a fresh database of the throwaway PostgreSQL server instead, so the same HTTP tests
/// prove both back ends.
final class LiveServer: Sendable {
    let baseURL: URL
    let server: PegasusServer
    private let task: Task<Void, any Error>
    private let folder: TemporaryDirectory

    /// Starts a server; `configure` adjusts the defaults (e.g. a custom API key header).
    static func start(_ configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> LiveServer {
        let folder = TemporaryDirectory()
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.dataDir = folder.path
        // Every test client is 127.0.0.1: the sign-in throttle is off unless a test turns it on.
        configuration.throttleAuth = "off"
        if usesPostgres { configuration.databaseURL = try await TestPostgres.freshDatabase() }
        configure(&configuration)
        let server = try await PegasusServer(configuration: configuration, environment: [:])
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let task = Task { try await server.run(logger: logger) { port in continuation.yield(port) } }
        guard let port = await ports.first(where: { _ in true }) else { throw ServerDidNotStart() }
        return LiveServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, server: server, task: task, folder: folder)
    }

    private init(baseURL: URL, server: PegasusServer, task: Task<Void, any Error>, folder: TemporaryDirectory) {
        self.baseURL = baseURL
        self.server = server
        self.task = task
        self.folder = folder
    }

    /// The admin command line on this server's data (its folder, or its PostgreSQL database).
    var commandLine: PegasusdProcess {
        PegasusdProcess(
            dataDirectory: server.configuration.dataDir,
            environment: server.configuration.databaseURL.map { ["PEGASUS_DATABASE_URL": $0] } ?? [:])
    }

    /// Whether servers keep their data in PostgreSQL (`PEGASUS_TEST_BACKEND=postgres`).
    static var usesPostgres: Bool { ProcessInfo.processInfo.environment["PEGASUS_TEST_BACKEND"] == "postgres" }

    /// Runs `body` against a fresh server and stops it before returning, whether `body` passed,
    /// failed or threw: no server outlives its test.
    static func serving(
        _ configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: (LiveServer) async throws -> Void
    ) async throws {
        let server = try await start(configure)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Stops the server (graceful shutdown) and waits for it.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    struct ServerDidNotStart: Error {}

    // MARK: Requests

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data

        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        /// The `results` of a paginated list (`{count, next, previous, results}`); empty when the
        /// body is not one.
        var results: [[String: Any]] { json["results"] as? [[String: Any]] ?? [] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
        /// Every `WWW-Authenticate` challenge, as one string (the client joins repeated fields).
        var challenges: String { header("WWW-Authenticate") ?? "" }
        /// The stable code of a problem body.
        var code: String? { json["code"] as? String }
    }

    /// Sends one request; `json` becomes an `application/json` body.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], json: Any? = nil, body: Data? = nil) async throws -> Reply {
        // The path as given: its trailing slash and query string kept.
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        let (data, response) = try await Self.httpSession.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// No cookie jar, no cache, no redirects followed: every request carries exactly the headers
    /// a test gives it, and a test sees a 303 as the browser receives it.
    static let httpSession: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        return URLSession(configuration: configuration, delegate: RedirectsNotFollowed(), delegateQueue: nil)
    }()

    private final class RedirectsNotFollowed: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }
}
