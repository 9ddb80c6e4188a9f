/// The outcome of reading one scheme's credential from a request.
public enum CredentialCheck: Sendable, Equatable {
    /// The request carries no credential of this scheme.
    case absent
    /// A credential was presented and refused. `denial` is the public answer; `reason` is for
    /// the server's log only (e.g. `revoked`), never shown to the caller and never the secret.
    case rejected(Denial, reason: String)
    /// The credential is genuine and current.
    case authenticated(Principal)

    /// The principal, when authenticated.
    public var principal: Principal? {
        if case .authenticated(let principal) = self { principal } else { nil }
    }
}
