import Foundation

/// Runs the built `pegasusd` executable the way a person would from a shell.
struct PegasusdProcess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary next to the test bundle in the build folder (`PEGASUSD_BIN` overrides).
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["PEGASUSD_BIN"] { return URL(fileURLWithPath: path) }
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("pegasusd")
    }()

    let dataDirectory: String
    var environment: [String: String] = [:]
    /// A program that runs pegasusd for us (`setpriv --reuid=nobody …`), if any.
    var launcher: [String] = []
    /// The binary to run: the built one, or a copy another user can reach.
    var binary = Self.executable

    /// Runs `pegasusd ARGUMENTS --data-dir <dataDirectory>` with `input` on standard input.
    func run(_ arguments: [String], input: String = "", withDataDirectory: Bool = true) throws -> Outcome {
        let process = Process()
        let command = launcher + [binary.path] + arguments + (withDataDirectory ? ["--data-dir", dataDirectory] : [])
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        // Only the settings the test gives: none of the test command's own PEGASUS_* variables.
        let env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PEGASUS_") }
        process.environment = env.merging(environment) { _, new in new }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self)
        )
    }

    /// The same process with these environment variables added.
    func with(_ variables: [String: String]) -> PegasusdProcess {
        var copy = self
        copy.environment.merge(variables) { _, new in new }
        return copy
    }

    /// `keys create --json`, decoded.
    func createKey(_ extra: [String] = []) throws -> (key: String, id: String) {
        let outcome = try run(["keys", "create", "--json"] + extra)
        guard outcome.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any],
              let key = object["key"] as? String, let id = object["id"] as? String
        else { throw CreateFailed(outcome: outcome.stderr) }
        return (key, id)
    }

    struct CreateFailed: Error { let outcome: String }
}
