import AuthGateHummingbird
import Hummingbird
import NIOCore
import SchemaKit

/// `POST /api/introspect/`: the key or token to judge (RFC 7662 §2.1), as a form — the RFC's
/// encoding — or as JSON.
struct IntrospectionRequest: Codable {
    /// An API key as clients send it after `Api-Key ` (`pgk_…`, or an imported Django key), or a
    /// personal access token (`pgp_…`).
    let token: String
    /// The RFC lets a server ignore this hint, and pegasusd does: the token's own prefix says
    /// what it is.
    let tokenTypeHint: String?

    static let formContentType = "application/x-www-form-urlencoded"

    /// The body of `request`, read up to `limit` bytes.
    /// - Throws: ``ProblemError`` 400 without a `token` (or a form that is not one), 413 over
    ///   `limit`, 415 for a body neither a form nor JSON.
    static func read(from request: Request, limit: Int) async throws -> IntrospectionRequest {
        let contentType = request.headers[.contentType]?.lowercased()
        guard let contentType, contentType.hasPrefix(formContentType) else {
            guard contentType == nil || contentType!.hasPrefix("application/json") else {
                throw ProblemError(
                    .unsupportedMediaType, code: "unsupported_media_type", detail: "Send the body as \(formContentType) or application/json.")
            }
            return try await WireJSON.decode(IntrospectionRequest.self, from: request, limit: limit)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ProblemError(.contentTooLarge, code: "body_too_large", detail: "The request body is larger than \(limit) bytes.")
        }
        let fields: [String: String]
        do {
            fields = try URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))
        } catch {
            throw ProblemError(.badRequest, code: "invalid_body", detail: "The body is not a form of name=value pairs.")
        }
        guard let token = fields["token"] else {
            throw ProblemError(.badRequest, code: "invalid_body", detail: "The field token is required.")
        }
        return IntrospectionRequest(token: token, tokenTypeHint: fields["token_type_hint"])
    }
}

extension IntrospectionRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema.setExample(["token": "pgp_AbCdEfGh1234_…", "token_type_hint": "access_token"])
    }
}
