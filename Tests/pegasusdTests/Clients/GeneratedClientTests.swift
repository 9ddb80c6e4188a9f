import Foundation
import SchemaKit
import TestSupport
import Testing
@testable import pegasusd

/// The served schema as its consumers use it: standard validation, a generated TypeScript
/// client talking to a running server, schemathesis against the live API, and the docs pages
/// rendered by a real browser. `scripts/test.sh` installs the tools and sets
/// `PEGASUS_SCHEMA_TOOLS`; a plain `swift test` skips this suite.
@Suite(.enabled(if: ExternalTool.toolsFolder != nil || ExternalTool.required, "needs the schema tools (run scripts/test.sh)"))
struct GeneratedClientTests {
    let temporary = TemporaryDirectory()

    /// Runs `body` against a server with a user, their API key and one employee.
    func withSeededServer(
        _ configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: (LiveServer, String) async throws -> Void
    ) async throws {
        try await LiveServer.serving(configure) { server in
            let alice = try await server.register("alice@example.com")
            let (key, _) = try await server.createKey(for: alice)
            _ = try await server.addEmployee("Ada", headers: alice.bearer)
            try await body(server, key)
        }
    }

    /// A Pro team of the server's first user with one bot, and a token that reads bots.
    func botsToken(on server: LiveServer) async throws -> String {
        let alice = try await server.login("alice@example.com")
        _ = try await server.team("Acme", of: alice)
        _ = try await server.bot("Helpdesk", headers: alice.bearer)
        return try await server.token(for: alice, scopes: ["bots:read"]).token
    }

    @Test(arguments: [OpenAPIVersion.v3_0_3, .v3_1_0])
    func theDocumentPassesOpenAPISpecValidator(version: OpenAPIVersion) async throws {
        try await LiveServer.serving { server in
            let file = temporary.file("schema-\(version.rawValue).yaml")
            try PegasusRoutes.openAPI(server.server.configuration).render(version, as: .yaml).write(to: URL(fileURLWithPath: file))
            let outcome = try await ExternalTool.python("openapi-spec-validator").run([file])
            #expect(outcome.status == 0, "\(outcome.output)")
            #expect(outcome.output.contains("OK"))
        }
    }

    @Test func aGeneratedTypeScriptClientListsTheUsersEmployeesAndATokensBots() async throws {
        try await withSeededServer { server, key in
            let project = temporary.file("typescript")
            let sources = Repository.file("Tests/Clients/typescript")
            try FileManager.default.copyItem(atPath: sources.path, toPath: project)

            let generated = try await ExternalTool.python("openapi-generator-cli").run([
                "generate", "-i", server.baseURL.absoluteString + "/api/schema/?format=json", "-g", "typescript-fetch", "-o", project + "/client",
            ])
            #expect(generated.status == 0, "\(generated.output)")
            let compiled = try await ExternalTool.system("tsc").run(["-p", project])
            #expect(compiled.status == 0, "\(compiled.output)")
            let listed = try await ExternalTool.system("node").run([project + "/dist/list-employees.js", server.baseURL.absoluteString, key])
            #expect(listed.status == 0, "\(listed.output)")
            #expect(listed.output.contains(#"{"name":"Ada","department":"engineering","salary":1000}"#))

            let wrongKey = try await ExternalTool.system("node").run([project + "/dist/list-employees.js", server.baseURL.absoluteString, "pgk_wrong"])
            #expect(wrongKey.status != 0)

            // A route only a scoped token reaches, through the same generated client.
            let bots = try await ExternalTool.system("node").run([project + "/dist/list-bots.js", server.baseURL.absoluteString, try await botsToken(on: server)])
            #expect(bots.status == 0, "\(bots.output)")
            #expect(bots.output.contains(#"{"count":1,"names":["Helpdesk"]}"#))
        }
    }

    @Test(.enabled(if: ExternalTool.swiftClient != nil, "needs Examples/SwiftClient built (scripts/test.sh)"))
    func theGeneratedSwiftClientListsTheUsersEmployeesAndATokensBots() async throws {
        try await withSeededServer { server, key in
            let client = try #require(ExternalTool.swiftClient)
            let listed = try await ExternalTool.program(client).run([server.baseURL.absoluteString, key, try await botsToken(on: server)])
            #expect(listed.status == 0, "\(listed.output)")
            #expect(listed.output == "Ada (engineering)\nbot: Helpdesk\n")
            let refused = try await ExternalTool.program(client).run([server.baseURL.absoluteString, "pgk_wrong"])
            #expect(refused.status == 1)
            #expect(refused.output.contains("authentication_failed"))
        }
    }

    /// schemathesis with every check, in every phase (examples, coverage, fuzzing, stateful),
    /// signed in through the `jwtAuth` scheme. The findings that are the API working as intended
    /// are listed, each with its reason, in `Tests/Clients/schemathesis.toml`; any other fails.
    @Test func schemathesisFindsNothingButTheListedIntendedAnswers() async throws {
        // An access token that outlives the run.
        try await LiveServer.serving({ $0.accessTokenSeconds = 3_600 }) { server in
            let alice = try await server.register("alice@example.com")
            _ = try await server.addEmployee("Ada", headers: alice.bearer)
            let outcome = try await ExternalTool.python("schemathesis").run([
                "--config-file", Repository.file("Tests/Clients/schemathesis.toml").path,
                "run", server.baseURL.absoluteString + "/api/schema/?format=json",
                "--checks", "all", "--phases", "examples,coverage,fuzzing,stateful",
                "--max-examples", "25", "--workers", "1", "--seed", "20261123",
            ], in: temporary.path, environment: ["PEGASUS_ST_JWT": alice.access])  // its cache folder goes in the working directory
            #expect(outcome.status == 0, "\(outcome.output.suffix(6_000))")
            for phase in ["Examples", "Coverage", "Fuzzing", "Stateful"] {
                #expect(outcome.output.contains("✅ \(phase)"), "the \(phase) phase did not run and pass")
            }
        }
    }

    @Test(.enabled(if: ExternalTool.docsAssets != nil, "needs drf-spectacular-sidecar's assets"))
    func theDocsPagesRenderTheOperationsInChromium() async throws {
        try await withSeededServer({ $0.docsAssets = ExternalTool.docsAssets }) { server, _ in
            let artifacts = ProcessInfo.processInfo.environment["PEGASUS_TEST_ARTIFACTS"] ?? temporary.path
            try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
            let browser = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=15000", "--window-size=1280,2400"]

            for (page, shows) in [("swagger-ui", "employees_list"), ("redoc", "List your employees")] {
                let url = server.baseURL.absoluteString + "/api/schema/\(page)/"
                let dom = try await ExternalTool.system("chromium").run(browser + ["--dump-dom", url])
                #expect(dom.status == 0, "\(dom.output.suffix(2_000))")
                #expect(dom.output.contains(shows), "\(page) did not render its operations")
                let screenshot = "\(artifacts)/\(page).png"
                let shot = try await ExternalTool.system("chromium").run(browser + ["--screenshot=\(screenshot)", url])
                #expect(shot.status == 0, "\(shot.output.suffix(2_000))")
                #expect(FileManager.default.fileExists(atPath: screenshot))
            }
        }
    }
}
