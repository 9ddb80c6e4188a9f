import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `/api/auth/`: sign-up, sign-in and sign-out for SPAs, mobile apps and browsers.
///
/// Signing in answers `{access, refresh, user}` (JWTs for apps) and also sets the session
/// cookie and the CSRF cookie (for the browser, which echoes the CSRF token in `X-CSRFToken`).
/// A browser's sign-in gets no refresh token: its session cookie does that job out of reach of
/// page scripts.
enum AuthAPI {
    /// The answer past the sign-in rate (`throttle_auth`).
    static let throttled = ResponseDescription.problem(429, "Too many attempts from this address or for this account; see Retry-After.", body: ProblemDetails.self)

    static let signedInDescription = "Signed in: tokens for apps, and session and CSRF cookies for the browser. A request with `Sec-Fetch-Site` (a browser's) gets no refresh token."

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.post, "/api/auth/register/", AllowAny(), tags: ["auth"], summary: "Create an account and sign in",
                        body: RequestBodyDescription(Credentials.self),
                        responds: ResponseDescription(201, Self.signedInDescription, body: SignedIn.self),
                        .problem(409, "An account with this email exists.", body: ProblemDetails.self), throttled) { services, request, context, _ in
            try services.authThrottle?.check(["address:\(context.clientAddress)"])
            let credentials = try await WireJSON.decode(Credentials.self, from: request, limit: services.maxBodyBytes)
            return try await signIn(try await services.accounts.create(credentials), status: .created, request: request, services: services)
        },
        PegasusEndpoint(.post, "/api/auth/login/", AllowAny(), tags: ["auth"], summary: "Sign in with email and password",
                        body: RequestBodyDescription(Credentials.self),
                        responds: ResponseDescription(200, Self.signedInDescription, body: SignedIn.self),
                        throttled) { services, request, context, _ in
            let credentials = try await WireJSON.decode(Credentials.self, from: request, limit: services.maxBodyBytes)
            // Per address and per account, before any hashing: guessing one password from many
            // addresses, or many from one, both run into it.
            try services.authThrottle?.check(["address:\(context.clientAddress)", "account:\(credentials.email.lowercased())"])
            guard let account = try await services.accounts.authenticate(credentials) else {
                throw ProblemError(.badRequest, code: "invalid_credentials", detail: "Unable to sign in with the email and password given.")
            }
            return try await signIn(account, status: .ok, request: request, services: services)
        },
        PegasusEndpoint(.post, "/api/auth/token/refresh/", AllowAny(), tags: ["auth"], summary: "Exchange a refresh token for new tokens",
                        body: RequestBodyDescription(RefreshRequest.self),
                        responds: ResponseDescription(200, "A new access token and the next refresh token.", body: TokenPair.self),
                        throttled) { services, request, context, _ in
            try services.authThrottle?.check(["address:\(context.clientAddress)"])
            let body = try await WireJSON.decode(RefreshRequest.self, from: request, limit: services.maxBodyBytes)
            return try WireJSON.response(try await services.tokens.refresh(body.refresh))
        },
        PegasusEndpoint(.post, "/api/auth/logout/", AllowAny(), tags: ["auth"], summary: "Sign out: revoke the refresh token and end the session",
                        body: RequestBodyDescription(LogoutRequest.self, required: false),
                        responds: ResponseDescription(200, "Signed out; the cookies are cleared.", body: Message.self),
                        .problem(403, "A live session cookie without its CSRF token in X-CSRFToken, or from another site.", body: ProblemDetails.self)) { services, request, _, auth in
            // A browser sends the cookie on its own: ending a live session passes the session
            // authenticator's CSRF and Origin checks, as every other unsafe request does, so
            // another site cannot sign a person out.
            let cookie = request.cookies[services.cookies.sessionName]?.value
            if cookie != nil, let sessionCookies = auth.request.authenticators.first(where: { $0 is SessionCookieAuthenticator }),
               case .rejected(let denial, _) = try await auth.request.check(sessionCookies), denial.code == Denial.Codes.csrfFailed {
                throw ProblemError(.forbidden, code: denial.code, detail: denial.message)
            }
            // The body is optional and may come with any framing (Content-Length or chunked).
            if let refresh = try await WireJSON.decodeIfPresent(LogoutRequest.self, from: request, limit: services.maxBodyBytes)?.refresh {
                try await services.tokens.revoke(refresh)
            }
            if let cookie { try await services.sessions.end(cookie: cookie) }
            var headers = HTTPFields()
            headers[values: .setCookie] = services.cookies.cleared
            return try WireJSON.response(Message(detail: "Signed out."), headers: headers)
        },
        PegasusEndpoint(.get, "/api/auth/user/", IsAuthenticated(), tags: ["auth"], summary: "The signed-in user",
                        responds: ResponseDescription(200, "The signed-in user.", body: UserListing.self)) { services, _, _, auth in
            guard let account = try await services.accounts.account(id: try auth.requireUser().id) else {
                throw ProblemError.notFound("user")
            }
            return try WireJSON.response(UserListing(account))
        },
    ]

    private static func signIn(_ account: UserAccount, status: HTTPResponse.Status, request: Request, services: PegasusServices) async throws -> Response {
        let signedIn = if isFromBrowser(request) {
            SignedIn(access: try await services.tokens.accessToken(for: account), refresh: nil, user: UserListing(account))
        } else {
            SignedIn(try await services.tokens.issue(for: account), user: UserListing(account))
        }
        let session = try await services.sessions.start(for: account)
        var headers = HTTPFields()
        headers[values: .setCookie] = services.cookies.set(session: session.cookie, csrfToken: session.csrfToken)
        return try WireJSON.response(signedIn, status: status, headers: headers)
    }

    /// Browsers send `Sec-Fetch-Site` with every request, and page scripts can neither set nor
    /// remove it (a forbidden header name); API clients do not send it.
    static func isFromBrowser(_ request: Request) -> Bool {
        request.headers.contains { $0.name.canonicalName == "sec-fetch-site" }
    }
}

/// The answer to a sign-in: tokens for apps and the user (cookies travel in headers).
struct SignedIn: Codable {
    let access: String
    /// Absent for a browser's sign-in, which has its session cookie instead.
    let refresh: String?
    let user: UserListing

    init(access: String, refresh: String?, user: UserListing) {
        self.access = access
        self.refresh = refresh
        self.user = user
    }

    init(_ pair: TokenPair, user: UserListing) {
        self.init(access: pair.access, refresh: pair.refresh, user: user)
    }
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
