import Crypto
import Foundation
import Hummingbird
import NIOCore

/// The pages' script and stylesheet, compiled into the binary (no files to deploy, no front-end
/// build step) and served with a content-derived ETag so browsers revalidate cheaply.
enum PageAssets {
    static let scriptPath = "/static/pages.js"
    static let stylesheetPath = "/static/pages.css"

    /// The asset served at `path`, if any.
    static func response(for path: String, request: Request) -> Response? {
        switch path {
        case scriptPath: response(script, request: request)
        case stylesheetPath: response(stylesheet, request: request)
        default: nil
        }
    }

    private struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
        let etag: String

        init(_ text: String, contentType: String) {
            bytes = ByteBuffer(string: text)
            self.contentType = contentType
            etag = "\"" + SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        }
    }

    private static let script = Asset(PageScript.source, contentType: "text/javascript; charset=utf-8")
    private static let stylesheet = Asset(PageStyles.source, contentType: "text/css; charset=utf-8")

    private static func response(_ asset: Asset, request: Request) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = asset.etag
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        if request.headers[.ifNoneMatch] == asset.etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.bytes))
    }
}
