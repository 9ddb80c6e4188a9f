import KeyCore

/// Who a verified credential says the caller is.
public enum Principal: Sendable, Equatable {
    /// A person signed in interactively: a session cookie or a JWT from the login API.
    case user(UserIdentity)
    /// A valid API key. `user` is its owner when the key belongs to a user; `nil` for team and
    /// service keys.
    case apiKey(KeyRecord, user: UserIdentity?)
    /// A valid personal access token: acts for `user` within `workspace` (a team id, or `nil`
    /// for the user's personal workspace), limited to the token's scopes.
    case accessToken(KeyRecord, user: UserIdentity, workspace: String?)

    /// The user this principal acts for, if any.
    public var user: UserIdentity? {
        switch self {
        case .user(let user): user
        case .apiKey(_, let user): user
        case .accessToken(_, let user, _): user
        }
    }

    /// The scopes granted to the credential; empty for an interactive user, who is limited by
    /// role rather than scope.
    public var scopes: [String] {
        switch self {
        case .user: []
        case .apiKey(let record, _), .accessToken(let record, _, _): record.scopes
        }
    }

    /// The workspace an access token is bound to; `nil` for other principals and personal tokens.
    public var workspace: String? {
        if case .accessToken(_, _, let workspace) = self { workspace } else { nil }
    }

    /// The key or token record behind this principal, if any.
    public var keyRecord: KeyRecord? {
        switch self {
        case .user: nil
        case .apiKey(let record, _), .accessToken(let record, _, _): record
        }
    }

    /// `true` when both act for the same party: the same user, or — for keys without a user —
    /// the same key. A session and an API key of one user agree; credentials of two users,
    /// or a user's and a team key's, do not.
    public func actsForSameParty(as other: Principal) -> Bool {
        switch (user, other.user) {
        case (let mine?, let theirs?): mine.id == theirs.id
        case (nil, nil): keyRecord?.id == other.keyRecord?.id
        default: false
        }
    }
}
