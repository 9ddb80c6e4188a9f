import KeyCore
import PegasusHummingbird

/// What pegasusd's handlers work with, bound to the route table when the server starts. The
/// OpenAPI document is made from the table alone, so `pegasusd schema` opens none of it.
struct PegasusServices: Sendable {
    let database: AppDatabase
    let accounts: AccountStore
    let sessions: SessionStore
    let tokens: TokenIssuer
    let cookies: CookiePolicy
    let keys: KeyService
    let employees: EmployeeStore
    let workspaces: WorkspaceStore
    /// The workspace rules product routes are decided by.
    let access: WorkspaceAccess
    let bots: BotStore
    let conversations: ConversationStore
    /// Writes bots' replies.
    let responder: any ChatResponder
    /// Counts token and key requests; enforces the monthly quotas.
    let usage: UsageMeter
    let quotas: PlanQuotas
    /// Sign-ups, sign-ins and refreshes per client address and account; `nil` when off.
    let authThrottle: Throttle?
    /// Requests per client address (no credential) and per user (a credential).
    let requestThrottles: RequestThrottles
    /// The served OpenAPI document and where its pages load their assets from.
    let document: APIDocument
    let docsAssets: DocsAssets
    /// The largest request body a handler reads, in bytes.
    let maxBodyBytes: Int
}

/// One operation of pegasusd's HTTP API.
typealias PegasusEndpoint = Endpoint<PegasusServices, PegasusRequestContext>
