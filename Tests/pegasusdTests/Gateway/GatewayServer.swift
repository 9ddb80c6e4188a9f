import Foundation
import KeyCore
@testable import pegasusd

/// What the gateway tests do on a live pegasusd, one call each.
extension LiveServer {
    /// A service key, made as an administrator makes one
    /// (`pegasusd keys create --name gateway --owner service:gateway`).
    func serviceKey(_ name: String = "gateway") async throws -> String {
        try await server.services.keys.create(name: name, owner: KeyOwner(.service, name)).key.revealed
    }

    /// A key of a team or service, which acts for no user.
    func key(ownedBy owner: KeyOwner) async throws -> String {
        try await server.services.keys.create(name: "no user", owner: owner).key.revealed
    }

    /// `POST /api/introspect/` with `token` as a form, with `credential` headers.
    func introspect(_ token: String, with credential: [String: String]) async throws -> Reply {
        let form = "token=\(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token)&token_type_hint=access_token"
        return try await send(
            "POST", "/api/introspect/", headers: credential.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 },
            body: Data(form.utf8))
    }

    /// `GET /api/auth/check/` as nginx's subrequest sends it: the client's headers, and the
    /// scopes the location requires.
    func check(_ headers: [String: String], requiring scopes: String? = nil, method: String = "GET") async throws -> Reply {
        try await send(method, "/api/auth/check/", headers: headers.merging(scopes.map { ["X-Pegasus-Required-Scope": $0] } ?? [:]) { $1 })
    }
}

/// `Authorization: Api-Key <key>`.
func apiKey(_ key: String) -> [String: String] { ["Authorization": "Api-Key \(key)"] }

/// A value of a flat JSON object (what introspection answers), comparable in a test: `true`
/// and `1` differ, as they do on the wire.
enum JSONScalar: Decodable, Equatable, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case bool(Bool), int(Int), string(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(stringLiteral value: String) { self = .string(value) }
}

extension LiveServer.Reply {
    /// The body as a flat JSON object; `nil` when it is not one.
    var flatJSON: [String: JSONScalar]? { try? JSONDecoder().decode([String: JSONScalar].self, from: body) }
}
