/// Why a request is refused, in words a client can act on.
///
/// ``status`` says what would fix it: authenticating (401, with a `WWW-Authenticate`
/// challenge) or nothing the caller can present (403). ``code`` is stable and machine-readable;
/// ``message`` is for people.
public struct Denial: Error, Hashable, Sendable {
    public enum Status: Int, Hashable, Sendable {
        /// No usable credential: present one (HTTP 401).
        case unauthenticated = 401
        /// Credentials are fine but do not allow this (HTTP 403).
        case forbidden = 403
    }

    public var status: Status
    public var code: String
    public var message: String
    /// For ``Codes/insufficientScope``: the scopes the credential lacks.
    public var missingScopes: [String]
    /// `true` when a presented credential failed (bad key, expired token, missing CSRF header):
    /// the caller's fix is to that credential, which makes this the most useful denial to show.
    public var isCredentialFailure: Bool

    public init(_ status: Status, code: String, message: String, missingScopes: [String] = [], isCredentialFailure: Bool = false) {
        self.status = status
        self.code = code
        self.message = message
        self.missingScopes = missingScopes
        self.isCredentialFailure = isCredentialFailure
    }

    /// The stable codes AuthGate's own permissions and authenticators use.
    public enum Codes {
        /// No credential was presented.
        public static let notAuthenticated = "not_authenticated"
        /// A credential was presented and is not valid (malformed, unknown, revoked, expired:
        /// one answer for all, so that a caller learns nothing about which).
        public static let authenticationFailed = "authentication_failed"
        /// The caller is known and not allowed.
        public static let permissionDenied = "permission_denied"
        /// The credential lacks a scope the route needs.
        public static let insufficientScope = "insufficient_scope"
        /// Credentials of different accounts were each needed and each allowed (``AllOf``).
        public static let conflictingCredentials = "conflicting_credentials"
        /// A session-authenticated unsafe request without the matching CSRF header.
        public static let csrfFailed = "csrf_failed"
    }

    /// No credential of the kinds the route accepts was presented.
    public static let notAuthenticated = Denial(
        .unauthenticated, code: Codes.notAuthenticated, message: "Authentication credentials were not provided.")
}
