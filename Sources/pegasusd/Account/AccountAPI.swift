import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import PegasusHummingbird
import SchemaKit

/// The caller's profile, their workspace's subscription, and the models bots can use.
enum AccountAPI {
    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/api/profile/", productPermission(.profileRead, .read), tags: ["account"], summary: "Your profile in this workspace",
                        responds: ResponseDescription(200, "Who you are and your role here.", body: Profile.self)) { services, _, _, auth in
            let user = try auth.requireUser()
            let seat = try await services.seat(of: auth, for: .read)
            return try WireJSON.response(Profile(id: user.id, email: user.email, workspace: WorkspaceListing(seat, activeID: nil), role: seat.membership.role))
        },
        PegasusEndpoint(.get, "/api/subscription/", productPermission(.subscriptionRead, .read), tags: ["account"], summary: "This workspace's plan, quota and usage",
                        responds: ResponseDescription(200, "The plan, its monthly quota and what has been used.", body: Subscription.self)) { services, _, _, auth in
            let seat = try await services.seat(of: auth, for: .read)
            let now = Date()
            return try WireJSON.response(Subscription(
                workspace: WorkspaceListing(seat, activeID: nil), plan: seat.workspace.plan, status: seat.workspace.status,
                apiAccess: seat.workspace.plan.allowsAPIAccess, monthlyQuota: services.quotas[seat.workspace.plan],
                usedThisPeriod: try await services.usage.used(by: seat.workspace.id, now: now), resetsAt: UsageMeter.startOfNextMonth(after: now)))
        },
        PegasusEndpoint(.get, "/api/models/", productPermission(.modelsRead, .read), tags: ["account"], summary: "The models a bot can use",
                        responds: ResponseDescription(200, "The models.", body: [ChatModel].self)) { _, _, _, _ in
            try WireJSON.response(ChatModel.catalog)
        },
    ]
}

struct Profile: Codable {
    let id: String
    let email: String
    let workspace: WorkspaceListing
    let role: Membership.Role
}

struct Subscription: Codable {
    let workspace: WorkspaceListing
    let plan: Workspace.Plan
    let status: Workspace.Status
    /// Whether personal access tokens work in this workspace (Pro and Ultra).
    let apiAccess: Bool
    let monthlyQuota: Int
    let usedThisPeriod: Int
    let resetsAt: Date

    enum CodingKeys: String, CodingKey {
        case workspace, plan, status
        case apiAccess = "api_access"
        case monthlyQuota = "monthly_quota"
        case usedThisPeriod = "used_this_period"
        case resetsAt = "resets_at"
    }
}
