import Foundation

/// The session and CSRF cookies: names and attributes in one place.
///
/// The session cookie is `HttpOnly` (scripts cannot read it); the CSRF cookie is readable so a
/// page's script can echo it in the CSRF header. Both are `SameSite=Lax`. Behind HTTPS
/// (`secure_cookies`) both are `Secure` and carry the `__Host-` prefix, which browsers accept
/// only from a secure origin, for the whole host (`Path=/`, no `Domain`): a sibling subdomain
/// cannot set or overwrite them.
struct CookiePolicy: Sendable {
    var lifetime: TimeInterval
    var secure: Bool

    /// The session cookie's name, which the gatekeeper's cookie scheme reads.
    static func sessionName(secure: Bool) -> String { (secure ? "__Host-" : "") + "sessionid" }

    var sessionName: String { Self.sessionName(secure: secure) }
    var csrfName: String { (secure ? "__Host-" : "") + "csrftoken" }

    /// `Set-Cookie` values for a new session.
    func set(session: String, csrfToken: String) -> [String] {
        let attributes = "Path=/; Max-Age=\(Int(lifetime)); SameSite=Lax\(secure ? "; Secure" : "")"
        return ["\(sessionName)=\(session); \(attributes); HttpOnly", "\(csrfName)=\(csrfToken); \(attributes)"]
    }

    /// `Set-Cookie` values that delete both cookies.
    var cleared: [String] {
        [sessionName, csrfName].map { "\($0)=; Path=/; Max-Age=0; SameSite=Lax\(secure ? "; Secure" : "")" }
    }
}
