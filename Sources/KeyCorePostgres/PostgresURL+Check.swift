public import Logging
import PostgresNIO

extension PostgresURL {
    /// Opens one connection to the server and closes it: a start-up check that the address,
    /// credentials and database are right, before any pool starts retrying in the background.
    ///
    /// - Throws: ``PostgresUnavailable`` within `timeout`, with one line: the server's own
    ///   message when it gave one (`password authentication failed for user "app"`, `database
    ///   "keys" does not exist`), else what the client saw (`connection refused`, `no answer
    ///   within 5.0 seconds`).
    public func checkConnection(timeout: Duration = .seconds(5), logger: Logger) async throws(PostgresUnavailable) {
        do {
            let configuration = try connectionConfiguration(connectTimeout: timeout)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                    try? await connection.close()
                }
                // The connect timeout covers TCP alone; this also bounds TLS and authentication.
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw PostgresUnavailable(url: self, reason: "no answer within \(timeout)")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            throw error as? PostgresUnavailable ?? PostgresUnavailable(url: self, reason: FailureReason.of(error))
        }
    }
}
