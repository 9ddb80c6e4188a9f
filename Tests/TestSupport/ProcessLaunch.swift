import Foundation
import Synchronization

/// Starts child processes one at a time. Foundation's `Process.run()` was seen to crash (a
/// `memcpy` in it reading past a buffer) when tests running in parallel started several at
/// once; starting is quick, so serialising it costs nothing.
public enum ProcessLaunch {
    private static let lock = Mutex(())

    /// Runs `process`.
    public static func run(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
