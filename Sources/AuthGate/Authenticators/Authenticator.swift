/// Reads one scheme's credential from a request and verifies it.
///
/// An ``AuthRequest`` calls ``authenticate(_:)`` at most once per request and remembers the
/// answer, however many permissions ask. Throw only when the answer cannot be known (the store
/// is down); a bad credential is ``CredentialCheck/rejected(_:reason:)``, not an error.
public protocol Authenticator: Sendable {
    /// The scheme this authenticator reads, as the schema and challenges name it.
    var scheme: SecurityScheme { get }
    func authenticate(_ facts: RequestFacts) async throws -> CredentialCheck
}
