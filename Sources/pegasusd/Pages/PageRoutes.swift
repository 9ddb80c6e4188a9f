import AuthGate
import AuthGateHummingbird
import Foundation
import Hummingbird

/// The pages a person uses, beside the JSON API (and outside its OpenAPI document): sign-in and
/// sign-up, then API keys, API tokens and usage for the signed-in person. A page of the
/// signed-in part asked for without a session sends the browser to sign in, and back after.
enum PageRoutes {
    /// Every path the pages are served on (all `GET`), kept out of the API's document.
    static let paths = ["/", "/accounts/login/", "/accounts/signup/", "/static/{asset}", "/app/keys/", "/app/tokens/", "/app/usage/"]

    static func register(on router: Router<PegasusRequestContext>, gatekeeper: Gatekeeper, services: PegasusServices) {
        router.get("/") { _, _ in redirect(to: "/app/keys/") }
        router.get("/accounts/login/") { request, _ in AuthPages.signIn(next: next(request)).response() }
        router.get("/accounts/signup/") { request, _ in AuthPages.signUp(next: next(request)).response() }
        router.get("/static/{asset}") { request, _ in
            PageAssets.response(for: request.uri.path, request: request) ?? Response(status: .notFound)
        }
        router.get("/app/keys/") { request, context in
            try await signedIn(request, context, gatekeeper, services) { chrome, _ in KeysPage.page(chrome: chrome) }
        }
        router.get("/app/tokens/") { request, context in
            try await signedIn(request, context, gatekeeper, services) { chrome, seat in TokensPage.page(chrome: chrome, workspace: seat.workspace) }
        }
        router.get("/app/usage/") { request, context in
            try await signedIn(request, context, gatekeeper, services) { chrome, seat in
                let now = Date()
                let (report, rows, names) = try await UsageReport.build(for: seat, services: services, now: now)
                let daysInMonth = UsageMeter.utc.range(of: .day, in: .month, for: now)?.count ?? 30
                return UsagePage.page(chrome: chrome, report: report, rows: rows, names: names, daysInMonth: daysInMonth)
            }
        }
    }

    /// The page `render` makes for the signed-in person (by the session cookie, as any browser
    /// request), or a redirect to sign in that comes back here.
    private static func signedIn(
        _ request: Request, _ context: PegasusRequestContext, _ gatekeeper: Gatekeeper, _ services: PegasusServices,
        render: (PageLayout.Chrome, WorkspaceStore.Seat) async throws -> HTMLPage
    ) async throws -> Response {
        let user: UserIdentity
        do {
            let authorization = try await gatekeeper.authorize(
                request, remoteAddress: context.remoteAddress?.ipAddress, by: IsAuthenticated(), logger: context.logger)
            user = try authorization.requireUser()
        } catch is Refusal {
            let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return redirect(to: "/accounts/login/?next=" + (back.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "?"])) ?? "/app/keys/"))
        }
        let active = try await services.activeSeat(of: user)
        let chrome = PageLayout.Chrome(
            email: user.email, workspaces: try await services.workspaces.seats(of: user.id).filter(\.membership.seated), activeID: active.workspace.id)
        return try await render(chrome, active).response()
    }

    /// Where to go after signing in: a path on this site only (`/app/…`), never another origin.
    private static func next(_ request: Request) -> String {
        guard let next = request.uri.queryParameters.get("next"), next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else {
            return "/app/keys/"
        }
        return next
    }

    private static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }
}
