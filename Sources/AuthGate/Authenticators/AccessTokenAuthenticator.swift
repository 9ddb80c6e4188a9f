import KeyCore

/// Authenticates `Authorization: Bearer pgp_…`: a personal access token issued by KeyCore, acting
/// for its owner within the workspace it was bound to, limited to its scopes (``HasScope``).
///
/// Bearer tokens without the access-token prefix count as absent here (a login JWT is
/// ``BearerTokenAuthenticator``'s). Malformed, unknown, revoked and expired tokens, tokens of users
/// that are gone, and API keys presented as tokens all get one answer:
/// ``BearerTokenAuthenticator/invalidToken``.
public struct AccessTokenAuthenticator: Authenticator {
    public let scheme: SecurityScheme
    private let keys: KeyService
    private let users: any UserDirectory

    public init(keys: KeyService, users: any UserDirectory, schemeName: String = "patAuth", description: String? = nil) {
        self.keys = keys
        self.users = users
        scheme = Self.scheme(name: schemeName, description: description)
    }

    /// The scheme such an authenticator reads, for describing an API without its stores.
    public static func scheme(name: String = "patAuth", description: String? = nil) -> SecurityScheme {
        SecurityScheme(name: name, location: .bearer(format: nil), role: .accessToken, description: description)
    }

    /// What every access token starts with: `pgp_`.
    public static let prefix = "\(KeyType.personalAccessToken.prefix)_"

    public func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck {
        guard let token = BearerTokenAuthenticator.bearerToken(in: facts), token.hasPrefix(Self.prefix) else { return .absent }
        switch try await keys.verify(token) {
        case .rejected(let reason):
            return .rejected(BearerTokenAuthenticator.invalidToken, reason: "access token \(reason.rawValue)")
        case .valid(let record):
            guard record.type == .personalAccessToken, let owner = record.owner, owner.kind == .user else {
                return .rejected(BearerTokenAuthenticator.invalidToken, reason: "a \(record.type) is not a personal access token")
            }
            guard let user = try await users.user(id: owner.id) else {
                return .rejected(BearerTokenAuthenticator.invalidToken, reason: "access token \(record.lookupID) belongs to a missing user")
            }
            return .authenticated(.accessToken(record, user: user, workspace: record.workspace))
        }
    }
}
