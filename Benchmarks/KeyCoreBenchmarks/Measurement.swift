import Foundation
import Synchronization

/// One benchmark's figures.
struct Measurement {
    let name: String
    let operations: Int
    let elapsed: Double
    let tasks: Int
    /// Per-operation latencies in microseconds, sorted.
    let latencies: [Double]

    var perSecond: Double { Double(operations) / elapsed }
    var meanMicroseconds: Double { latencies.reduce(0, +) / Double(max(1, latencies.count)) }

    func percentile(_ fraction: Double) -> Double {
        latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(fraction * Double(latencies.count)))]
    }
}

/// Runs `body(index)` repeatedly for about `seconds` (or `limit` times) on `tasks` concurrent
/// tasks after `warmUp` untimed calls, timing each call.
func measure(
    _ name: String, seconds: Double, tasks: Int = 1, limit: Int? = nil, warmUp: Int = 1_000,
    _ body: @escaping @Sendable (Int) async throws -> Void
) async throws -> Measurement {
    let warmUp = min(warmUp, (limit ?? .max) / 2)
    for index in 0..<warmUp { try await body(index) }
    let start = ContinuousClock.now
    let deadline = start + .milliseconds(Int(seconds * 1000))
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for task in 0..<tasks {
            group.addTask {
                var local: [Double] = []
                var index = warmUp + task
                while ContinuousClock.now < deadline, limit.map({ index < $0 }) ?? true {
                    let before = ContinuousClock.now
                    try await body(index)
                    local.append(microseconds(ContinuousClock.now - before))
                    index += tasks
                }
                return local
            }
        }
        return try await group.reduce(into: [Double]()) { $0 += $1 }
    }
    let elapsed = ContinuousClock.now - start
    return Measurement(name: name, operations: latencies.count, elapsed: microseconds(elapsed) / 1e6, tasks: tasks, latencies: latencies.sorted())
}

private func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

/// Values appended from concurrent tasks.
final class Collector<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])

    func append(_ value: Value) { storage.withLock { $0.append(value) } }

    var values: [Value] { storage.withLock { $0 } }
}
