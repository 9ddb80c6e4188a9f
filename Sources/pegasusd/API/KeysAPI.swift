import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import KeyCore
import PegasusHummingbird
import SchemaKit

/// `/api/keys/`: the signed-in user's own API keys, those imported from
/// djangorestframework-api-key included. Managing keys takes an interactive sign-in (session or
/// JWT), so a leaked key cannot mint more keys.
enum KeysAPI {
    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/api/keys/", IsAuthenticated(), tags: ["keys"], summary: "List your API keys",
                        queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "Your API keys, revoked ones included; never a secret.", body: Page<KeyListing>.self), Pagination.invalidPageAnswer) { services, request, _, auth in
            let owner = KeyOwner(.user, try auth.requireUser().id)
            let records = try await services.keys.list(ownedBy: owner).filter(\.type.isAPIKey)
            return try WireJSON.response(try Pagination(request).page(of: records).map { KeyListing($0) })
        },
        PegasusEndpoint(.post, "/api/keys/", IsAuthenticated(), tags: ["keys"], summary: "Create an API key (shown once)", body: RequestBodyDescription(KeyCreateRequest.self),
                        responds: ResponseDescription(201, "The new key; `key` holds the full key, shown this once.", body: KeyListing.self)) { services, request, _, auth in
            let owner = KeyOwner(.user, try auth.requireUser().id)
            let body = try await WireJSON.decode(KeyCreateRequest.self, from: request, limit: services.maxBodyBytes)
            let issued = try await services.keys.create(name: body.name, owner: owner, expiresAt: body.expiresAt)
            return try WireJSON.response(KeyListing(issued.record, key: issued.key), status: .created)
        },
        PegasusEndpoint(.delete, "/api/keys/{id}/", IsAuthenticated(), tags: ["keys"], summary: "Revoke an API key",
                        pathParameters: [PathParameter("id", type: UUID.self, description: "The key's id.")],
                        responds: ResponseDescription(204, "Revoked, for good.")) { services, _, context, auth in
            let owner = KeyOwner(.user, try auth.requireUser().id)
            let id = try context.parameters.require("id")
            // Another user's key answers like a missing one: ids are not a way to probe.
            let record: KeyRecord
            do {
                record = try await services.keys.record(id: id)
            } catch KeyCoreError.keyNotFound {
                throw ProblemError.notFound("API key")
            }
            guard record.owner == owner, record.type.isAPIKey else { throw ProblemError.notFound("API key") }
            _ = try await services.keys.revoke(id: id)
            return Response(status: .noContent)
        },
    ]
}

/// `POST /api/keys/`: a name (required, at most 50 characters) and an optional expiry.
struct KeyCreateRequest: Decodable {
    let name: String
    let expiresAt: Date?
}

extension KeyCreateRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema.setExample(["name": "CI deploy"])
        schema[property: "name"].textRule = KeyRecord.nameRule
    }
}
