import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import KeyCore
import PegasusHummingbird
import SchemaKit

/// `/api/tokens/`: personal access tokens. Creating, listing and revoking them takes an
/// interactive sign-in (`IsAuthenticated()`), so a token cannot mint tokens. A new token binds
/// to the creator's active workspace, for good.
enum TokensAPI {
    static let id = PathParameter("id", type: UUID.self, description: "The token's id.")
    static let scopesImmutable = ProblemError(
        .badRequest, code: "scopes_immutable",
        detail: "Scopes cannot be edited after token creation. Revoke the token and create a new one.")

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/api/tokens/scopes/", IsAuthenticated(), tags: ["tokens"], summary: "What a new token can be given, and whether this workspace may create one",
                        responds: ResponseDescription(200, "Scopes, presets, allowed lifetimes, and `can_create` with the `reason` when not.", body: TokenOptions.self)) { services, _, _, auth in
            let seat = try await services.activeSeat(of: try auth.requireUser())
            let refusal = creationRefusal(in: seat.workspace)
            return try WireJSON.response(TokenOptions(
                scopes: Scope.allCases.map { .init(code: $0.rawValue, label: $0.label, description: $0.description) },
                presets: TokenPreset.allCases.map { .init(id: $0.rawValue, label: $0.label, scopes: $0.scopes.map(\.rawValue)) },
                expiryDays: TokenExpiry.allowedDays, canCreate: refusal == nil, reason: refusal?.message,
                workspace: .init(id: seat.workspace.id, name: seat.workspace.name, kind: seat.workspace.kind)))
        },
        PegasusEndpoint(.get, "/api/tokens/", IsAuthenticated(), tags: ["tokens"], summary: "List your personal access tokens",
                        queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "Your tokens in every workspace, newest last, revoked ones included; never a secret.", body: Page<TokenListing>.self), Pagination.invalidPageAnswer) { services, request, _, auth in
            let owner = KeyOwner(.user, try auth.requireUser().id)
            let tokens = try await services.keys.list(ownedBy: owner).filter { $0.type == .personalAccessToken }
            let page = try Pagination(request).page(of: tokens)
            return try WireJSON.response(try await page.map { TokenListing($0, workspace: try await services.workspace(of: $0)) })
        },
        PegasusEndpoint(.post, "/api/tokens/", IsAuthenticated(), tags: ["tokens"], summary: "Create a personal access token (shown once)",
                        body: RequestBodyDescription(TokenCreateRequest.self),
                        responds: ResponseDescription(201, "The new token; `token` holds it, shown this once.", body: TokenListing.self)) { services, request, _, auth in
            let user = try auth.requireUser()
            let body = try await WireJSON.decode(TokenCreateRequest.self, from: request, limit: services.maxBodyBytes)
            let scopes = try grantedScopes(body)
            let days = try TokenExpiry.rule.checked(body.expiresInDays, field: "expires_in_days")
            let seat = try await services.activeSeat(of: user)
            if let refusal = creationRefusal(in: seat.workspace) {
                throw ProblemError(.forbidden, code: refusal.code, detail: refusal.message)
            }
            let issued = try await services.keys.create(
                name: body.name, type: .personalAccessToken, owner: KeyOwner(.user, user.id), scopes: scopes.map(\.rawValue),
                workspace: seat.workspace.id, expiresAt: Date().addingTimeInterval(TimeInterval(days) * 86_400))
            return try WireJSON.response(TokenListing(issued.record, workspace: seat.workspace, token: issued.key), status: .created)
        },
        PegasusEndpoint(.patch, "/api/tokens/{id}/", IsAuthenticated(), tags: ["tokens"], summary: "Rename a token (its scopes never change)",
                        pathParameters: [id], body: RequestBodyDescription(TokenUpdateRequest.self),
                        responds: ResponseDescription(200, "The token as renamed.", body: TokenListing.self)) { services, request, context, auth in
            try await rename(services, request, context, auth)
        },
        PegasusEndpoint(.put, "/api/tokens/{id}/", IsAuthenticated(), tags: ["tokens"], summary: "Rename a token (its scopes never change)",
                        pathParameters: [id], body: RequestBodyDescription(TokenUpdateRequest.self),
                        responds: ResponseDescription(200, "The token as renamed.", body: TokenListing.self)) { services, request, context, auth in
            try await rename(services, request, context, auth)
        },
        PegasusEndpoint(.delete, "/api/tokens/{id}/", IsAuthenticated(), tags: ["tokens"], summary: "Revoke a token, at once and for good",
                        pathParameters: [id], responds: ResponseDescription(204, "Revoked.")) { services, _, context, auth in
            let record = try await ownToken(services, context, auth)
            try await services.keys.revoke(id: record.id)
            return Response(status: .noContent)
        },
    ]

    /// Why the workspace may not get new tokens, or `nil` when it may.
    static func creationRefusal(in workspace: Workspace) -> Denial? {
        if !workspace.plan.allowsAPIAccess { return WorkspaceAccess.upgradeRequired }
        if workspace.status.isReadOnly { return WorkspaceAccess.readOnlyTeam }
        return nil
    }

    /// The scopes a create request asks for: its list or its preset's, never both, never none.
    static func grantedScopes(_ body: TokenCreateRequest) throws -> [Scope] {
        switch (body.scopes, body.preset) {
        case (.some, .some):
            throw ProblemError(.badRequest, code: "scopes_or_preset", detail: "Give scopes or a preset, not both.")
        case (.some(let scopes), nil):
            guard !scopes.isEmpty else { throw ProblemError(.badRequest, code: "scopes_required", detail: "Choose at least one scope.") }
            return Scope.allCases.filter(scopes.contains)
        case (nil, .some(let preset)):
            return preset.scopes
        case (nil, nil):
            throw ProblemError(.badRequest, code: "scopes_required", detail: "Choose scopes or a preset.")
        }
    }

    /// The caller's own token named by the path; anyone else's answers like a missing one.
    private static func ownToken(_ services: PegasusServices, _ context: PegasusRequestContext, _ auth: Authorization) async throws -> KeyRecord {
        let owner = KeyOwner(.user, try auth.requireUser().id)
        let record: KeyRecord
        do {
            record = try await services.keys.record(id: try context.parameters.require("id"))
        } catch KeyCoreError.keyNotFound {
            throw ProblemError.notFound("token")
        }
        guard record.owner == owner, record.type == .personalAccessToken else { throw ProblemError.notFound("token") }
        return record
    }

    private static func rename(
        _ services: PegasusServices, _ request: Request, _ context: PegasusRequestContext, _ auth: Authorization
    ) async throws -> Response {
        let record = try await ownToken(services, context, auth)
        let body = try await WireJSON.decode(TokenUpdateRequest.self, from: request, limit: services.maxBodyBytes)
        guard body.scopes == nil, body.preset == nil else { throw scopesImmutable }
        var renamed = record
        if let name = body.name { renamed = try await services.keys.rename(id: record.id, to: name) }
        return try WireJSON.response(TokenListing(renamed, workspace: try await services.workspace(of: renamed)))
    }
}
