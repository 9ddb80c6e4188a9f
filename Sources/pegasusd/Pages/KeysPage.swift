import KeyCore

/// Profile → API keys: the person's keys (listed by the page script from `GET /api/keys/`, so
/// names are only ever set as text), a form to create one, the new key shown once, and revoke.
enum KeysPage {
    static func page(chrome: PageLayout.Chrome) -> HTMLPage {
        let main = """
            <h1>API keys</h1>
            <p>Use an API key in the <code>Authorization: Api-Key &lt;key&gt;</code> header. It acts as you.</p>
            <section aria-labelledby="create-key-heading" class="panel">
              <h2 id="create-key-heading">Create an API key</h2>
              <form id="create-key-form">
                <div class="field">
                  <label for="key-name">Name</label>
                  <input id="key-name" name="name" required maxlength="\(KeyRecord.nameRule.lengths.upperBound)" autocomplete="off">
                </div>
                <div class="field">
                  <label for="key-expiry">Expires</label>
                  <select id="key-expiry" name="expiry">
                    <option value="">Never</option><option value="30">In 30 days</option><option value="90">In 90 days</option><option value="365">In a year</option>
                  </select>
                </div>
                <p id="key-error" class="error" role="alert"></p>
                <button id="create-key" type="submit">Create key</button>
              </form>
            </section>
            \(PageParts.reveal(id: "new-key", what: "key"))
            <h2>Your keys</h2>
            <p id="keys-empty" hidden>No API keys yet.</p>
            <div class="table-scroll">
              <table id="keys-table">
                <caption class="visually-hidden">Your API keys</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                <tbody id="keys-body"></tbody>
              </table>
            </div>
            """
        return PageLayout.app(page: "keys", title: "API keys", chrome: chrome, main: main)
    }
}
