import Foundation

/// A program the schema and browser tests drive: the Python tools that `scripts/test.sh` installs
/// in throwaway virtualenvs (`PEGASUS_SCHEMA_TOOLS` names one's `bin` folder,
/// `PEGASUS_BROWSER_PYTHON` the other's Python), and `tsc`, `node` and `chromium` from Debian's
/// packages, found on `PATH`.
struct ExternalTool {
    /// The virtualenv's `bin` folder, set by `scripts/test.sh`.
    static let toolsFolder = ProcessInfo.processInfo.environment["PEGASUS_SCHEMA_TOOLS"]
    /// drf-spectacular-sidecar's static folder (Swagger UI and Redoc), set by `scripts/test.sh`.
    static let docsAssets = ProcessInfo.processInfo.environment["PEGASUS_DOCS_ASSETS"]
    /// The Python of the browser tests' virtualenv (Selenium, axe-core), set by `scripts/test.sh`.
    static let browserPython = ProcessInfo.processInfo.environment["PEGASUS_BROWSER_PYTHON"]
    /// The `ListEmployees` binary of `Examples/SwiftClient`, built by `scripts/test.sh`.
    static let swiftClient = ProcessInfo.processInfo.environment["PEGASUS_SWIFT_CLIENT"]
    /// `scripts/test.sh` sets `PEGASUS_REQUIRE_SCHEMA_TOOLS=1`, so CI fails rather than skips.
    static let required = ProcessInfo.processInfo.environment["PEGASUS_REQUIRE_SCHEMA_TOOLS"] == "1"

    let executable: String

    /// A tool of the virtualenv.
    static func python(_ name: String) -> ExternalTool {
        ExternalTool(executable: (toolsFolder ?? "/nonexistent") + "/" + name)
    }

    /// A program at `path`.
    static func program(_ path: String) -> ExternalTool {
        ExternalTool(executable: path)
    }

    /// A program on `PATH`.
    static func system(_ name: String) -> ExternalTool {
        ExternalTool(executable: "/usr/bin/env").prefixed(name)
    }

    private var prefix: [String] = []

    private init(executable: String) {
        self.executable = executable
    }

    private func prefixed(_ name: String) -> ExternalTool {
        var tool = self
        tool.prefix = [name]
        return tool
    }

    /// Runs the tool to completion in `directory`; returns its exit status and its standard
    /// output and error interleaved (one pipe, read to the end, so the tool never stalls on a
    /// full one).
    ///
    /// The wait happens on a Dispatch thread, not on the test's: the tools call the server the
    /// test runs in this process, and blocking Swift concurrency's few threads would starve it.
    func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = prefix + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let text = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: text)
            }
        }
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }
}
