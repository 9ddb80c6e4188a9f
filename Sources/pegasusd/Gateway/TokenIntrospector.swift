import AuthGate
import KeyCore

/// Judges key or token text a gateway was given, exactly as pegasusd judges the same text
/// presented on one of its own routes: by the API key authenticator (`Api-Key …`) or, for a
/// `pgp_` token, by the access-token authenticator (`Bearer …`) and then the workspace's rules
/// (``GatewayAPI/workspaceAction``).
///
/// Verifying records the key's last use (KeyService batches it), and introspecting is meant to:
/// a gateway asks about a token because a client just presented it, so "last used" stays the
/// answer to "is anything still using this key?" that its owner reads before revoking it.
struct TokenIntrospector {
    let keys: KeyService
    let users: AccountStore
    let access: WorkspaceAccess

    init(_ services: PegasusServices) {
        keys = services.keys
        users = services.accounts
        access = services.access
    }

    /// The principal `token` authenticates as, or `nil` when pegasusd would refuse it.
    func principal(for token: String) async throws -> Principal? {
        let isAccessToken = token.hasPrefix(AccessTokenAuthenticator.prefix)
        let authenticator: any Authenticator =
            isAccessToken ? AccessTokenAuthenticator(keys: keys, users: users) : APIKeyAuthenticator(keys: keys, users: users)
        let presented = RequestFacts(
            method: "POST", path: "/api/introspect/", headers: ["Authorization": "\(isAccessToken ? "Bearer" : "Api-Key") \(token)"])
        guard let principal = try await authenticator.authenticate(presented).principal else { return nil }
        guard case .accessToken = principal else { return principal }
        switch try await access.seat(of: principal, for: GatewayAPI.workspaceAction) {
        case .success: return principal
        case .failure: return nil
        }
    }
}
