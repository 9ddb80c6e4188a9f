/// Sign-in and sign-up: forms the page script sends to `/api/auth/login/` and
/// `/api/auth/register/`. The browser's request carries `Sec-Fetch-Site`, so it gets the session
/// cookie and no refresh token.
enum AuthPages {
    static func signIn(next: String) -> HTMLPage {
        form(page: "login", title: "Sign in", formID: "login-form", submit: "Sign in", next: next,
             passwordAutocomplete: "current-password",
             other: #"<p>New here? <a id="to-signup" href="/accounts/signup/">Create an account</a></p>"#)
    }

    static func signUp(next: String) -> HTMLPage {
        form(page: "signup", title: "Create an account", formID: "signup-form", submit: "Create account", next: next,
             passwordAutocomplete: "new-password",
             other: #"<p>Have an account? <a id="to-login" href="/accounts/login/">Sign in</a></p>"#,
             passwordHint: "At least \(Credentials.passwordRule.lengths.lowerBound) characters, not only digits.")
    }

    private static func form(
        page: String, title: String, formID: String, submit: String, next: String, passwordAutocomplete: String, other: String,
        passwordHint: String? = nil
    ) -> HTMLPage {
        let hint = passwordHint.map { #"<p id="password-hint" class="hint">\#(HTML.escape($0))</p>"# } ?? ""
        let described = passwordHint == nil ? "" : #" aria-describedby="password-hint""#
        let lengths = Credentials.passwordRule.lengths
        let main = """
            <h1>\(title)</h1>
            <form id="\(formID)" data-next="\(HTML.escape(next))" novalidate>
              <div class="field">
                <label for="email">Email</label>
                <input id="email" name="email" type="email" autocomplete="email" required maxlength="\(Credentials.emailRule.lengths.upperBound)">
              </div>
              <div class="field">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="\(passwordAutocomplete)" required minlength="\(lengths.lowerBound)" maxlength="\(lengths.upperBound)"\(described)>
                \(hint)
              </div>
              <p id="form-error" class="error" role="alert"></p>
              <button id="submit" type="submit">\(submit)</button>
            </form>
            \(other)
            """
        return PageLayout.signedOut(page: page, title: title, main: main)
    }
}
