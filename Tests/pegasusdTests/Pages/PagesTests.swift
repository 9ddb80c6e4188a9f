import Foundation
import Testing
@testable import pegasusd

/// The pages as a browser receives them: who gets which page, what they may load, and that
/// what people typed is shown as text. (Driving them in Chromium is BrowserTests'.)
struct PagesTests {
    static let signedInPages = ["/app/keys/", "/app/tokens/", "/app/usage/"]

    @Test func withoutASessionEachPageSendsTheBrowserToSignInAndBack() async throws {
        try await LiveServer.serving { server in
            for path in Self.signedInPages {
                let reply = try await server.send("GET", path)
                #expect(reply.status == 303)
                #expect(reply.header("Location") == "/accounts/login/?next=" + path)
            }
            #expect(try await server.send("GET", "/").header("Location") == "/app/keys/")
        }
    }

    /// After signing in, the browser goes back only to a path of this site.
    @Test(arguments: [("/app/usage/", "/app/usage/"), ("//evil.example/", "/app/keys/"), ("https://evil.example/", "/app/keys/"), ("/\\evil.example", "/app/keys/"), ("", "/app/keys/")])
    func theSignInPageReturnsOnlyToThisSite(next: String, kept: String) async throws {
        try await LiveServer.serving { server in
            let query = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let page = String(decoding: try await server.send("GET", "/accounts/login/?next=" + query).body, as: UTF8.self)
            #expect(page.contains(#"data-next="\#(kept)""#), "\(next)")
        }
    }

    /// Every page: scripts only from this origin and no inline script, never cached, never framed.
    @Test func everyPageLoadsOnlyItsOwnScriptAndIsNeverCached() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            for path in ["/accounts/login/", "/accounts/signup/"] + Self.signedInPages {
                let reply = try await server.send("GET", path, headers: ["Cookie": alice.cookie])
                #expect(reply.status == 200, "\(path)")
                let policy = try #require(reply.header("Content-Security-Policy"))
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'"))
                #expect(reply.header("Cache-Control") == "no-store")
                let page = String(decoding: reply.body, as: UTF8.self)
                #expect(page.matches(of: /<script/).count == 1 && page.contains(#"<script src="/static/pages.js" defer></script>"#), "\(path)")
                #expect(!page.contains(" style=") && !page.contains("<style"), "\(path): inline styles need 'unsafe-inline'")
            }
        }
    }

    /// A workspace named like markup is shown as its characters in the switcher and the pages.
    @Test func namesPeopleChoseAreEscaped() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let name = #"<script>alert("x")</script>&"#
            _ = try await server.team(name, of: alice)
            for path in Self.signedInPages {
                let page = String(decoding: try await server.send("GET", path, headers: ["Cookie": alice.cookie]).body, as: UTF8.self)
                #expect(!page.contains(name), "\(path)")
                #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"), "\(path)")
            }
        }
    }

    /// The usage page shows GET /api/usage/'s figures: its bars and table add up to the calls
    /// made with the key today.
    @Test func theUsagePageShowsTheRequestsMadeWithAKey() async throws {
        try await LiveServer.serving { server in
            let alice = try await server.register("alice@example.com")
            let key = try await server.createKey(for: alice, name: "CI <deploy>")
            for _ in 0..<3 {
                #expect(try await server.send("GET", "/pegasus/employees/api/employees/", headers: ["Authorization": "Api-Key \(key.key)"]).status == 200)
            }
            let page = String(decoding: try await server.send("GET", "/app/usage/", headers: ["Cookie": alice.cookie]).body, as: UTF8.self)
            let today = UsageMeter.day(of: Date())
            #expect(page.contains(#"<rect class="usage-bar" data-date="\#(today)" data-count="3""#))
            #expect(page.contains(#"<td class="usage-date">\#(today)</td><td class="usage-credential">CI &lt;deploy&gt;</td>"#))
            #expect(page.contains(#"<td class="usage-kind">api_key</td><td class="usage-count">3</td>"#))
            #expect(page.contains(#"id="quota-line""#) && page.contains("3 requests this month of "))
            let api = try await server.send("GET", "/api/usage/", headers: alice.bearer)
            #expect(api.json["used_this_period"] as? Int == 3)
        }
    }

    @Test func theScriptAndStylesheetAreRevalidatedByTheirETag() async throws {
        try await LiveServer.serving { server in
            for path in [PageAssets.scriptPath, PageAssets.stylesheetPath] {
                let first = try await server.send("GET", path)
                #expect(first.status == 200 && first.header("Content-Type")?.hasPrefix(path.hasSuffix(".js") ? "text/javascript" : "text/css") == true)
                let etag = try #require(first.header("ETag"))
                #expect(try await server.send("GET", path, headers: ["If-None-Match": etag]).status == 304)
            }
            #expect(try await server.send("GET", "/static/other.js").status == 404)
        }
    }

    @Test func escapingCoversEveryCharacterThatEndsTextOrAnAttribute() {
        #expect(HTML.escape(#"<a href="x" title='y'>&</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("Zoë 👩‍👩‍👧‍👦") == "Zoë 👩‍👩‍👧‍👦")
    }
}
