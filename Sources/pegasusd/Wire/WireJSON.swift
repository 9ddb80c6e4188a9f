import AuthGateHummingbird
import Foundation
import Hummingbird
import NIOCore

/// JSON as clients see it (DESIGN.md "Wire shapes"): snake_case keys, RFC 3339 UTC times.
///
/// Response types spell their snake_case keys in `CodingKeys`: a key-conversion strategy would
/// rewrite every key of every response, which costs more than the rest of the encoding.
enum WireJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom(decodeTimestamp)
        return decoder
    }()

    /// An RFC 3339 timestamp with or without fractional seconds: JavaScript's
    /// `toISOString()` sends milliseconds, which the plain `.iso8601` strategy refuses.
    private static func decodeTimestamp(_ decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
            if let date = try? style.parse(text) { return date }
        }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an RFC 3339 timestamp such as 2027-01-31T00:00:00Z")
    }

    /// `value` as an `application/json` response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) throws -> Response {
        var headers = extra
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// `value` as an `application/json` response written by ``JSONWriter`` (the same bytes as
    /// ``response(_:status:headers:)``, without `JSONEncoder`'s cost).
    static func written(_ value: some JSONWritable, status: HTTPResponse.Status = .ok) -> Response {
        var json = JSONWriter()
        value.write(to: &json)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }

    /// The request body decoded as `T`, or `nil` when there is no body (whatever its framing:
    /// `Content-Length: 0`, none, or an empty chunked body).
    static func decodeIfPresent<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T? {
        let buffer = try await body(of: request, limit: limit)
        return buffer.readableBytes == 0 ? nil : try decode(T.self, from: buffer)
    }

    /// The request body decoded as `T`, read up to `limit` bytes.
    /// - Throws: ``ProblemError`` 415 for a non-JSON content type, 413 for a body over `limit`,
    ///   400 naming the field for malformed JSON or a missing or mistyped field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        try decode(T.self, from: try await body(of: request, limit: limit))
    }

    /// The body, read up to `limit` bytes, after checking it is declared JSON (when declared).
    private static func body(of request: Request, limit: Int) async throws -> ByteBuffer {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw ProblemError(.unsupportedMediaType, code: "unsupported_media_type", detail: "Send the body as application/json.")
        }
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ProblemError(.contentTooLarge, code: "body_too_large", detail: "The request body is larger than \(limit) bytes.")
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        do {
            return try decoder.decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw problem(for: error)
        }
    }

    /// A 400 naming what is wrong: `invalid_<field>` for a value its type refuses (a department
    /// not in the list, a malformed timestamp), else `invalid_body`.
    private static func problem(for error: DecodingError) -> ProblemError {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            return keys.map { $0.intValue.map(String.init) ?? snakeCase($0.stringValue) }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ProblemError(.badRequest, code: "invalid_body", detail: "The field \(path(context, key)) is required.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let detail = context.codingPath.isEmpty ? "The body must be a JSON object." : "The field \(path(context)) has the wrong type."
            return ProblemError(.badRequest, code: "invalid_body", detail: detail)
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return ProblemError(.badRequest, code: "invalid_body", detail: "The body is not valid JSON.")
        case .dataCorrupted(let context):
            let field = path(context)
            return ProblemError(.badRequest, code: "invalid_\(field.replacingOccurrences(of: ".", with: "_"))",
                            detail: "The field \(field) is invalid: \(context.debugDescription)")
        @unknown default:
            return ProblemError(.badRequest, code: "invalid_body", detail: "The body could not be read.")
        }
    }

    private static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
