/// Finds the account behind a key's `user:<id>` owner: the application's user table
/// (``UserLookup`` wraps a closure over it) or a fixed list (``InMemoryUserDirectory``).
public protocol UserDirectory: Sendable {
    /// The user with this id, or `nil` when there is none (deleted, disabled): a key of a user
    /// that is gone is refused like an unknown key.
    func user(id: String) async throws -> UserIdentity?
}
