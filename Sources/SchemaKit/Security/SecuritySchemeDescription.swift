/// One way a request can present a credential, as `components.securitySchemes` names it.
/// Routes refer to it by ``name`` in their ``OperationDescription/security``.
///
/// ```swift
/// .apiKey("ApiKeyAuth", header: "Authorization", description: "Api-Key <key>")
/// .apiKey("cookieAuth", cookie: "sessionid")
/// .bearer("jwtAuth", format: "JWT")
/// ```
public struct SecuritySchemeDescription: Sendable, Hashable {
    /// Where the credential travels.
    public enum Kind: Sendable, Hashable {
        /// An API key in the named header (`type: apiKey, in: header`).
        case apiKeyHeader(String)
        /// An API key in the named cookie (`type: apiKey, in: cookie`), e.g. a session cookie.
        case apiKeyCookie(String)
        /// `Authorization: Bearer <token>` (`type: http, scheme: bearer`), with an optional
        /// `bearerFormat` such as `JWT`.
        case httpBearer(format: String?)
    }

    /// The component name, e.g. `ApiKeyAuth`.
    public var name: String
    /// Where the credential travels.
    public var kind: Kind
    /// What the documentation pages show for the scheme, e.g. `Api-Key <key>`.
    public var description: String?

    /// A scheme named `name` (see also ``apiKey(_:header:description:)``,
    /// ``apiKey(_:cookie:description:)`` and ``bearer(_:format:description:)``).
    public init(name: String, kind: Kind, description: String? = nil) {
        self.name = name
        self.kind = kind
        self.description = description
    }

    /// An API key in a header, e.g. `Authorization` (described as `Api-Key <key>`) or `X-Api-Key`.
    public static func apiKey(_ name: String, header: String, description: String? = nil) -> Self {
        Self(name: name, kind: .apiKeyHeader(header), description: description)
    }

    /// An API key in a cookie, e.g. `sessionid`.
    public static func apiKey(_ name: String, cookie: String, description: String? = nil) -> Self {
        Self(name: name, kind: .apiKeyCookie(cookie), description: description)
    }

    /// A bearer token in `Authorization`, e.g. with `format: "JWT"`.
    public static func bearer(_ name: String, format: String? = nil, description: String? = nil) -> Self {
        Self(name: name, kind: .httpBearer(format: format), description: description)
    }
}
