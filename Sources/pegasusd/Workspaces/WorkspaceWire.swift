import Foundation
import SchemaKit

/// A workspace as its members see it, with their role.
struct WorkspaceListing: Codable, Sendable {
    let id: String
    let name: String
    let kind: Workspace.Kind
    let plan: Workspace.Plan
    let status: Workspace.Status
    let seats: Int
    let role: Membership.Role
    /// Whether it is the caller's active workspace (the one new tokens bind to).
    let active: Bool

    init(_ seat: WorkspaceStore.Seat, activeID: String?) {
        id = seat.workspace.id
        name = seat.workspace.name
        kind = seat.workspace.kind
        plan = seat.workspace.plan
        status = seat.workspace.status
        seats = seat.workspace.seats
        role = seat.membership.role
        active = seat.workspace.id == activeID
    }
}

/// `POST /api/workspaces/`: a new team's name.
struct WorkspaceCreateRequest: Decodable {
    let name: String
}

/// A member as listed.
struct MemberListing: Codable, Sendable {
    let userID: String
    let email: String
    let role: Membership.Role
    let seated: Bool
    let joined: Date

    enum CodingKeys: String, CodingKey {
        case email, role, seated, joined
        case userID = "user_id"
    }
}

/// `POST /api/workspaces/{id}/members/`: who to add, by email, and their role.
struct MemberAddRequest: Decodable {
    let email: String
    let role: Membership.Role
}

/// `PATCH /api/workspaces/{id}/members/{user_id}/`: a new role, a seat given or taken.
struct MemberUpdateRequest: Decodable {
    let role: Membership.Role?
    let seated: Bool?
}

extension WorkspaceCreateRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema.setExample(["name": "Acme"])
        schema[property: "name"].textRule = Workspace.nameRule
    }
}

extension MemberAddRequest: SchemaRefining {
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "email"].format = "email"
    }
}
