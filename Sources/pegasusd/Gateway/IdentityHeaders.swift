import AuthGate
import HTTPTypes
import Hummingbird

/// The headers `GET /api/auth/check/` answers with, which nginx copies into the upstream
/// request (`auth_request_set`, then `proxy_set_header`): whose credential it is. A header
/// with nothing to say is left out rather than sent empty.
enum IdentityHeaders {
    static let user = HTTPField.Name("X-Pegasus-User")!
    static let email = HTTPField.Name("X-Pegasus-Email")!
    /// The credential's scopes, space-separated (as OAuth's `scope`).
    static let scopes = HTTPField.Name("X-Pegasus-Scopes")!
    /// The id of the API key or access token (what `DELETE /api/keys/{id}/` takes).
    static let keyID = HTTPField.Name("X-Pegasus-Key-Id")!
    /// The workspace a personal access token is bound to.
    static let workspace = HTTPField.Name("X-Pegasus-Workspace")!

    /// The fields for `principal`; none when no credential decided.
    static func fields(for principal: Principal?) -> HTTPFields {
        var fields = HTTPFields()
        guard let principal else { return fields }
        let values: [(HTTPField.Name, String?)] = [
            (user, principal.user?.id), (email, principal.user?.email), (scopes, principal.scopes.joined(separator: " ")),
            (keyID, principal.keyRecord?.id), (workspace, principal.workspace),
        ]
        for case let (name, value?) in values where !value.isEmpty { fields[name] = value }
        return fields
    }
}
