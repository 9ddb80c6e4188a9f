import OpenAPIKit30

/// A route's security alternatives written as OpenAPI Security Requirement Objects.
enum SecurityRequirements {
    /// `alternatives` (OR of ANDs: scheme name → scopes) as the operation's `security` list;
    /// `[[:]]` becomes `[{}]` (anonymous). Every scheme must be one of `schemes`.
    static func openAPI(
        _ alternatives: [[String: [String]]],
        route: OperationDescription,
        schemes: OpenAPI.ComponentDictionary<OpenAPI.SecurityScheme>
    ) throws(SchemaError) -> [OpenAPI.SecurityRequirement] {
        guard !alternatives.isEmpty else { throw .unsatisfiableSecurity(route: route.label) }
        var requirements: [OpenAPI.SecurityRequirement] = []
        for alternative in alternatives {
            var requirement = OpenAPI.SecurityRequirement()
            for (name, scopes) in alternative.sorted(by: { $0.key < $1.key }) {
                guard let key = OpenAPI.ComponentKey(rawValue: name), schemes[key] != nil else {
                    throw .unknownSecurityScheme(route: route.label, scheme: name)
                }
                requirement[.component(named: name)] = scopes
            }
            requirements.append(requirement)
        }
        return requirements
    }
}
