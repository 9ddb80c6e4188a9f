import AuthGate

/// The scopes the gateway requires for the upstream location, which nginx sends in
/// `X-Pegasus-Required-Scope` (space-separated, all required): allows the principal decided so
/// far when its credential carries every one of them, and denies as ``HasScope`` does (403
/// `insufficient_scope` naming the missing ones) otherwise. No header, no requirement.
///
/// It follows the credential part of a permission (`… & HasRequiredScopes()`), as
/// ``WorkspaceAllows`` does. An API key's scopes count here: the gateway asks what the
/// credential carries, whatever its kind.
struct HasRequiredScopes: Permission {
    static let header = "X-Pegasus-Required-Scope"

    func evaluate(_ request: AuthRequest) async throws -> Decision {
        guard let principal = request.principal else { return .deny(.notAuthenticated) }
        let required = request.facts.header(Self.header)?.split(whereSeparator: \.isWhitespace).map(String.init) ?? []
        if let denial = HasScope.denial(requiring: required, of: principal) { return .deny(denial) }
        return .allow(on: principal)
    }

    /// The scopes are the gateway's, unknown to the document: the credential part documents the schemes.
    func securityAlternatives(for method: String, schemes: [SecurityScheme]) -> SecurityAlternatives { .anonymous }
}
