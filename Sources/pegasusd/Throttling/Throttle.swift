import AuthGateHummingbird
import Foundation
import Hummingbird
import Synchronization

/// Counts requests per identity (a client address, an account) over a sliding window, as DRF's
/// `SimpleRateThrottle` does, and refuses past the rate with 429 and `Retry-After`.
///
/// Kept in memory: one server's count. (Several servers on one database would each keep their
/// own; see the PostgreSQL issue.)
final class Throttle: Sendable {
    let rate: ThrottleRate
    private let clock: @Sendable () -> Date
    /// Identity → the times of its requests inside the window, oldest first; and the size past
    /// which identities with no request inside the window are dropped, so that many one-off
    /// addresses cannot grow it without bound.
    private let history = Mutex<(requests: [String: [Date]], pruneAt: Int)>(([:], Throttle.minimumPruneSize))
    private static let minimumPruneSize = 1_024

    init(rate: ThrottleRate, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.rate = rate
        self.clock = clock
    }

    /// How many identities are remembered (for tests of the pruning).
    var rememberedIdentities: Int { history.withLock { $0.requests.count } }

    /// Counts a request of every identity in `identities` (`address:127.0.0.1`,
    /// `account:alice@example.com`), or refuses it — counting none — when any of them is past the
    /// rate.
    /// - Throws: ``ProblemError`` 429 `throttled` with `Retry-After`, DRF's message.
    func check(_ identities: [String]) throws {
        let now = clock()
        let wait: TimeInterval? = history.withLock { history in
            var longest: TimeInterval?
            for identity in identities {
                let recent = (history.requests[identity] ?? []).filter { now.timeIntervalSince($0) < rate.period }
                history.requests[identity] = recent
                if recent.count >= rate.requests, let oldest = recent.first {
                    longest = max(longest ?? 0, rate.period - now.timeIntervalSince(oldest))
                }
            }
            if longest == nil { for identity in identities { history.requests[identity, default: []].append(now) } }
            if history.requests.count > history.pruneAt {
                history.requests = history.requests.filter { _, times in times.last.map { now.timeIntervalSince($0) < rate.period } ?? false }
                history.pruneAt = max(Self.minimumPruneSize, 2 * history.requests.count)
            }
            return longest
        }
        guard let wait else { return }
        let seconds = max(1, Int(wait.rounded(.up)))
        var headers = HTTPFields()
        headers[.retryAfter] = String(seconds)
        throw ProblemError(
            .tooManyRequests, code: "throttled", detail: "Request was throttled. Expected available in \(seconds) seconds.", headers: headers)
    }
}
