import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `Examples/NotesApp`, a Hummingbird app embedding Pegasus as another package would, built by
/// `scripts/test.sh` (which sets `PEGASUS_NOTES_APP` to its binary), run as a process and called
/// over HTTP. A plain `swift test` skips this suite.
@Suite(.enabled(if: NotesApp.binary != nil || ExternalTool.required, "needs Examples/NotesApp built (run scripts/test.sh)"))
struct NotesAppTests {
    @Test func aKeyOwnerListsTheirNotesAndReadsOnlyTheirOwn() async throws {
        let app = try NotesApp()
        defer { app.stop() }
        let alice = try #require(app.keys["alice"])

        let list = try await app.get("/notes/", key: alice)
        #expect(list.status == 200)
        let notes = try JSONSerialization.jsonObject(with: list.body) as? [[String: Any]]
        #expect(notes?.compactMap { $0["id"] as? Int } == [1])

        #expect(try await app.get("/notes/1/", key: alice).status == 200)
        let foreign = try await app.get("/notes/2/", key: alice)
        #expect(foreign.status == 403)
        #expect(String(decoding: foreign.body, as: UTF8.self).contains(#""code":"not_owner""#))
        #expect(try await app.get("/notes/2/", key: try #require(app.keys["bob"])).status == 200)
    }

    @Test func aRequestWithoutAKeyGets401WithAnApiKeyChallenge() async throws {
        let app = try NotesApp()
        defer { app.stop() }
        let answer = try await app.get("/notes/", key: nil)
        #expect(answer.status == 401)
        #expect(answer.challenge?.hasPrefix("Api-Key") == true)
    }

    @Test func itsSchemaComesFromTheSameRouteTable() throws {
        let schema = try NotesApp.run(["schema"])
        #expect(schema.contains("openapi: 3.0.3"))
        #expect(schema.contains("/notes/{id}/:"))
        #expect(schema.contains("ApiKeyAuth"))
        #expect(schema.contains("operationId: notes_retrieve"))
    }

    /// The embedder's build compiles what the app links and nothing of the SQLite store or
    /// crypt(3), and the binary loads neither library: KeyCore's core and AuthGate need them not.
    @Test func theAppBuildsAndLinksNoStorageEngineOrCrypt() async throws {
        let binary = try #require(NotesApp.binary)
        let modules = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("Modules").path
        let compiled = try FileManager.default.contentsOfDirectory(atPath: modules)
        #expect(compiled.contains("AuthGate.swiftmodule"))
        #expect(compiled.contains("KeyCore.swiftmodule"))
        for absent in ["GRDB", "KeyCoreSQLite", "PasswordHashing", "CCrypt"] {
            #expect(!compiled.contains { $0.hasPrefix(absent + ".") }, "\(absent) was compiled")
        }
        let linked = try await ExternalTool.system("ldd").run([binary])
        #expect(linked.status == 0 && linked.output.contains("libc.so"), "\(linked.output)")
        #expect(!linked.output.contains("libsqlite3"))
        #expect(!linked.output.contains("libcrypt.so"))
    }
}

/// The example app as a running process: its demo keys and its port, read from its output.
final class NotesApp {
    static let binary = ProcessInfo.processInfo.environment["PEGASUS_NOTES_APP"]

    private let process = Process()
    private let output = Pipe()
    private(set) var keys: [String: String] = [:]
    private(set) var port = 0

    struct DidNotStart: Error {}

    init() throws {
        process.executableURL = URL(fileURLWithPath: Self.binary ?? "/nonexistent")
        process.arguments = ["0"]
        process.standardOutput = output
        try process.run()
        var printed = ""
        while port == 0 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw DidNotStart() }  // the process exited
            printed += String(decoding: chunk, as: UTF8.self)
            for match in printed.matches(of: /demo key for (\w+): (\S+)/) { keys[String(match.1)] = String(match.2) }
            if let match = printed.firstMatch(of: /listening on port (\d+)/) { port = Int(match.1) ?? 0 }
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    struct Answer {
        let status: Int
        let body: Data
        let challenge: String?
    }

    func get(_ path: String, key: String?) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if let key { request.setValue("Api-Key \(key)", forHTTPHeaderField: "Authorization") }
        let (body, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return Answer(status: http.statusCode, body: body, challenge: http.value(forHTTPHeaderField: "WWW-Authenticate"))
    }

    /// Runs the app with `arguments` to completion; its standard output.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary ?? "/nonexistent")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: text, as: UTF8.self)
    }
}
