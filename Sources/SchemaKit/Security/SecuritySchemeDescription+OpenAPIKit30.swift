import OpenAPIKit30

extension SecuritySchemeDescription {
    /// This scheme as an OpenAPI 3.0 Security Scheme Object.
    var openAPI: OpenAPI.SecurityScheme {
        switch kind {
        case .apiKeyHeader(let header):
            OpenAPI.SecurityScheme(type: .apiKey(name: header, location: .header), description: description)
        case .apiKeyCookie(let cookie):
            OpenAPI.SecurityScheme(type: .apiKey(name: cookie, location: .cookie), description: description)
        case .httpBearer(let format):
            OpenAPI.SecurityScheme(type: .http(scheme: "bearer", bearerFormat: format), description: description)
        }
    }
}
