import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// `/api/workspaces/`: your workspaces, teams you create, their members, and which one is
/// active. Interactive sign-in only; changing members takes an admin or owner.
enum WorkspacesAPI {
    static let id = PathParameter("id", type: UUID.self, description: "The workspace's id.")
    static let userID = PathParameter("user_id", type: UUID.self, description: "The member's user id.")

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/api/workspaces/", IsAuthenticated(), tags: ["workspaces"], summary: "List your workspaces",
                        queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "Personal first, then teams.", body: Page<WorkspaceListing>.self), Pagination.invalidPageAnswer) { services, request, _, auth in
            let user = try auth.requireUser()
            let active = try await services.workspaces.activeWorkspaceID(of: user.id)
            let page = try Pagination(request).page(of: try await services.workspaces.seats(of: user.id).filter(\.membership.seated))
            return try WireJSON.response(page.map { WorkspaceListing($0, activeID: active) })
        },
        PegasusEndpoint(.post, "/api/workspaces/", IsAuthenticated(), tags: ["workspaces"], summary: "Create a team (you own it; Free plan)",
                        body: RequestBodyDescription(WorkspaceCreateRequest.self),
                        responds: ResponseDescription(201, "The new team.", body: WorkspaceListing.self)) { services, request, _, auth in
            let user = try auth.requireUser()
            let body = try await WireJSON.decode(WorkspaceCreateRequest.self, from: request, limit: services.maxBodyBytes)
            let workspace = try await services.workspaces.createTeam(name: body.name, ownerID: user.id)
            let seat = try await services.workspaces.seat(of: user.id, in: workspace.id)!
            return try WireJSON.response(WorkspaceListing(seat, activeID: try await services.workspaces.activeWorkspaceID(of: user.id)), status: .created)
        },
        PegasusEndpoint(.post, "/api/workspaces/{id}/activate/", IsAuthenticated(), tags: ["workspaces"], summary: "Make a workspace your active one",
                        pathParameters: [id], responds: ResponseDescription(200, "The workspace, now active.", body: WorkspaceListing.self)) { services, _, context, auth in
            let user = try auth.requireUser()
            let workspaceID = try context.parameters.require("id")
            try await services.workspaces.activate(workspaceID, for: user.id)
            return try WireJSON.response(WorkspaceListing(try await seat(services, workspaceID, user), activeID: workspaceID))
        },
        PegasusEndpoint(.get, "/api/workspaces/{id}/members/", IsAuthenticated(), tags: ["workspaces"], summary: "List a workspace's members",
                        pathParameters: [id], queryParameters: [Pagination.parameter],
                        responds: ResponseDescription(200, "The members, oldest first.", body: Page<MemberListing>.self), Pagination.invalidPageAnswer) { services, request, context, auth in
            let seat = try await seat(services, try context.parameters.require("id"), try auth.requireUser())
            let page = try Pagination(request).page(of: try await services.workspaces.members(of: seat.workspace.id))
            return try WireJSON.response(try await page.map { try await listing(services, $0) })
        },
        PegasusEndpoint(.post, "/api/workspaces/{id}/members/", IsAuthenticated(), tags: ["workspaces"], summary: "Add a member (admins and owners)",
                        pathParameters: [id], body: RequestBodyDescription(MemberAddRequest.self),
                        responds: ResponseDescription(201, "The new member.", body: MemberListing.self),
                        .problem(409, "Already a member, or no free seat.", body: ProblemDetails.self)) { services, request, context, auth in
            let seat = try await managingSeat(services, context, auth)
            let body = try await WireJSON.decode(MemberAddRequest.self, from: request, limit: services.maxBodyBytes)
            guard let account = try await services.accounts.account(email: body.email) else {
                throw ProblemError(.badRequest, code: "unknown_user", detail: "No user has this email; they must sign up first.")
            }
            let membership = try await services.workspaces.addMember(account.id, to: seat.workspace.id, role: body.role)
            return try WireJSON.response(try await listing(services, membership), status: .created)
        },
        PegasusEndpoint(.patch, "/api/workspaces/{id}/members/{user_id}/", IsAuthenticated(), tags: ["workspaces"],
                        summary: "Change a member's role or seat (admins and owners)", pathParameters: [id, userID],
                        body: RequestBodyDescription(MemberUpdateRequest.self),
                        responds: ResponseDescription(200, "The member as changed.", body: MemberListing.self)) { services, request, context, auth in
            let seat = try await managingSeat(services, context, auth)
            let body = try await WireJSON.decode(MemberUpdateRequest.self, from: request, limit: services.maxBodyBytes)
            let membership = try await services.workspaces.updateMember(
                try context.parameters.require("user_id"), in: seat.workspace.id, role: body.role, seated: body.seated)
            return try WireJSON.response(try await listing(services, membership))
        },
        PegasusEndpoint(.delete, "/api/workspaces/{id}/members/{user_id}/", IsAuthenticated(), tags: ["workspaces"],
                        summary: "Remove a member (admins and owners)", pathParameters: [id, userID],
                        responds: ResponseDescription(204, "Removed; their tokens for this team stop working."),
                        .problem(400, "A personal workspace has no other members, and the owner cannot be removed.", body: ProblemDetails.self)) { services, _, context, auth in
            let seat = try await managingSeat(services, context, auth)
            try await services.workspaces.removeMember(try context.parameters.require("user_id"), from: seat.workspace.id)
            return Response(status: .noContent)
        },
    ]

    /// The caller's seat in the workspace named by the path; a workspace they are not a seated
    /// member of answers like a missing one.
    private static func seat(_ services: PegasusServices, _ workspaceID: String, _ user: UserIdentity) async throws -> WorkspaceStore.Seat {
        guard let seat = try await services.workspaces.seat(of: user.id, in: workspaceID), seat.membership.seated else {
            throw ProblemError.notFound("workspace")
        }
        return seat
    }

    private static func managingSeat(_ services: PegasusServices, _ context: PegasusRequestContext, _ auth: Authorization) async throws -> WorkspaceStore.Seat {
        let seat = try await seat(services, try context.parameters.require("id"), try auth.requireUser())
        guard seat.membership.role.isAtLeast(.admin) else {
            throw ProblemError(.forbidden, code: WorkspaceAccess.roleTooLow.code, detail: "Only the team's admins and owner manage its members.")
        }
        return seat
    }

    private static func listing(_ services: PegasusServices, _ membership: Membership) async throws -> MemberListing {
        let email = try await services.accounts.account(id: membership.userID)?.email ?? ""
        return MemberListing(userID: membership.userID, email: email, role: membership.role, seated: membership.seated, joined: membership.createdAt)
    }
}
