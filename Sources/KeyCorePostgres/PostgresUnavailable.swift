/// PostgreSQL could not be reached, or gave no connection in time: the server is down, the
/// address or credentials are wrong, or every connection stays busy.
///
/// The message is one line, `cannot reach PostgreSQL at <URL without password>: <reason>`,
/// with the server's own words when it gave some (`password authentication failed for user
/// "app"`). A server maps it to 503 Service Unavailable: the pool reconnects once the database
/// is back.
public struct PostgresUnavailable: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The reason alone, without the address.
    let reason: String

    /// - Parameter url: the redacted URL, when the caller knows it.
    init(url: PostgresURL?, reason: String) {
        self.reason = reason
        description = "cannot reach PostgreSQL" + (url.map { " at \($0)" } ?? "") + ": " + reason
    }
}
