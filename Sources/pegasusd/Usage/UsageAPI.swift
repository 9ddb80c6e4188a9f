import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird
import KeyCore
import PegasusHummingbird
import SchemaKit

/// `GET /api/usage/`: the workspace's requests per day over the last 30 days, by credential
/// and by endpoint, with the quota.
enum UsageAPI {
    static let days = 30

    static let endpoints: [PegasusEndpoint] = [
        PegasusEndpoint(.get, "/api/usage/", productPermission(.usageRead, .read), tags: ["usage"], summary: "Requests per day, token, API key and endpoint",
                        responds: ResponseDescription(200, "The last 30 days, oldest first.", body: UsageReport.self)) { services, _, _, auth in
            try WireJSON.response(try await UsageReport.build(for: try await services.seat(of: auth, for: .read), services: services).report)
        },
    ]
}

/// One count of the usage table: a day, a credential, an endpoint.
typealias UsageRow = (day: String, credentialID: String, kind: String, endpoint: String, count: Int)

extension UsageReport {
    /// The report of `seat`'s workspace over the last ``UsageAPI/days`` days, and the rows it
    /// sums (the usage page draws its chart and table from both).
    static func build(for seat: WorkspaceStore.Seat, services: PegasusServices, now: Date = Date()) async throws -> (report: UsageReport, rows: [UsageRow], names: [String: String]) {
        let first = UsageMeter.utc.date(byAdding: .day, value: 1 - UsageAPI.days, to: now)!
        let rows = try await services.usage.rows(of: seat.workspace.id, since: UsageMeter.day(of: first))
        let dayNames = (0..<UsageAPI.days).map { UsageMeter.day(of: UsageMeter.utc.date(byAdding: .day, value: $0, to: first)!) }
        var credentials: [CredentialCount] = []
        var names: [String: String] = [:]
        for (id, counted) in Dictionary(grouping: rows, by: \.credentialID) {
            let name = (try? await services.keys.record(id: id).name) ?? "deleted"
            names[id] = name
            credentials.append(.init(id: id, name: name, kind: counted[0].kind, count: counted.reduce(0) { $0 + $1.count }))
        }
        let report = UsageReport(
            workspace: WorkspaceListing(seat, activeID: nil),
            monthlyQuota: services.quotas[seat.workspace.plan],
            usedThisPeriod: try await services.usage.used(by: seat.workspace.id, now: now),
            days: dayNames.map { day in .init(date: day, count: rows.filter { $0.day == day }.reduce(0) { $0 + $1.count }) },
            byCredential: credentials.sorted { ($0.count, $1.id) > ($1.count, $0.id) },
            byEndpoint: Dictionary(grouping: rows, by: \.endpoint).map { .init(endpoint: $0.key, count: $0.value.reduce(0) { $0 + $1.count }) }
                .sorted { ($0.count, $1.endpoint) > ($1.count, $0.endpoint) })
        return (report, rows, names)
    }
}

struct UsageReport: Codable {
    struct DayCount: Codable {
        let date: String
        let count: Int
    }

    struct CredentialCount: Codable {
        let id: String
        let name: String
        /// `token` or `api_key`.
        let kind: String
        let count: Int
    }

    struct EndpointCount: Codable {
        let endpoint: String
        let count: Int
    }

    let workspace: WorkspaceListing
    let monthlyQuota: Int
    let usedThisPeriod: Int
    let days: [DayCount]
    let byCredential: [CredentialCount]
    let byEndpoint: [EndpointCount]

    enum CodingKeys: String, CodingKey {
        case workspace, days
        case monthlyQuota = "monthly_quota"
        case usedThisPeriod = "used_this_period"
        case byCredential = "by_credential"
        case byEndpoint = "by_endpoint"
    }
}
