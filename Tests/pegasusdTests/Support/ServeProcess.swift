import Foundation

/// `pegasusd serve` as a separate process, as a person or a supervisor starts it.
final class ServeProcess {
    let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()
    /// The `http://host:port` the server printed once listening.
    private(set) var baseURL: URL?

    struct DidNotStart: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `pegasusd serve ARGUMENTS` and waits for its "listening on" line.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = PegasusdProcess.executable
        process.arguments = ["serve"] + arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PEGASUS_") }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        var printed = Data()
        while baseURL == nil {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the process closed stdout: it exited
            printed.append(chunk)
            let text = String(decoding: printed, as: UTF8.self)
            if let match = text.firstMatch(of: /listening on (http:\/\/[^ ]+)/) { baseURL = URL(string: String(match.1)) }
        }
        if baseURL == nil {
            process.waitUntilExit()
            throw DidNotStart(description: String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    /// Sends `signal` and waits for the process to exit; returns its exit status.
    func stop(with signal: Int32 = SIGTERM) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Everything written to standard error so far (read after the process exited).
    func errorOutput() -> String {
        String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
