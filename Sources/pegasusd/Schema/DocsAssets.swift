/// Where the Swagger UI and Redoc pages load their scripts and styles from: the public CDN by
/// default, as drf-spectacular does, or a local folder (`--docs-assets DIR`) served by pegasusd
/// itself, so that an offline deployment works.
///
/// From the CDN every file is an exact version with its Subresource Integrity hash, so the
/// browser runs those bytes or nothing: the pages run on the API's own origin, where a changed
/// script could use a signed-in person's session. The versions are those of
/// drf-spectacular-sidecar 2026.10.1, whose files the tests hash against these values.
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
    static let swaggerUIVersion = "5.33.1"
    static let redocVersion = "2.5.4"

    /// One file the pages load.
    struct Asset: Equatable {
        /// npm package and version, as the CDN addresses it (`swagger-ui-dist@5.33.1`).
        let package: String
        /// Its path in the package, which is also its path in a local folder.
        let path: String
        /// `sha384-…` of the file's bytes.
        let integrity: String
    }

    static let swaggerUIBundle = Asset(
        package: "swagger-ui-dist@\(swaggerUIVersion)", path: "swagger-ui-bundle.js",
        integrity: "sha384-ZPehFMQommnnuaZ4rpxgkgTT2DKFVp4hZC/7pLit+9Lek9T1YGSo23eHFbvNkXkw")
    static let swaggerUIPreset = Asset(
        package: "swagger-ui-dist@\(swaggerUIVersion)", path: "swagger-ui-standalone-preset.js",
        integrity: "sha384-My2aDM4r2Mbm3ybHcubKm9O9U8FEjvF/O5nGvE9YK5dzqOTbWEKa79RPJ1krdMaF")
    static let swaggerUICSS = Asset(
        package: "swagger-ui-dist@\(swaggerUIVersion)", path: "swagger-ui.css",
        integrity: "sha384-Ov4/wv3j2bmct8cDc5X4ngJZohVPzEmc6uDPH8WeljUxO5vtoykvMEfbu9Vh6RaW")
    static let redocBundle = Asset(
        package: "redoc@\(redocVersion)", path: "bundles/redoc.standalone.js",
        integrity: "sha384-w447zOpYfw/1Tv/5AK9NfHTlQIqE3RVR6KY62jCyy9zNDgO64cMwGGP1Fj0zJVf5")
    static let all = [swaggerUIBundle, swaggerUIPreset, swaggerUICSS, redocBundle]

    /// The attributes that load `asset` in a `<script>` (`src`) or `<link>` (`href`): its URL,
    /// and from the CDN its integrity hash with an anonymous CORS fetch, which SRI needs.
    func attributes(loading asset: Asset, as urlAttribute: String) -> String {
        switch self {
        case .cdn:
            #"\#(urlAttribute)="https://cdn.jsdelivr.net/npm/\#(asset.package)/\#(asset.path)" integrity="\#(asset.integrity)" crossorigin="anonymous""#
        case .local:
            #"\#(urlAttribute)="\#(Self.localPrefix)\#(Self.localFolder(of: asset))/\#(asset.path)""#
        }
    }

    /// drf-spectacular-sidecar's folder for the package: `swagger-ui-dist`, `redoc`.
    static func localFolder(of asset: Asset) -> String {
        String(asset.package.prefix { $0 != "@" })
    }

    /// Where the pages' scripts and styles come from, as a Content-Security-Policy source.
    var origin: String {
        switch self {
        case .cdn: "https://cdn.jsdelivr.net"
        case .local: "'self'"
        }
    }
}
