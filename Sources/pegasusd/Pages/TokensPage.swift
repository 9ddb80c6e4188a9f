import AuthGate
import KeyCore

/// Settings → API tokens: personal access tokens of every workspace, and — when the active
/// workspace may have them — a "Create token" dialog with the nine scopes, the presets and the
/// lifetimes. A Free workspace is told to upgrade; a read-only team that its API is read-only.
enum TokensPage {
    static func page(chrome: PageLayout.Chrome, workspace: Workspace) -> HTMLPage {
        let creator: String
        switch TokensAPI.creationRefusal(in: workspace) {
        case WorkspaceAccess.upgradeRequired?:
            creator = #"<div id="token-upgrade-prompt" class="notice"><p><strong>Upgrade to use the API.</strong> \#(HTML.escape(workspace.name)) is on the Free plan; tokens need Pro or Ultra.</p></div>"#
        case WorkspaceAccess.readOnlyTeam?:
            creator = #"<div id="token-readonly-prompt" class="notice"><p><strong>Team API access is read-only.</strong> \#(HTML.escape(workspace.name)) cannot get new tokens; existing ones can still read.</p></div>"#
        default:
            creator = #"<button type="button" id="open-create-token">Create token</button>"# + dialog(workspace: workspace)
        }
        let main = """
            <h1>API tokens</h1>
            <p>A personal access token goes in <code>Authorization: Bearer &lt;token&gt;</code>. It can do only what its scopes allow, in the workspace it was made in (now: <strong>\(HTML.escape(workspace.name))</strong>).</p>
            \(creator)
            \(PageParts.reveal(id: "new-token", what: "token"))
            <h2>Your tokens</h2>
            <p id="tokens-empty" hidden>No tokens yet.</p>
            <div class="table-scroll">
              <table id="tokens-table">
                <caption class="visually-hidden">Your personal access tokens</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Workspace</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                <tbody id="tokens-body"></tbody>
              </table>
            </div>
            """
        return PageLayout.app(page: "tokens", title: "API tokens", chrome: chrome, main: main)
    }

    private static func dialog(workspace: Workspace) -> String {
        let presets = [#"<div class="choice"><input type="radio" id="preset-custom" name="preset" value="" checked data-scopes=""><label for="preset-custom">Custom: pick scopes</label></div>"#]
            + TokenPreset.allCases.map { preset -> String in
                #"<div class="choice"><input type="radio" id="preset-\#(preset.rawValue)" name="preset" value="\#(preset.rawValue)" data-scopes="\#(preset.scopes.map(\.rawValue).joined(separator: " "))"><label for="preset-\#(preset.rawValue)">\#(HTML.escape(preset.label))</label></div>"#
            }
        let scopes = Scope.allCases.map { scope -> String in
            let id = "scope-" + scope.rawValue.replacingOccurrences(of: ":", with: "-")
            return #"<div class="choice"><input type="checkbox" id="\#(id)" name="scope" value="\#(scope.rawValue)"><label for="\#(id)">\#(HTML.escape(scope.label)) <code>\#(scope.rawValue)</code></label></div>"#
        }
        let lifetimes = TokenExpiry.allowedDays.map { days -> String in
            #"<option value="\#(days)"\#(days == 90 ? " selected" : "")>\#(days) days</option>"#
        }
        return """
            <dialog id="create-token-dialog" aria-labelledby="create-token-heading">
              <form id="create-token-form" method="dialog">
                <h2 id="create-token-heading">Create a token for \(HTML.escape(workspace.name))</h2>
                <div class="field">
                  <label for="token-name">Name</label>
                  <input id="token-name" name="name" required maxlength="\(KeyRecord.nameRule.lengths.upperBound)" autocomplete="off">
                </div>
                <fieldset id="token-presets"><legend>Preset</legend>\(presets.joined())</fieldset>
                <fieldset id="token-scopes"><legend>Scopes</legend>\(scopes.joined())</fieldset>
                <div class="field">
                  <label for="token-expiry">Expires in</label>
                  <select id="token-expiry" name="expiry">\(lifetimes.joined())</select>
                </div>
                <p id="token-error" class="error" role="alert"></p>
                <div class="actions">
                  <button type="submit" id="create-token" value="create">Create token</button>
                  <button type="button" id="cancel-create-token">Cancel</button>
                </div>
              </form>
            </dialog>
            """
    }
}
