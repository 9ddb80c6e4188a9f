import KeyCore

/// A signed-in browser session, as the application's session store knows it.
public struct ResolvedSession: Sendable {
    public var user: UserIdentity
    /// The token the browser must echo in the CSRF header on unsafe requests.
    public var csrfToken: String

    public init(user: UserIdentity, csrfToken: String) {
        self.user = user
        self.csrfToken = csrfToken
    }
}

/// Finds the session behind a cookie value. Implemented by the application.
public protocol SessionResolver: Sendable {
    /// The live session for this cookie value, or `nil` (unknown, expired, signed out).
    func session(forCookie value: String) async throws -> ResolvedSession?
}

/// Authenticates a session cookie as an interactive user.
///
/// A cookie is sent by the browser on its own, so on unsafe methods (POST, PUT, PATCH, DELETE)
/// the request must also carry the session's CSRF token in ``csrfHeader``, and an `Origin` it
/// sends must be the server's own (`Host`); otherwise the session is refused with 403
/// ``Denial/Codes/csrfFailed``, as Django does. A session cookie sent twice is refused outright:
/// which of the two the browser meant cannot be known.
public struct SessionCookieAuthenticator: Authenticator {
    public let scheme: SecurityScheme
    public let cookieName: String
    public let csrfHeader: String
    private let sessions: any SessionResolver

    public static let invalidSession = Denial(
        .unauthenticated, code: Denial.Codes.authenticationFailed, message: "Your session has expired; sign in again.", isCredentialFailure: true)
    public static let csrfFailed = Denial(
        .forbidden, code: Denial.Codes.csrfFailed, message: "CSRF token missing or incorrect.", isCredentialFailure: true)

    public init(sessions: any SessionResolver, cookieName: String = "sessionid", csrfHeader: String = "X-CSRFToken", schemeName: String = "cookieAuth") {
        self.sessions = sessions
        self.cookieName = cookieName
        self.csrfHeader = csrfHeader
        scheme = Self.scheme(cookieName: cookieName, csrfHeader: csrfHeader, name: schemeName)
    }

    /// The scheme such an authenticator reads, for describing an API without its sessions.
    public static func scheme(cookieName: String = "sessionid", csrfHeader: String = "X-CSRFToken", name: String = "cookieAuth") -> SecurityScheme {
        SecurityScheme(
            name: name, location: .cookie(cookieName), role: .interactive,
            description: "The browser session; unsafe methods also need `\(csrfHeader)`.")
    }

    /// `true` unless the request's `Origin` names another host than its `Host` (a request without
    /// `Origin`, as older browsers and non-browser clients send, is judged by the CSRF token alone).
    static func isSameOrigin(_ facts: RequestFacts) -> Bool {
        guard let origin = facts.header("Origin") else { return true }
        guard let host = facts.header("Host"), let separator = origin.range(of: "://") else { return false }
        return origin[separator.upperBound...].lowercased() == host.lowercased()
    }

    public func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck {
        guard let cookie = facts.cookies[cookieName] else { return .absent }
        guard !facts.duplicatedCookieNames.contains(cookieName) else {
            return .rejected(Self.invalidSession, reason: "the session cookie was sent more than once")
        }
        guard let session = try await sessions.session(forCookie: cookie) else {
            return .rejected(Self.invalidSession, reason: "unknown or expired session")
        }
        if !facts.isSafeMethod {
            let presented = facts.header(csrfHeader) ?? ""
            guard ConstantTime.equals(Array(presented.utf8), Array(session.csrfToken.utf8)) else {
                return .rejected(Self.csrfFailed, reason: "CSRF header missing or wrong")
            }
            guard Self.isSameOrigin(facts) else {
                return .rejected(Self.csrfFailed, reason: "Origin is another site's")
            }
        }
        return .authenticated(.user(session.user))
    }
}
