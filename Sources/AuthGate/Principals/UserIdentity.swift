/// The account a request acts for, as permissions see it.
public struct UserIdentity: Hashable, Sendable {
    /// The user's stable id (the `id` in a key owner `user:<id>`).
    public var id: String
    public var email: String
    /// Staff with access to admin-only routes (``IsAdminUser``).
    public var isAdmin: Bool

    public init(id: String, email: String, isAdmin: Bool = false) {
        self.id = id
        self.email = email
        self.isAdmin = isAdmin
    }
}
