public import PostgresNIO

extension PostgresClient {
    /// Runs `body` on a pooled connection, giving up when none can be had within `timeout`.
    ///
    /// When the server is down, postgres-nio 1.33's pool does not fail a lease: it queues it and
    /// retries the connection with a growing backoff, and only after a minute without any
    /// connection does it trip a circuit breaker that fails waiting and new leases at once (until a
    /// retry succeeds). Left alone, the first minute of an outage would hold every request. This
    /// waits for the lease in a child task and stops waiting at `timeout`, so a server can answer
    /// 503 promptly; the pool goes on retrying and serves leases again once the database is back.
    ///
    /// Only the wait for a connection is timed: `body` runs in the caller's task for as long as
    /// it takes.
    ///
    /// - Throws: ``PostgresUnavailable`` when no connection comes within `timeout`, or the pool
    ///   fails the lease; otherwise what `body` throws.
    public func withConnection<T>(timeout: Duration, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let handoff = ConnectionHandoff()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await self.withConnection { connection in await handoff.lend(connection) }
                } catch {
                    handoff.fail(error is CancellationError || Task.isCancelled
                        ? error : PostgresUnavailable(url: nil, reason: FailureReason.of(error)))
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return  // the body is done, or the caller gave up
                }
                handoff.fail(PostgresUnavailable(url: nil, reason: "no connection within \(timeout)"))
            }
            // The lease child is cancelled too: it lets go of a lease still waiting; one already
            // granted is unaffected (its connection is back with the pool once given back).
            defer { group.cancelAll() }
            let connection = try await handoff.borrow()
            defer { handoff.giveBack() }
            return try await body(connection)
        }
    }
}
