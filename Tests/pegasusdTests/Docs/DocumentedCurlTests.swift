import Foundation
import Testing
@testable import pegasusd

/// The curl lines the README and `Docs/tokens.md` show, run as written against a live server:
/// `PEGASUS` is its address and `pegasusd` its admin command on the same data folder.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/jq") || ExternalTool.required, "needs jq (scripts/test.sh installs it)"))
struct DocumentedCurlTests {
    /// The ```sh blocks of `file`, from the heading `section` (if given) to the next `## `.
    static func shellBlocks(of file: String, section: String? = nil) throws -> String {
        var text = try String(contentsOf: Repository.file(file), encoding: .utf8)
        if let section {
            let start = try #require(text.range(of: section))
            text = String(text[start.upperBound...])
            if let end = text.range(of: "\n## ") { text = String(text[..<end.lowerBound]) }
        }
        return text.matches(of: /```sh\n([\s\S]*?)```/).map { String($0.1) }.joined(separator: "\n")
    }

    /// Runs `script` with bash against `server`; its output lines, admin commands' confirmations left out.
    static func run(_ script: String, against server: LiveServer) async throws -> [String] {
        let binaries = PegasusdProcess.executable.deletingLastPathComponent().path
        // The admin commands of the walkthrough reach the server's data: its folder, or its
        // PostgreSQL database in the test command's second pass.
        let outcome = try await ExternalTool.system("bash").run(
            ["-c", "set -euo pipefail\n" + script],
            environment: server.commandLine.environment.merging([
                "PEGASUS": server.baseURL.absoluteString, "PEGASUS_DATA_DIR": server.server.configuration.dataDir,
                "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            ]) { _, walkthrough in walkthrough })
        #expect(outcome.status == 0, "\(outcome.output)")
        return outcome.output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("Workspace ") }
    }

    @Test func theReadmeWalksFromAProWorkspaceToAChat() async throws {
        let script = try Self.shellBlocks(of: "README.md", section: "## Personal access tokens: from a Pro workspace to a chat")
        #expect(script.contains("chat-api-only"))
        try await LiveServer.serving { server in
            let output = try await Self.run(script, against: server)
            #expect(output == [#"Helpdesk (turn 1): you said "My printer is on fire" — 5 words."#])
        }
    }

    @Test func theTokensGuideExamplesPrintWhatItSays() async throws {
        let script = try Self.shellBlocks(of: "Docs/tokens.md")
        try await LiveServer.serving { server in
            let output = try await Self.run(script, against: server)
            #expect(output == ["pro", "100000", "403", "200", "401"])
        }
    }
}
