public import AuthGate
public import SchemaKit

extension SecuritySchemeDescription {
    /// How the OpenAPI document names and describes an AuthGate scheme: an `Authorization`
    /// keyword or a header of its own as `apiKey` in a header, a bearer token as `http bearer`,
    /// a cookie as `apiKey` in a cookie. The scheme's own ``SecurityScheme/description`` is
    /// used when it has one.
    ///
    /// ```swift
    /// OpenAPIGenerator(info: info, securitySchemes: gate.schemes.map(SecuritySchemeDescription.init), routes: routes)
    /// ```
    public init(_ scheme: SecurityScheme) {
        switch scheme.location {
        case .authorizationKeyword(let keyword):
            self = .apiKey(scheme.name, header: "Authorization", description: scheme.description ?? "`Authorization: \(keyword) <key>`")
        case .header(let name):
            self = .apiKey(scheme.name, header: name, description: scheme.description ?? "The API key alone in `\(name)`.")
        case .bearer(let format):
            self = .bearer(scheme.name, format: format, description: scheme.description ?? "`Authorization: Bearer <token>`")
        case .cookie(let name):
            self = .apiKey(scheme.name, cookie: name, description: scheme.description ?? "The `\(name)` cookie.")
        }
    }
}
