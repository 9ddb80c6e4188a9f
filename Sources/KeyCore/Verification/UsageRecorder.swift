import Foundation
import Synchronization

/// Collects "last used" times in memory and hands them out in batches, so that verification
/// (the hot path) does not write to the store on every request.
///
/// A key already recorded as used within ``resolution`` is not noted again.
final class UsageRecorder: Sendable {
    private struct Pending {
        var lastUsed: [String: Date] = [:]
        var since: Date?
    }

    /// Last-used times are kept to this precision.
    let resolution: TimeInterval = 60
    /// A batch is handed out once its oldest entry is this old...
    let maximumDelay: TimeInterval = 5
    /// ...or once it holds this many keys.
    let maximumBatch = 1_024

    private let pending = Mutex(Pending())

    /// Notes that `record` was used at `now`. Returns a batch when one is due for writing.
    func note(_ record: KeyRecord, at now: Date) -> [String: Date]? {
        if let last = record.lastUsedAt, now.timeIntervalSince(last) < resolution { return nil }
        return pending.withLock { pending in
            pending.lastUsed[record.id] = now
            let since = pending.since ?? now
            pending.since = since
            guard pending.lastUsed.count >= maximumBatch || now.timeIntervalSince(since) >= maximumDelay else { return nil }
            return Self.take(&pending)
        }
    }

    /// Everything pending, emptied.
    func drain() -> [String: Date] {
        pending.withLock { Self.take(&$0) }
    }

    /// Puts back a batch whose write failed; newer times already pending win.
    func restore(_ batch: [String: Date]) {
        pending.withLock { pending in
            pending.lastUsed.merge(batch) { newer, _ in newer }
            if pending.since == nil, !batch.isEmpty { pending.since = batch.values.min() }
        }
    }

    private static func take(_ pending: inout Pending) -> [String: Date] {
        defer { pending = Pending() }
        return pending.lastUsed
    }
}
