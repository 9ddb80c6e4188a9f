/// The daemon's own tables (accounts, sessions, refresh tokens, employees, workspaces, bots,
/// conversations, usage) on either back end: the SQLite file of the data folder (the default,
/// beside the key store) or a PostgreSQL database shared by several instances. Stores write
/// their statements once (``SQLConnection``); the back end runs them.
struct AppDatabase: Sendable {
    let backend: any SQLBackend

    /// Runs `body` on a connection that sees only committed data.
    func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await backend.read(body)
    }

    /// Runs `body` in one transaction: all of it commits, or none of it does.
    func write<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await backend.write(body)
    }

    /// Lets the connections go, once nothing reads or writes any more.
    func close() async {
        await backend.close()
    }
}
