import AuthGate
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// What a gateway in front of an API that is not written in Swift asks pegasusd
/// (Docs/deploy.md): nginx's `auth_request` calls `GET /api/auth/check/` with the client's
/// headers, and a gateway that holds a service key asks `POST /api/introspect/` (RFC 7662)
/// about a key or token it was given.
enum GatewayAPI {
    static let endpoints: [PegasusEndpoint] = [introspect, authCheck(.get), authCheck(.head)]

    /// The workspace rules a personal access token must pass at a gateway. pegasusd does not
    /// know what the upstream request does, so only the rules about the token itself apply (its
    /// owner holds a seat in the workspace, whose plan includes API access); the rules that
    /// depend on the action — a read-only team's writes, a viewer's role — are the upstream's
    /// to apply, and reading is what every seated member may do.
    static let workspaceAction = WorkspaceAction.read

    /// Who passes `GET /api/auth/check/`: a user's API key, or a personal access token that its
    /// workspace accepts (`HasScope([])`: any valid token, whatever its scopes), and then only
    /// with every scope nginx requires. Team and service keys are refused with 403: the headers
    /// an upstream reads name a user, and a key of no user would leave them empty.
    static let authCheckPermission: any Permission =
        (HasUserAPIKey() | (HasScope([]) & WorkspaceAllows(workspaceAction))) & HasRequiredScopes()

    /// RFC 7662 introspection, for a service key only. The token asked about is not metered:
    /// the gateway may ask again for one request (a retry, an expired cache) or ask without one
    /// (checking a token it holds), so counting its questions would charge the workspace for the
    /// gateway's bookkeeping. A gateway that should meter requests uses `auth_request` instead.
    static let introspect = PegasusEndpoint(
        .post, "/api/introspect/", HasServiceAPIKey(), tags: ["gateway"], summary: "Introspect an API key or access token (RFC 7662)",
        description: """
            For a gateway holding a service key (an API key of owner `service:NAME`). The body is a form \
            (`token=…`, RFC 7662) or JSON (`{"token": "…"}`). A token that would be refused here — malformed, unknown, \
            revoked, expired, of a user who is gone, or a personal access token whose workspace refuses it (no seat, or \
            a plan without API access) — is exactly `{"active": false}`. Introspecting records the token's last use but \
            does not count against its workspace's quota.
            """,
        body: RequestBodyDescription(
            IntrospectionRequest.self, contentType: IntrospectionRequest.formContentType, description: "Also accepted as `application/json`."),
        responds: ResponseDescription(200, "Whether the token is active and, if it is, what it is.", body: Introspection.self)
    ) { services, request, _, _ in
        let body = try await IntrospectionRequest.read(from: request, limit: services.maxBodyBytes)
        let principal = try await TokenIntrospector(services).principal(for: body.token)
        return try WireJSON.response(principal.flatMap(Introspection.init) ?? .inactive)
    }

    /// The route nginx's `auth_request` calls (a GET subrequest; HEAD answers the same without a
    /// body). An allowed check is metered like any request with its credential: it stands for
    /// the upstream request nginx lets through.
    static func authCheck(_ method: HTTPRequest.Method) -> PegasusEndpoint {
        PegasusEndpoint(
            method, "/api/auth/check/", authCheckPermission, tags: ["gateway"], summary: "Check a request's credential for nginx's auth_request",
            description: """
                Reads the credential of the request nginx forwards (`Authorization: Api-Key …` or the configured API key \
                header, or `Authorization: Bearer pgp_…`) and the scopes nginx requires in `\(HasRequiredScopes.header)` \
                (space-separated, all required). Answers 204 with `X-Pegasus-User`, `X-Pegasus-Email`, `X-Pegasus-Scopes`, \
                `X-Pegasus-Key-Id` and, for a personal access token, `X-Pegasus-Workspace`; 401 for a missing or invalid \
                credential; 403 for a team or service key, a token its workspace refuses, or a missing scope; 429 past the \
                workspace's monthly quota.
                """,
            responds: ResponseDescription(204, "The credential may pass; the X-Pegasus-* headers say whose it is."),
            .problem(429, "The workspace used its monthly quota; see Retry-After.", body: ProblemDetails.self)
        ) { _, _, _, auth in
            Response(status: .noContent, headers: IdentityHeaders.fields(for: auth.principal))
        }
    }
}
