import Hummingbird
import NIOCore

/// An HTML page and the Content-Security-Policy it is served with.
struct HTMLPage {
    let html: String
    let contentSecurityPolicy: String

    /// The page as a response: never cached (it shows a person's keys) and never sniffed (the
    /// policy forbids framing; pages set their referrer policy in a `meta` element).
    func response(status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Text placed in HTML: every user-supplied string goes through ``escape(_:)``, so a key named
/// `<script>` is shown as those characters.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
