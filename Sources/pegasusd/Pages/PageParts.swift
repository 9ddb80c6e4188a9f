/// Pieces more than one page uses.
enum PageParts {
    /// Where a new key or token is shown, once: hidden until the page script fills it in.
    /// - Parameters:
    ///   - id: `new-key` or `new-token`; the value is `<id>-value`, the button `copy-<id>`.
    ///   - what: "key" or "token", for the words.
    static func reveal(id: String, what: String) -> String {
        """
        <section id="\(id)" class="reveal" hidden aria-live="polite" aria-labelledby="\(id)-heading">
          <h2 id="\(id)-heading">Your new \(what)</h2>
          <p id="\(id)-warning" class="warning">Copy it now: it will not be shown again.</p>
          <div class="secret"><code id="\(id)-value"></code></div>
          <button type="button" id="copy-\(id)">Copy \(what)</button>
          <span id="copy-\(id)-status" class="hint" role="status"></span>
        </section>
        """
    }
}
