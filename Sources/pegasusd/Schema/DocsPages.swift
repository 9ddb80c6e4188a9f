import Foundation

/// The two documentation pages, each pointing at the served schema.
enum DocsPages {
    static func swaggerUI(schemaURL: String, title: String, assets: DocsAssets) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>\(escaped(title)) · Swagger UI</title>
          <link rel="stylesheet" href="\(assets.swaggerUICSS)">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="\(assets.swaggerUIBundle)"></script>
          <script src="\(assets.swaggerUIPreset)"></script>
          <script>
            window.ui = SwaggerUIBundle({
              url: \(javaScriptString(schemaURL)),
              dom_id: "#swagger-ui",
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "BaseLayout",
              deepLinking: true,
              persistAuthorization: true
            });
          </script>
        </body>
        </html>
        """
    }

    static func redoc(schemaURL: String, title: String, assets: DocsAssets) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>\(escaped(title)) · Redoc</title>
        </head>
        <body>
          <redoc spec-url="\(escaped(schemaURL))"></redoc>
          <script src="\(assets.redocBundle)"></script>
        </body>
        </html>
        """
    }

    /// A JavaScript string literal for `text` that cannot end the script element.
    private static func javaScriptString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "<", with: "\\u003c") + "\""
    }

    /// HTML-escapes text placed in attributes and titles.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
