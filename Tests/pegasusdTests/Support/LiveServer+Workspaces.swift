import Foundation
@testable import pegasusd

/// Workspaces and personal access tokens, one call each, over the API (and, for what only an
/// administrator may do, through the server's own store, as the admin CLI would).
extension LiveServer {
    /// Creates a team owned by `owner`, puts it on `plan`, and makes it their active workspace.
    func team(_ name: String, of owner: SignedIn, plan: Workspace.Plan = .pro) async throws -> String {
        let created = try await send("POST", "/api/workspaces/", headers: owner.bearer, json: ["name": name])
        guard created.status == 201, let id = created.json["id"] as? String else {
            throw StepFailed(description: "create team: \(created.status) \(String(decoding: created.body, as: UTF8.self))")
        }
        try await server.services.workspaces.setPlan(plan, of: id)
        try await activate(id, for: owner)
        return id
    }

    func activate(_ workspaceID: String, for user: SignedIn) async throws {
        let reply = try await send("POST", "/api/workspaces/\(workspaceID)/activate/", headers: user.bearer)
        guard reply.status == 200 else { throw StepFailed(description: "activate: \(reply.status)") }
    }

    /// Adds `member` to the team with `role` (as its owner would).
    func add(_ member: SignedIn, email: String, to workspaceID: String, as role: String, by owner: SignedIn) async throws {
        let reply = try await send("POST", "/api/workspaces/\(workspaceID)/members/", headers: owner.bearer, json: ["email": email, "role": role])
        guard reply.status == 201 else { throw StepFailed(description: "add member: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))") }
    }

    /// The personal workspace of `user`.
    func personalWorkspace(of user: SignedIn) async throws -> String {
        try await server.services.workspaces.personalWorkspace(of: user.userID)!.id
    }

    /// Creates a token in `user`'s active workspace with `scopes` (or `preset`); returns it and its id.
    func token(for user: SignedIn, scopes: [String]? = nil, preset: String? = nil, days: Int = 30) async throws -> (token: String, id: String) {
        var body: [String: Any] = ["name": "test token", "expires_in_days": days]
        if let scopes { body["scopes"] = scopes }
        if let preset { body["preset"] = preset }
        let reply = try await send("POST", "/api/tokens/", headers: user.bearer, json: body)
        guard reply.status == 201, let token = reply.json["token"] as? String, let id = reply.json["id"] as? String else {
            throw StepFailed(description: "create token: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        return (token, id)
    }

    /// Creates a bot with `credential` headers; returns its id.
    func bot(_ name: String, headers: [String: String]) async throws -> String {
        let reply = try await send("POST", "/api/bots/", headers: headers, json: ["name": name])
        guard reply.status == 201, let id = reply.json["id"] as? String else {
            throw StepFailed(description: "create bot: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        return id
    }
}

/// `Authorization: Bearer <token>`.
func bearer(_ token: String) -> [String: String] { ["Authorization": "Bearer \(token)"] }
