import PostgresNIO

/// A ``PostgresClient`` whose `run()` goes on for as long as this value lives: for a test that
/// needs a pool for its duration (keep it with ``TemporaryDirectory/keep(_:)``).
public final class RunningPostgresClient: Sendable {
    public let client: PostgresClient
    private let running: Task<Void, Never>

    public init(_ configuration: PostgresClient.Configuration) {
        let client = PostgresClient(configuration: configuration)
        self.client = client
        running = Task { await client.run() }
    }

    /// Cancelling `run()` closes the pool's connections.
    deinit { running.cancel() }
}
