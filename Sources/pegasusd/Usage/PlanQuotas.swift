/// Requests a workspace may make with its tokens and keys each calendar month (UTC), by plan.
struct PlanQuotas: Codable, Equatable, Sendable {
    var free = 1_000
    var pro = 100_000
    var ultra = 1_000_000

    subscript(plan: Workspace.Plan) -> Int {
        switch plan {
        case .free: free
        case .pro: pro
        case .ultra: ultra
        }
    }
}
