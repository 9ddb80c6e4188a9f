import AuthGateHummingbird
import Foundation
import Synchronization
import Testing
@testable import pegasusd

/// The limiter that runs password hashing: never more than its slots at once, a bounded queue,
/// and a 503 at once past it. Work is gated by semaphores, not timed.
@Suite struct BlockingWorkLimiterTests {
    /// Counts the work running at once and the most seen.
    final class Gauge: Sendable {
        private let counts = Mutex((now: 0, most: 0))
        var most: Int { counts.withLock { $0.most } }
        func enter() { counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { counts.withLock { $0.now -= 1 } }
    }

    @Test func noMoreThanItsSlotsRunAtOnceAndTheRestWaitTheirTurn() async throws {
        let limiter = BlockingWorkLimiter(maxConcurrent: 2, maxWaiting: 10)
        let gauge = Gauge()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for number in 0..<12 {
                group.addTask {
                    try await limiter.run {
                        gauge.enter()
                        defer { gauge.leave() }
                        Thread.sleep(forTimeInterval: 0.002)   // blocking work, as crypt(3) is
                        return number
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.sorted() == Array(0..<12))
        #expect(gauge.most <= 2)
    }

    @Test func pastTheQueueItRefusesAtOnceWith503() async throws {
        let limiter = BlockingWorkLimiter(maxConcurrent: 1, maxWaiting: 1)
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let running = Task { try await limiter.run { started.signal(); gate.wait() } }
        await withCheckedContinuation { continuation in DispatchQueue.global().async { started.wait(); continuation.resume() } }
        let waiting = Task { try await limiter.run { 1 } }
        // Let the second one take the only place in the queue before the third arrives.
        while limiter.waitingCount == 0 { await Task.yield() }
        do {
            _ = try await limiter.run { 2 }
            Issue.record("a third piece of work was let in past a full queue")
        } catch let refusal as ProblemError {
            #expect(refusal.problem.status == 503)
            #expect(refusal.headers[.retryAfter] == "1")
        }
        gate.signal()
        try await running.value
        #expect(try await waiting.value == 1)
    }
}
