/// A migration failed and was rolled back; the ones after it were not tried.
public struct PostgresMigrationError: Error, Sendable, CustomStringConvertible {
    /// The component whose migration failed.
    public let component: String
    /// The name of the migration that failed.
    public let migration: String
    /// The server's message, in one line.
    public let reason: String

    public var description: String { "migration '\(migration)' of \(component) failed: \(reason)" }
}
