/// Checks a bearer token's signature and claims. Implemented by the application (for example
/// over JWTKit), so AuthGate itself carries no JWT library.
public protocol BearerTokenVerifier: Sendable {
    /// The user the token was issued to, or `nil` when the token is not valid (bad signature,
    /// expired, wrong type, user gone).
    func user(forToken token: String) async throws -> UserIdentity?
}

/// Authenticates `Authorization: Bearer <token>` as an interactive user, as issued by a login API.
///
/// Tokens whose text starts with one of `ignoredPrefixes` (e.g. `pgp_` personal access tokens)
/// belong to another authenticator and count as absent here.
public struct BearerTokenAuthenticator: Authenticator {
    public let scheme: SecurityScheme
    private let verifier: any BearerTokenVerifier
    private let ignoredPrefixes: [String]

    /// The public answer to a bearer token that does not verify (RFC 6750 `invalid_token`).
    public static let invalidToken = Denial(
        .unauthenticated, code: Denial.Codes.authenticationFailed, message: "Invalid or expired token.", isCredentialFailure: true)

    /// - Parameters:
    ///   - description: what documentation says about the token (where a client gets one).
    public init(
        verifier: any BearerTokenVerifier, schemeName: String = "jwtAuth", format: String? = "JWT", description: String? = nil,
        ignoredPrefixes: [String] = []
    ) {
        self.verifier = verifier
        self.ignoredPrefixes = ignoredPrefixes
        scheme = Self.scheme(name: schemeName, format: format, description: description)
    }

    /// The scheme such an authenticator reads, for describing an API without its verifier.
    public static func scheme(name: String = "jwtAuth", format: String? = "JWT", description: String? = nil) -> SecurityScheme {
        SecurityScheme(name: name, location: .bearer(format: format), role: .interactive, description: description)
    }

    public func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck {
        guard let token = Self.bearerToken(in: facts) else { return .absent }
        if ignoredPrefixes.contains(where: { token.hasPrefix($0) }) { return .absent }
        guard let user = try await verifier.user(forToken: token) else {
            return .rejected(Self.invalidToken, reason: "bearer token did not verify")
        }
        return .authenticated(.user(user))
    }

    /// The token of `Authorization: Bearer <token>` (scheme word case-insensitive, RFC 9110 §11.1).
    public static func bearerToken(in facts: RequestFacts) -> String? {
        APIKeyHeader.authorization(keyword: "Bearer").key(in: facts)
    }
}
