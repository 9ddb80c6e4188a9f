import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `/api/bots/`: a workspace's bots and their documents' metadata. Reading takes `bots:read`
/// (or a signed-in member); changing takes `bots:write` and an admin or owner.
enum BotsAPI {
    static let id = PathParameter("id", type: UUID.self, description: "The bot's id.")
    static let documentID = PathParameter("document_id", type: UUID.self, description: "The document's id.")

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/api/bots/", productPermission(.botsRead, .read), tags: ["bots"], summary: "List the workspace's bots",
                        queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "The bots, oldest first.", body: Page<BotListing>.self), Pagination.invalidPageAnswer) { services, request, _, auth in
            let seat = try await services.seat(of: auth, for: .read)
            let pagination = try Pagination(request)
            let (count, bots) = try await services.bots.page(in: seat.workspace.id, offset: pagination.offset, limit: pagination.limit)
            return WireJSON.written(try pagination.page(bots.map(BotListing.init), count: count))
        },
        PegasusEndpoint(.post, "/api/bots/", productPermission(.botsWrite, .manageBots), tags: ["bots"], summary: "Create a bot",
                        body: RequestBodyDescription(BotCreateRequest.self),
                        responds: ResponseDescription(201, "The new bot.", body: BotListing.self)) { services, request, _, auth in
            let seat = try await services.seat(of: auth, for: .manageBots)
            let fields = try await WireJSON.decode(BotCreateRequest.self, from: request, limit: services.maxBodyBytes).fields
            let now = Date()
            var bot = Bot(id: UUID().uuidString.lowercased(), workspaceID: seat.workspace.id, name: "", description: "",
                          model: ChatModel.defaultID, createdAt: now, updatedAt: now)
            try fields.apply(to: &bot)
            try await services.bots.insert(bot)
            return try WireJSON.response(BotListing(bot), status: .created)
        },
        PegasusEndpoint(.get, "/api/bots/{id}/", productPermission(.botsRead, .read), tags: ["bots"], summary: "Show a bot",
                        pathParameters: [id], responds: ResponseDescription(200, "The bot.", body: BotListing.self)) { services, _, context, auth in
            try WireJSON.response(BotListing(try await find(services, context, auth, for: .read)))
        },
        PegasusEndpoint(.patch, "/api/bots/{id}/", productPermission(.botsWrite, .manageBots), tags: ["bots"], summary: "Change a bot",
                        pathParameters: [id], body: RequestBodyDescription(BotFields.self),
                        responds: ResponseDescription(200, "The bot as changed.", body: BotListing.self)) { services, request, context, auth in
            var bot = try await find(services, context, auth, for: .manageBots)
            try await WireJSON.decode(BotFields.self, from: request, limit: services.maxBodyBytes).apply(to: &bot)
            bot.updatedAt = Date()
            try await services.bots.update(bot)
            return try WireJSON.response(BotListing(bot))
        },
        PegasusEndpoint(.delete, "/api/bots/{id}/", productPermission(.botsWrite, .manageBots), tags: ["bots"], summary: "Delete a bot, its documents and conversations",
                        pathParameters: [id], responds: ResponseDescription(204, "Deleted.")) { services, _, context, auth in
            let seat = try await services.seat(of: auth, for: .manageBots)
            guard try await services.bots.delete(id: try context.parameters.require("id"), in: seat.workspace.id) else {
                throw ProblemError.notFound("bot")
            }
            return Response(status: .noContent)
        },
        PegasusEndpoint(.get, "/api/bots/{id}/documents/", productPermission(.botsRead, .read), tags: ["bots"], summary: "List a bot's documents",
                        pathParameters: [id], queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "The documents' metadata, oldest first.", body: Page<DocumentListing>.self), Pagination.invalidPageAnswer) { services, request, context, auth in
            let bot = try await find(services, context, auth, for: .read)
            let pagination = try Pagination(request)
            let (count, documents) = try await services.bots.documents(of: bot.id, in: bot.workspaceID, offset: pagination.offset, limit: pagination.limit)
            return try WireJSON.response(try pagination.page(documents.map(DocumentListing.init), count: count))
        },
        PegasusEndpoint(.post, "/api/bots/{id}/documents/", productPermission(.botsWrite, .manageBots), tags: ["bots"], summary: "Add a document to a bot",
                        pathParameters: [id], body: RequestBodyDescription(DocumentFields.self),
                        responds: ResponseDescription(201, "The document's metadata.", body: DocumentListing.self)) { services, request, context, auth in
            let bot = try await find(services, context, auth, for: .manageBots)
            let document = try await WireJSON.decode(DocumentFields.self, from: request, limit: services.maxBodyBytes).document(of: bot)
            try await services.bots.insert(document)
            return try WireJSON.response(DocumentListing(document), status: .created)
        },
        PegasusEndpoint(.delete, "/api/bots/{id}/documents/{document_id}/", productPermission(.botsWrite, .manageBots), tags: ["bots"],
                        summary: "Remove a document from a bot", pathParameters: [id, documentID],
                        responds: ResponseDescription(204, "Removed.")) { services, _, context, auth in
            let bot = try await find(services, context, auth, for: .manageBots)
            guard try await services.bots.deleteDocument(id: try context.parameters.require("document_id"), of: bot.id, in: bot.workspaceID) else {
                throw ProblemError.notFound("document")
            }
            return Response(status: .noContent)
        },
    ]

    /// The bot named by the path, within the caller's workspace; another workspace's answers
    /// like a missing one.
    static func find(_ services: PegasusServices, _ context: PegasusRequestContext, _ auth: Authorization, for action: WorkspaceAction) async throws -> Bot {
        let seat = try await services.seat(of: auth, for: action)
        guard let bot = try await services.bots.find(id: try context.parameters.require("id"), in: seat.workspace.id) else {
            throw ProblemError.notFound("bot")
        }
        return bot
    }
}
