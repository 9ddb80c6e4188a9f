import Synchronization

/// A lock that waits by suspending, not by blocking a thread: the SQLite writer connection is
/// held across the `await`s of a transaction's body, which a `Mutex` must not be. Waiters get
/// the lock in the order they asked for it.
final class AsyncLock: Sendable {
    private struct State {
        var isLocked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Runs `body` holding the lock.
    func withLock<T>(_ body: () async throws -> T) async rethrows -> T {
        await lock()
        defer { unlock() }
        return try await body()
    }

    private func lock() async {
        let acquired = state.withLock { state in
            guard !state.isLocked else { return false }
            state.isLocked = true
            return true
        }
        guard !acquired else { return }
        await withCheckedContinuation { continuation in
            let acquiredMeanwhile = state.withLock { state in
                guard state.isLocked else {
                    state.isLocked = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if acquiredMeanwhile { continuation.resume() }
        }
    }

    /// Hands the lock to the longest waiter, if any, else releases it.
    private func unlock() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.isLocked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
