import Crypto
import Foundation

/// The two documentation pages, each pointing at the served schema, each with a
/// Content-Security-Policy that lets the page load its own scripts and styles, read the schema,
/// and nothing else: no other script (the one inline script is allowed by its hash), no frames,
/// no forms, no credentials kept in storage (`persistAuthorization` is off).
enum DocsPages {
    static func swaggerUI(schemaURL: String, title: String, assets: DocsAssets) -> HTMLPage {
        let setup = """

            window.ui = SwaggerUIBundle({
              url: \(javaScriptString(schemaURL)),
              dom_id: "#swagger-ui",
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "BaseLayout",
              deepLinking: true
            });

          """
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>\(HTML.escape(title)) · Swagger UI</title>
          <link rel="stylesheet" \(assets.attributes(loading: DocsAssets.swaggerUICSS, as: "href"))>
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script \(assets.attributes(loading: DocsAssets.swaggerUIBundle, as: "src"))></script>
          <script \(assets.attributes(loading: DocsAssets.swaggerUIPreset, as: "src"))></script>
          <script>\(setup)</script>
        </body>
        </html>
        """
        return HTMLPage(html: html, contentSecurityPolicy: policy(assets: assets, inlineScript: setup))
    }

    static func redoc(schemaURL: String, title: String, assets: DocsAssets) -> HTMLPage {
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>\(HTML.escape(title)) · Redoc</title>
        </head>
        <body>
          <redoc spec-url="\(HTML.escape(schemaURL))"></redoc>
          <script \(assets.attributes(loading: DocsAssets.redocBundle, as: "src"))></script>
        </body>
        </html>
        """
        return HTMLPage(html: html, contentSecurityPolicy: policy(assets: assets, inlineScript: nil))
    }

    /// Scripts and styles from the assets' origin (and the inline script by its SHA-256), inline
    /// styles (both UIs set style attributes), images as data URLs, the schema from this origin,
    /// Redoc's worker from a blob.
    static func policy(assets: DocsAssets, inlineScript: String?) -> String {
        let origin = assets.origin
        let scriptHash = inlineScript.map { " 'sha256-\(Data(SHA256.hash(data: Data($0.utf8))).base64EncodedString())'" } ?? ""
        return [
            "default-src 'none'",
            "script-src \(origin)\(scriptHash)",
            "style-src \(origin) 'unsafe-inline'",
            "img-src \(origin) data:",
            "font-src \(origin) data:",
            "connect-src 'self'",
            "worker-src blob:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    /// A JavaScript string literal for `text` that cannot end the script element.
    private static func javaScriptString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "<", with: "\\u003c") + "\""
    }

}
