import AuthGateHummingbird
import Dispatch
import Foundation
import Hummingbird
import Synchronization

/// Runs blocking work — password hashing above all, tens of milliseconds of CPU each — on
/// threads of its own, at most ``maxConcurrent`` at once, at most ``maxWaiting`` queued behind
/// them; past that it refuses at once with 503 and `Retry-After`.
///
/// Swift's cooperative pool has one thread per core: yescrypt run there by six clients looping
/// on login took `/healthz` from 3 ms to 66 ms. Here it leaves at least one core to everything
/// else, and a flood queues (boundedly) instead of stalling API-key requests.
final class BlockingWorkLimiter: Sendable {
    let maxConcurrent: Int
    let maxWaiting: Int
    private let queue = DispatchQueue(label: "pegasus.blocking-work", attributes: .concurrent)
    private let state = Mutex(State())

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    /// The answer when the queue is full.
    static let busy: ProblemError = {
        var headers = HTTPFields()
        headers[.retryAfter] = "1"
        return ProblemError(.serviceUnavailable, code: "busy", detail: "The server is busy signing people in; try again in a moment.", headers: headers)
    }()

    /// - Parameters:
    ///   - maxConcurrent: at most this many run at once (default: the cores less one, at least one).
    ///   - maxWaiting: at most this many wait; more are refused.
    init(maxConcurrent: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), maxWaiting: Int = 64) {
        self.maxConcurrent = maxConcurrent
        self.maxWaiting = maxWaiting
    }

    /// How many are waiting for a slot now.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// `work`'s result, computed on the limiter's threads.
    /// - Throws: ``busy`` (503) when ``maxWaiting`` are already waiting; what `work` throws.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await admit()
        defer { release() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result(catching: work)) }
        }
    }

    /// Takes a running slot, waiting for one if all are taken and the queue has room.
    private func admit() async throws {
        enum Admission { case run, wait, refuse }
        let admission = state.withLock { state -> Admission in
            if state.running < maxConcurrent {
                state.running += 1
                return .run
            }
            return state.waiting.count < maxWaiting ? .wait : .refuse
        }
        switch admission {
        case .run: return
        case .refuse: throw Self.busy
        case .wait:
            // The slot is handed over by `release()`, which resumes the first waiter.
            await withCheckedContinuation { continuation in
                let admitted = state.withLock { state -> Bool in
                    // A slot may have freed between the two locks.
                    if state.running < maxConcurrent {
                        state.running += 1
                        return true
                    }
                    state.waiting.append(continuation)
                    return false
                }
                if admitted { continuation.resume() }
            }
        }
    }

    /// Gives the slot to the first waiter, or frees it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
