/// Where the Swagger UI and Redoc pages load their scripts and styles from: the public CDN by
/// default, as drf-spectacular does, or a local folder (`--docs-assets DIR`) served by pegasusd
/// itself, so that an offline deployment works.
///
/// A local folder has drf-spectacular-sidecar's layout: `swagger-ui-dist/` (with
/// `swagger-ui-bundle.js`, `swagger-ui-standalone-preset.js`, `swagger-ui.css`) and
/// `redoc/bundles/redoc.standalone.js`.
enum DocsAssets: Equatable {
    case cdn
    /// A folder on disk, served under ``localPrefix``.
    case local(folder: String)

    /// Where a local folder is served.
    static let localPrefix = "/api/schema/assets/"

    var swaggerUIBundle: String { url(cdn: "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js", local: "swagger-ui-dist/swagger-ui-bundle.js") }
    var swaggerUIPreset: String { url(cdn: "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-standalone-preset.js", local: "swagger-ui-dist/swagger-ui-standalone-preset.js") }
    var swaggerUICSS: String { url(cdn: "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css", local: "swagger-ui-dist/swagger-ui.css") }
    var redocBundle: String { url(cdn: "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js", local: "redoc/bundles/redoc.standalone.js") }

    /// Where the pages' scripts and styles come from, as a Content-Security-Policy source.
    var origin: String {
        switch self {
        case .cdn: "https://cdn.jsdelivr.net"
        case .local: "'self'"
        }
    }

    private func url(cdn: String, local path: String) -> String {
        switch self {
        case .cdn: cdn
        case .local: Self.localPrefix + path
        }
    }
}
