import TestSupport
import Foundation

/// A PostgreSQL server of one test's own, from `scripts/postgres.sh`: for tests that take the
/// database away (the shared one of the test command must stay up for the others).
struct ThrowawayPostgres {
    /// A superuser URL.
    let url: String
    private let folder: String

    /// Starts a new cluster.
    static func start() throws -> ThrowawayPostgres {
        let output = try script(["start"])
        func value(_ name: String) -> String? {
            output.split(separator: "\n").first { $0.hasPrefix("export \(name)=") }.map { String($0.dropFirst("export \(name)=".count)) }
        }
        guard let url = value("PEGASUS_TEST_POSTGRES_URL"), let folder = value("PEGASUS_TEST_POSTGRES_DIR") else {
            throw ScriptFailed(description: "postgres.sh start printed no URL: \(output)")
        }
        return ThrowawayPostgres(url: url, folder: folder)
    }

    /// Shuts the server down (connections are cut), as a restart or failover would.
    func pause() throws { _ = try Self.script(["pause", folder]) }

    /// Starts it again on the same port.
    func resume() throws { _ = try Self.script(["resume", folder]) }

    /// Stops it and removes its folder.
    func stop() { _ = try? Self.script(["stop", folder]) }

    struct ScriptFailed: Error, CustomStringConvertible {
        let description: String
    }

    private static func script(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Repository.file("scripts/postgres.sh").path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try ProcessLaunch.run(process)
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        // Reaped here rather than by waitUntilExit(), which was seen to wait for ever on this
        // script (whose server child outlives it) when called from a test's task.
        var status: Int32 = 0
        while waitpid(process.processIdentifier, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw ScriptFailed(description: "postgres.sh \(arguments.joined(separator: " ")): \(String(decoding: complaints, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self)
    }
}
