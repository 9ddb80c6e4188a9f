import AuthGate
import PegasusHummingbird
import SchemaKit

/// pegasusd's route table: every operation it serves, and the OpenAPI document of them.
enum PegasusRoutes {
    static let table = RouteTable(
        HealthAPI.endpoints + AuthAPI.endpoints + KeysAPI.endpoints + TokensAPI.endpoints + WorkspacesAPI.endpoints
            + AccountAPI.endpoints + BotsAPI.endpoints + ConversationsAPI.endpoints + UsageAPI.endpoints
            + EmployeesAPI.endpoints + GatewayAPI.endpoints + SchemaAPI.endpoints)

    static let title = "Pegasus API"

    /// The credentials pegasusd accepts under `configuration`, as the gatekeeper names them:
    /// the session cookie, the login API's JWT, personal access tokens, and API keys (in
    /// `Authorization: Api-Key` or the configured header). Known without opening any store.
    static func schemes(_ configuration: ServerConfiguration) -> [SecurityScheme] {
        [
            SessionCookieAuthenticator.scheme(cookieName: CookiePolicy.sessionName(secure: configuration.secureCookies)),
            BearerTokenAuthenticator.scheme(description: jwtDescription),
            AccessTokenAuthenticator.scheme(description: patDescription),
            APIKeyAuthenticator.scheme(header: apiKeyHeader(configuration)),
        ]
    }

    static let jwtDescription = "`Authorization: Bearer <access token>` from the login API."
    static let patDescription = "`Authorization: Bearer pgp_…`: a personal access token from `POST /api/tokens/`, limited to its scopes and bound to one workspace."

    static func apiKeyHeader(_ configuration: ServerConfiguration) -> APIKeyHeader {
        configuration.apiKeyHeader.map(APIKeyHeader.custom) ?? .standard
    }

    /// The generator of the document that `/api/schema/` serves and `pegasusd schema` writes.
    static func openAPI(_ configuration: ServerConfiguration) -> OpenAPIGenerator {
        table.openAPI(
            info: DocumentInfo(
                title: title, version: Pegasusd.configuration.version,
                description: "API keys, personal access tokens, workspaces, bots and API conversations, and the SaaS Pegasus employee example, served by pegasusd.",
                servers: [DocumentInfo.Server("/", description: "This server")]),
            schemes: schemes(configuration),
            // Request bodies are read with `.convertFromSnakeCase`; response types spell
            // snake_case keys already, which this leaves as they are.
            propertyNaming: .snakeCase)
    }
}
