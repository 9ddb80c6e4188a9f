import AuthGateHummingbird
import Foundation

/// A failure of an admin command that is not about its arguments: printed as one
/// `Error: …` line, without the usage text that ArgumentParser adds to validation errors.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// The operating system's words for a failed file operation (`Permission denied`, …).
    static func reason(_ error: any Error) -> String {
        // Foundation wraps the errno-level cause; its message is the useful part.
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error,
           case let posix = underlying as NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return error.localizedDescription
    }

    /// Runs `body`, reporting a refusal of the stores (an unknown id, a taken seat) as this
    /// command's one-line error.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as ProblemError {
            throw CommandError(refusal.problem.detail)
        }
    }
}
