import KeyCore

/// Verifies API keys with a KeyCore ``KeyService``.
///
/// A key owned by `user:<id>` authenticates as that user (``Principal/apiKey(_:user:)``) while
/// the user exists; team and service keys authenticate with no user. Malformed, unknown,
/// revoked and expired keys, and keys of users that are gone, all get one public answer:
/// ``Denial/Codes/authenticationFailed``.
public struct APIKeyAuthenticator: Authenticator {
    public let scheme: SecurityScheme
    private let header: APIKeyHeader
    private let keys: KeyService
    private let users: any UserDirectory

    /// The public answer to any key that does not verify.
    public static let invalidKey = Denial(
        .unauthenticated, code: Denial.Codes.authenticationFailed, message: "Invalid API key.", isCredentialFailure: true)

    public init(keys: KeyService, users: any UserDirectory, header: APIKeyHeader = .standard, schemeName: String = "ApiKeyAuth") {
        self.keys = keys
        self.users = users
        self.header = header
        scheme = Self.scheme(header: header, name: schemeName)
    }

    /// The scheme such an authenticator reads, for describing an API without its stores.
    public static func scheme(header: APIKeyHeader = .standard, name: String = "ApiKeyAuth") -> SecurityScheme {
        SecurityScheme(name: name, location: header.location, role: .apiKey)
    }

    public func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck {
        guard let text = header.key(in: facts) else { return .absent }
        switch try await keys.verify(text) {
        case .rejected(let reason):
            return .rejected(Self.invalidKey, reason: "API key \(reason.rawValue)")
        case .valid(let record):
            guard record.type.isAPIKey else {
                return .rejected(Self.invalidKey, reason: "a \(record.type) is not an API key")
            }
            guard let owner = record.owner, owner.kind == .user else { return .authenticated(.apiKey(record, user: nil)) }
            guard let user = try await users.user(id: owner.id) else {
                return .rejected(Self.invalidKey, reason: "API key \(record.lookupID) belongs to a missing user")
            }
            return .authenticated(.apiKey(record, user: user))
        }
    }
}
