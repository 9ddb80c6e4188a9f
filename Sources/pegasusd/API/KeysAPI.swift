import AuthGate
import Foundation
import Hummingbird
import KeyCore

/// `/api/keys/`: the signed-in user's own API keys. Managing keys takes an interactive sign-in
/// (session or JWT), so a leaked key cannot mint more keys.
struct KeysAPI {
    let keys: KeyService
    let maxBodyBytes: Int

    struct CreateBody: Decodable {
        let name: String
        let expiresAt: Date?
    }

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/api/keys/", IsAuthenticated(), summary: "List your API keys") { _, _, auth in
                let owner = KeyOwner(.user, try await auth.requireUser().id)
                let records = try await keys.list(ownedBy: owner).filter { $0.type == .apiKey }
                return try WireJSON.response(records.map { KeyListing($0) })
            },
            Endpoint(.post, "/api/keys/", IsAuthenticated(), summary: "Create an API key (shown once)") { request, _, auth in
                let owner = KeyOwner(.user, try await auth.requireUser().id)
                let body = try await WireJSON.decode(CreateBody.self, from: request, limit: maxBodyBytes)
                let issued = try await keys.create(name: body.name, owner: owner, expiresAt: body.expiresAt)
                return try WireJSON.response(KeyListing(issued.record, key: issued.key), status: .created)
            },
            Endpoint(.delete, "/api/keys/{id}/", IsAuthenticated(), summary: "Revoke an API key") { _, context, auth in
                let owner = KeyOwner(.user, try await auth.requireUser().id)
                let id = try context.parameters.require("id")
                // Another user's key answers like a missing one: ids are not a way to probe.
                let record: KeyRecord
                do {
                    record = try await keys.record(id: id)
                } catch KeyCoreError.keyNotFound {
                    throw APIError.notFound("API key")
                }
                guard record.owner == owner, record.type == .apiKey else { throw APIError.notFound("API key") }
                _ = try await keys.revoke(id: id)
                return Response(status: .noContent)
            },
        ]
    }
}
