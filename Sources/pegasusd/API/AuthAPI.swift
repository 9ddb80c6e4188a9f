import AuthGate
import Foundation
import Hummingbird
import SchemaKit

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

    var endpoints: [Endpoint] {
        [
            Endpoint(.post, "/api/auth/register/", AllowAny(), tag: "auth", summary: "Create an account and sign in",
                     body: SchemaKit.RequestBody(Credentials.self),
                     responds: ResponseDescription(201, "Signed in: tokens for apps, and session and CSRF cookies for the browser.", body: SignedIn.self),
                     .problem(409, "An account with this email exists.", body: ProblemDetails.self)) { request, _, _ in
                let credentials = try await WireJSON.decode(Credentials.self, from: request, limit: maxBodyBytes)
                return try await signIn(try await accounts.create(credentials), status: .created)
            },
            Endpoint(.post, "/api/auth/login/", AllowAny(), tag: "auth", summary: "Sign in with email and password",
                     body: SchemaKit.RequestBody(Credentials.self),
                     responds: ResponseDescription(200, "Signed in: tokens for apps, and session and CSRF cookies for the browser.", body: SignedIn.self)) { request, _, _ in
                let credentials = try await WireJSON.decode(Credentials.self, from: request, limit: maxBodyBytes)
                guard let account = try await accounts.authenticate(credentials) else {
                    throw APIError(.badRequest, code: "invalid_credentials", detail: "Unable to sign in with the email and password given.")
                }
                return try await signIn(account, status: .ok)
            },
            Endpoint(.post, "/api/auth/token/refresh/", AllowAny(), tag: "auth", summary: "Exchange a refresh token for new tokens",
                     body: SchemaKit.RequestBody(RefreshRequest.self),
                     responds: ResponseDescription(200, "A new access token and the next refresh token.", body: TokenPair.self)) { request, _, _ in
                let body = try await WireJSON.decode(RefreshRequest.self, from: request, limit: maxBodyBytes)
                return try WireJSON.response(try await tokens.refresh(body.refresh))
            },
            Endpoint(.post, "/api/auth/logout/", AllowAny(), tag: "auth", summary: "Sign out: revoke the refresh token and end the session",
                     body: SchemaKit.RequestBody(LogoutRequest.self, required: false),
                     responds: ResponseDescription(200, "Signed out; the cookies are cleared.", body: Message.self)) { request, _, _ in
                let hasBody = (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0
                if hasBody, let refresh = try await WireJSON.decode(LogoutRequest.self, from: request, limit: maxBodyBytes).refresh {
                    try await tokens.revoke(refresh)
                }
                if let cookie = request.cookies[cookies.sessionName]?.value { try await sessions.end(cookie: cookie) }
                var headers = HTTPFields()
                headers[values: .setCookie] = cookies.cleared
                return try WireJSON.response(Message(detail: "Signed out."), headers: headers)
            },
            Endpoint(.get, "/api/auth/user/", IsAuthenticated(), tag: "auth", summary: "The signed-in user",
                     responds: ResponseDescription(200, "The signed-in user.", body: UserListing.self)) { _, _, auth in
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

/// The answer to a sign-in: tokens for apps and the user (cookies travel in headers).
struct SignedIn: Codable {
    let access: String
    let refresh: String
    let user: UserListing
}

/// `POST /api/auth/token/refresh/`: the refresh token to exchange.
struct RefreshRequest: Decodable {
    let refresh: String
}

/// `POST /api/auth/logout/`: the refresh token to revoke, if the client has one.
struct LogoutRequest: Decodable {
    let refresh: String?
}

/// A short confirmation for a person.
struct Message: Codable {
    let detail: String
}
