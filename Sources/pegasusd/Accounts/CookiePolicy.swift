import Foundation

/// The session and CSRF cookies: names and attributes in one place.
///
/// The session cookie is `HttpOnly` (scripts cannot read it); the CSRF cookie is readable so a
/// page's script can echo it in the CSRF header. Both are `SameSite=Lax`, and `Secure` when the
/// server is configured for HTTPS.
struct CookiePolicy: Sendable {
    /// The session cookie's name, which the gatekeeper's cookie scheme reads.
    static let sessionCookieName = "sessionid"

    var sessionName = sessionCookieName
    var csrfName = "csrftoken"
    var lifetime: TimeInterval
    var secure: Bool

    /// `Set-Cookie` values for a new session.
    func set(session: String, csrfToken: String) -> [String] {
        let attributes = "Path=/; Max-Age=\(Int(lifetime)); SameSite=Lax\(secure ? "; Secure" : "")"
        return ["\(sessionName)=\(session); \(attributes); HttpOnly", "\(csrfName)=\(csrfToken); \(attributes)"]
    }

    /// `Set-Cookie` values that delete both cookies.
    var cleared: [String] {
        [sessionName, csrfName].map { "\($0)=; Path=/; Max-Age=0; SameSite=Lax" }
    }
}
