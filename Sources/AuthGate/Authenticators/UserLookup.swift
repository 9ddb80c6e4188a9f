/// A ``UserDirectory`` that asks a closure: the shortest way to put an app's own user table
/// behind API keys.
///
/// ```swift
/// let users = UserLookup { id in
///     try await db.user(id: id).map { UserIdentity(id: $0.id, email: $0.email, isAdmin: $0.isStaff) }
/// }
/// ```
public struct UserLookup: UserDirectory {
    private let lookup: @Sendable (String) async throws -> UserIdentity?

    /// - Parameter lookup: the user with this id, or `nil` when there is none (a key of a user
    ///   that is gone is refused like an unknown key).
    public init(_ lookup: @escaping @Sendable (String) async throws -> UserIdentity?) {
        self.lookup = lookup
    }

    public func user(id: String) async throws -> UserIdentity? {
        try await lookup(id)
    }
}
