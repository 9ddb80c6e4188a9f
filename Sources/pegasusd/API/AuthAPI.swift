import AuthGate
import Foundation
import Hummingbird

/// `/api/auth/`: sign-up, sign-in and sign-out for SPAs, mobile apps and browsers.
///
/// Signing in answers `{access, refresh, user}` (JWTs for apps) and also sets the session
/// cookie and the CSRF cookie (for the browser, which echoes the CSRF token in `X-CSRFToken`).
struct AuthAPI {
    let accounts: AccountStore
    let sessions: SessionStore
    let tokens: TokenIssuer
    let cookies: CookiePolicy
    let maxBodyBytes: Int

    struct SignedIn: Encodable {
        let access: String
        let refresh: String
        let user: UserListing
    }

    struct RefreshBody: Decodable {
        let refresh: String
    }

    struct LogoutBody: Decodable {
        let refresh: String?
    }

    struct Message: Encodable {
        let detail: String
    }

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/api/auth/register/", AllowAny(), summary: "Create an account and sign in") { request, _, _ in
                let credentials = try await WireJSON.decode(Credentials.self, from: request, limit: maxBodyBytes)
                return try await signIn(try await accounts.create(credentials), status: .created)
            },
            Endpoint(.post, "/api/auth/login/", AllowAny(), summary: "Sign in with email and password") { request, _, _ in
                let credentials = try await WireJSON.decode(Credentials.self, from: request, limit: maxBodyBytes)
                guard let account = try await accounts.authenticate(credentials) else {
                    throw APIError(.badRequest, code: "invalid_credentials", detail: "Unable to sign in with the email and password given.")
                }
                return try await signIn(account, status: .ok)
            },
            Endpoint(.post, "/api/auth/token/refresh/", AllowAny(), summary: "Exchange a refresh token for new tokens") { request, _, _ in
                let body = try await WireJSON.decode(RefreshBody.self, from: request, limit: maxBodyBytes)
                return try WireJSON.response(try await tokens.refresh(body.refresh))
            },
            Endpoint(.post, "/api/auth/logout/", AllowAny(), summary: "Sign out: revoke the refresh token and end the session") { request, _, _ in
                let hasBody = (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0
                if hasBody, let refresh = try await WireJSON.decode(LogoutBody.self, from: request, limit: maxBodyBytes).refresh {
                    try await tokens.revoke(refresh)
                }
                if let cookie = request.cookies[cookies.sessionName]?.value { try await sessions.end(cookie: cookie) }
                var headers = HTTPFields()
                headers[values: .setCookie] = cookies.cleared
                return try WireJSON.response(Message(detail: "Signed out."), headers: headers)
            },
            Endpoint(.get, "/api/auth/user/", IsAuthenticated(), summary: "The signed-in user") { _, _, auth in
                guard let account = try await accounts.account(id: try await auth.requireUser().id) else {
                    throw APIError.notFound("user")
                }
                return try WireJSON.response(UserListing(account))
            },
        ]
    }

    private func signIn(_ account: UserAccount, status: HTTPResponse.Status) async throws -> Response {
        let pair = try await tokens.issue(for: account)
        let session = try await sessions.start(for: account)
        var headers = HTTPFields()
        headers[values: .setCookie] = cookies.set(session: session.cookie, csrfToken: session.csrfToken)
        return try WireJSON.response(SignedIn(access: pair.access, refresh: pair.refresh, user: UserListing(account)), status: status, headers: headers)
    }
}
