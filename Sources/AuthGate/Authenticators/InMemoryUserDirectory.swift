/// A ``UserDirectory`` over a fixed list of users: for tests, examples, and apps whose users
/// are known at start-up.
///
/// ```swift
/// let users = InMemoryUserDirectory([UserIdentity(id: "42", email: "alice@example.com")])
/// let apiKeys = APIKeyAuthenticator(keys: keys, users: users)
/// ```
public struct InMemoryUserDirectory: UserDirectory {
    private let usersByID: [String: UserIdentity]

    /// The directory of `users`; of two users with one id, the last wins.
    public init(_ users: [UserIdentity]) {
        usersByID = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    public func user(id: String) async throws -> UserIdentity? {
        usersByID[id]
    }
}
