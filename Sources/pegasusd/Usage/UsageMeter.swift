import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import Synchronization

/// Counts requests made with access tokens and API keys, per workspace, day, credential and
/// endpoint, and refuses them past the workspace's monthly quota (429, with `Retry-After`).
///
/// Counting is off the request path: a request only adds to counters in memory; they are
/// written in batches (every ``flushInterval`` or ``flushThreshold`` requests, and at shutdown).
/// The month's total per workspace is kept in memory after its first read, so the quota check
/// costs no query; it is read again from the database after each flush that wrote to it, so
/// that on a database several instances share, each sees the others' counts within a flush
/// interval (the bound on how far past its quota a workspace can go is what the other instances
/// admit in that interval).
final class UsageMeter: Sendable {
    static let flushInterval: TimeInterval = 1
    static let flushThreshold = 200

    private let database: AppDatabase
    private let workspaces: WorkspaceStore
    private let quotas: PlanQuotas
    private let state = Mutex(State())
    private let flushing = AsyncLock()

    private struct Key: Hashable {
        let workspaceID: String
        let day: String
        let credentialID: String
        let credentialKind: String
        let endpoint: String
    }

    private struct State {
        var pending: [Key: Int] = [:]
        var pendingTotal = 0
        var lastFlush = Date()
        var flushScheduled = false
        /// "workspace|YYYY-MM" → requests counted this month, written or not.
        var monthTotals: [String: Int] = [:]
    }

    init(database: AppDatabase, workspaces: WorkspaceStore, quotas: PlanQuotas) {
        self.database = database
        self.workspaces = workspaces
        self.quotas = quotas
    }

    /// Counts a request that `principal` made to `endpoint`, or refuses it past the quota.
    /// Interactive sign-ins and keys without a user are not metered.
    func admit(_ principal: Principal?, endpoint: String, now: Date = Date()) async throws {
        guard let principal, let credential = principal.keyRecord, let user = principal.user else { return }
        let kind = if case .accessToken = principal { "token" } else { "api_key" }
        // A token counts against its workspace, an API key against its owner's personal one:
        // one read either way, fresh, so a plan changed a moment ago applies.
        let workspace = if let bound = principal.workspace {
            try await workspaces.workspace(id: bound)
        } else {
            try await workspaces.personalWorkspace(of: user.id)
        }
        guard let workspace else { return }
        let workspaceID = workspace.id
        // One calendar computation per request: the month is the day's first seven characters.
        let day = Self.day(of: now)
        let month = String(day.prefix(7))
        let used = try await total(of: workspaceID, month: month)
        let quota = quotas[workspace.plan]
        if used >= quota {
            let reset = Self.startOfNextMonth(after: now)
            var headers = HTTPFields()
            headers[.retryAfter] = String(max(1, Int(reset.timeIntervalSince(now).rounded(.up))))
            throw ProblemError(
                .tooManyRequests, code: "quota_exceeded",
                detail: "This workspace has used its \(quota) requests for this month; the quota resets at \(Self.timestamp(reset)).",
                headers: headers)
        }
        let key = Key(workspaceID: workspaceID, day: day, credentialID: credential.id, credentialKind: kind, endpoint: endpoint)
        let due = state.withLock { state in
            state.pending[key, default: 0] += 1
            state.pendingTotal += 1
            state.monthTotals["\(workspaceID)|\(month)", default: used] += 1
            let due = state.pendingTotal >= Self.flushThreshold || now.timeIntervalSince(state.lastFlush) >= Self.flushInterval
            // One flush at a time: the requests that follow until it runs do not start more.
            guard due, !state.flushScheduled else { return false }
            state.flushScheduled = true
            return true
        }
        if due { Task { try? await flush() } }
    }

    /// Writes the counters held in memory. Called in batches, before reports, and at shutdown.
    /// One flush at a time: a report's flush waits for the batch being written, so the report
    /// counts it.
    func flush() async throws {
        try await flushing.withLock { try await writePending() }
    }

    private func writePending() async throws {
        let batch = state.withLock { state in
            defer {
                state.pending = [:]
                state.pendingTotal = 0
                state.lastFlush = Date()
                state.flushScheduled = false
            }
            return state.pending
        }
        guard !batch.isEmpty else { return }
        do {
            try await database.write { db in
                for (key, count) in batch {
                    try await db.execute("""
                        INSERT INTO usage_count (workspace_id, day, credential_id, credential_kind, endpoint, count)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (workspace_id, day, credential_id, endpoint) DO UPDATE SET count = usage_count.count + excluded.count
                        """, [key.workspaceID, key.day, key.credentialID, key.credentialKind, key.endpoint, count])
                }
            }
        } catch {
            // Keep the counts for the next attempt rather than lose them.
            state.withLock { state in
                for (key, count) in batch { state.pending[key, default: 0] += count }
                state.pendingTotal += batch.values.reduce(0, +)
            }
            throw error
        }
        // The database now holds these counts and whatever other instances wrote: the next
        // request of each of these workspaces reads the shared total again.
        state.withLock { state in
            for key in batch.keys { state.monthTotals["\(key.workspaceID)|\(key.day.prefix(7))"] = nil }
        }
    }

    /// Requests counted for `workspaceID` in the month of `now`.
    func used(by workspaceID: String, now: Date = Date()) async throws -> Int {
        try await total(of: workspaceID, month: Self.month(of: now))
    }

    /// The workspace's counts since `since` (a `YYYY-MM-DD` day), written first.
    func rows(of workspaceID: String, since day: String) async throws -> [UsageRow] {
        try await flush()
        return try await database.read { db in
            try await db.fetchAll(
                "SELECT day, credential_id, credential_kind, endpoint, count FROM usage_count WHERE workspace_id = ? AND day >= ? ORDER BY day",
                [workspaceID, day]
            ).map { row in
                (day: try row.string("day"), credentialID: try row.string("credential_id"), kind: try row.string("credential_kind"),
                 endpoint: try row.string("endpoint"), count: try row.int("count"))
            }
        }
    }

    private func total(of workspaceID: String, month: String) async throws -> Int {
        let key = "\(workspaceID)|\(month)"
        if let known = state.withLock({ $0.monthTotals[key] }) { return known }
        let written = try await database.read { db in
            // SUM of a PostgreSQL bigint is a numeric: cast back to a whole number.
            try await db.fetchCount(
                "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM usage_count WHERE workspace_id = ? AND day LIKE ?", [workspaceID, month + "-%"])
        }
        // Requests counted while this read ran are in `pending`, not yet in `written`.
        return state.withLock { state in
            let pending = state.pending.filter { $0.key.workspaceID == workspaceID && $0.key.day.hasPrefix(month) }.values.reduce(0, +)
            let total = state.monthTotals[key] ?? (written + pending)
            state.monthTotals[key] = total
            return total
        }
    }

    // MARK: Calendar (UTC)

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `YYYY-MM-DD` in UTC, on every metered request: without `Calendar` (``UTCDate``).
    static func day(of date: Date) -> String { UTCDate(date).dayText }

    static func month(of date: Date) -> String { String(day(of: date).prefix(7)) }

    static func startOfNextMonth(after date: Date) -> Date {
        let start = utc.date(from: utc.dateComponents([.year, .month], from: date))!
        return utc.date(byAdding: .month, value: 1, to: start)!
    }

    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }
}
