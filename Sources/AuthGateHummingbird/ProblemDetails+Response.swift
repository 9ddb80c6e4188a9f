public import AuthGate
public import Hummingbird
import Foundation

extension ProblemDetails {
    /// This problem as an `application/problem+json` response with its status.
    public func response(headers extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self)) ?? Data(#"{"status":\#(status)}"#.utf8)
        var headers = extra
        headers[.contentType] = Self.mediaType
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
