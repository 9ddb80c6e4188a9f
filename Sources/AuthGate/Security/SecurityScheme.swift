/// One way a request can present a credential, named as OpenAPI's `securitySchemes` will name it.
public struct SecurityScheme: Hashable, Sendable {
    /// Where the credential travels.
    public enum Location: Hashable, Sendable {
        /// `Authorization: <keyword> <credential>`, e.g. `Api-Key`.
        case authorizationKeyword(String)
        /// A header of its own carrying the credential alone, e.g. `X-Api-Key`.
        case header(String)
        /// `Authorization: Bearer <token>`; `format` documents the token (`JWT`).
        case bearer(format: String?)
        /// A cookie, e.g. the session cookie.
        case cookie(String)
    }

    /// What a verified credential of this scheme proves, which decides the permissions it can
    /// satisfy.
    public enum Role: Hashable, Sendable {
        /// An interactive sign-in (session or JWT): ``IsAuthenticated`` accepts it.
        case interactive
        /// An API key: ``HasAPIKey`` and ``HasUserAPIKey`` accept it.
        case apiKey
        /// A scoped access token: ``HasScope`` accepts it.
        case accessToken
    }

    /// The component name, e.g. `ApiKeyAuth`, `jwtAuth`, `cookieAuth`.
    public var name: String
    public var location: Location
    public var role: Role
    /// What documentation shows for the scheme (CommonMark); `nil` lets it say where the
    /// credential travels.
    public var description: String?

    public init(name: String, location: Location, role: Role, description: String? = nil) {
        self.name = name
        self.location = location
        self.role = role
        self.description = description
    }
}
