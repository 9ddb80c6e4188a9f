/// The frame every page shares: the document head, and for a signed-in person the header with
/// the navigation, the workspace switcher and sign-out.
///
/// Scripts and styles come only from `/static/` on this origin (no inline script, no CDN), so
/// the policy can forbid everything else.
enum PageLayout {
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
        "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// What the header shows a signed-in person.
    struct Chrome {
        let email: String
        /// The workspaces they have a seat in, and the active one's id.
        let workspaces: [WorkspaceStore.Seat]
        let activeID: String
    }

    /// A page of the signed-in part: `page` names it for the script (`keys`, `tokens`, `usage`).
    static func app(page: String, title: String, chrome: Chrome, main: String) -> HTMLPage {
        let navigation = [("nav-keys", "/app/keys/", "API keys"), ("nav-tokens", "/app/tokens/", "API tokens"), ("nav-usage", "/app/usage/", "Usage")]
            .map { id, path, label -> String in
                let current = id == "nav-\(page)" ? #" aria-current="page""# : ""
                return #"<li><a id="\#(id)" href="\#(path)"\#(current)>\#(label)</a></li>"#
            }.joined()
        let options = chrome.workspaces.map { seat -> String in
            let selected = seat.workspace.id == chrome.activeID ? " selected" : ""
            return #"<option value="\#(HTML.escape(seat.workspace.id))"\#(selected)>\#(HTML.escape(seat.workspace.name))</option>"#
        }.joined()
        let header = """
            <header class="site-header">
              <a class="brand" href="/app/keys/">Pegasus</a>
              <nav aria-label="Main"><ul>\(navigation)<li><a id="nav-docs" href="/api/schema/swagger-ui/">API docs</a></li></ul></nav>
              <div class="account">
                <label for="workspace-switcher">Workspace</label>
                <select id="workspace-switcher">\(options)</select>
                <span class="email">\(HTML.escape(chrome.email))</span>
                <button type="button" id="sign-out">Sign out</button>
              </div>
            </header>
            """
        return document(page: page, title: title, body: header + #"<main id="content">"# + main + "</main>")
    }

    /// A page for someone not signed in (sign-in, sign-up).
    static func signedOut(page: String, title: String, main: String) -> HTMLPage {
        document(page: page, title: title, body: #"<main id="content" class="narrow">"# + main + "</main>")
    }

    private static func document(page: String, title: String, body: String) -> HTMLPage {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="referrer" content="same-origin">
              <title>\(HTML.escape(title)) · Pegasus</title>
              <link rel="stylesheet" href="\(PageAssets.stylesheetPath)">
              <script src="\(PageAssets.scriptPath)" defer></script>
            </head>
            <body data-page="\(page)">
            \(body)
            </body>
            </html>
            """
        return HTMLPage(html: html, contentSecurityPolicy: contentSecurityPolicy)
    }
}
