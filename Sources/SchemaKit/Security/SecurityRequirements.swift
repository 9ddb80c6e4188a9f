import OpenAPIKit30

/// A route's security alternatives written as OpenAPI Security Requirement Objects, and the
/// scopes they need as the operation's `x-scopes` extension.
///
/// OpenAPI 3.0 allows scope lists in a security requirement only for OAuth2 and OpenID Connect
/// schemes; 3.1 allows them for any scheme (as roles). So 3.1 documents carry the scopes in
/// `security` itself, 3.0 documents write empty lists there, and both carry `x-scopes`
/// (scheme name → the scopes it must hold), which a client or tool can read in either version.
enum SecurityRequirements {
    /// The name of the operation extension that lists the scopes per scheme.
    static let scopesExtensionName = "x-scopes"

    /// `alternatives` (OR of ANDs: scheme name → scopes) as the operation's `security` list;
    /// `[[:]]` becomes `[{}]` (anonymous). Every scheme must be one of `schemes`. Scopes are
    /// written only `withScopes` (3.1).
    static func openAPI(
        _ alternatives: [[String: [String]]],
        route: OperationDescription,
        schemes: OpenAPI.ComponentDictionary<OpenAPI.SecurityScheme>,
        withScopes: Bool
    ) throws(SchemaError) -> [OpenAPI.SecurityRequirement] {
        guard !alternatives.isEmpty else { throw .unsatisfiableSecurity(route: route.label) }
        var requirements: [OpenAPI.SecurityRequirement] = []
        for alternative in alternatives {
            var requirement = OpenAPI.SecurityRequirement()
            for (name, scopes) in alternative.sorted(by: { $0.key < $1.key }) {
                guard let key = OpenAPI.ComponentKey(rawValue: name), schemes[key] != nil else {
                    throw .unknownSecurityScheme(route: route.label, scheme: name)
                }
                requirement[.component(named: name)] = withScopes ? scopes : []
            }
            requirements.append(requirement)
        }
        return requirements
    }

    /// `x-scopes`: each scheme that must hold scopes, with the scopes (`{patAuth: [bots:write]}`),
    /// or nothing when no alternative needs one.
    static func scopesExtension(_ alternatives: [[String: [String]]]) -> [String: AnyCodable] {
        var scopes: [String: [String]] = [:]
        for alternative in alternatives {
            for (scheme, needed) in alternative where !needed.isEmpty {
                scopes[scheme] = Array(Set(scopes[scheme, default: []] + needed)).sorted()
            }
        }
        return scopes.isEmpty ? [:] : [scopesExtensionName: AnyCodable(scopes)]
    }
}
