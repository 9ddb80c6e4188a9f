"""Browser tests of pegasusd's pages, by the ids and texts Sources/pegasusd/Pages/ gives them.

What it proves, in headless Chromium driven by Selenium, on a running server:
  - signed out, /app/ pages send you to the sign-in page; signing up lands on /app/keys/;
  - an API key created on the page works on the API (GET /pegasus/employees/api/employees/,
    200) until it is revoked on the page (confirm dialog accepted), then it is refused (401);
  - a key can be created with the keyboard alone (TAB, typing, ENTER; no clicks);
  - a key named <script>alert(1)</script> is shown as that text, never run as markup;
  - a Free workspace's token page shows the upgrade prompt; in a Pro team, chosen with the
    workspace switcher, a token made from each preset has exactly the preset's scopes, and the
    read-only one lists bots (GET /api/bots/, 200); once the team is pending cancellation the
    token page shows the read-only prompt;
  - the usage page counts the requests made with that token and that key;
  - every page (/accounts/login/, /accounts/signup/, /app/keys/, /app/tokens/, /app/usage/) has
    no axe-core violation of serious or critical impact and no horizontal scrolling in a window
    390 pixels wide; a screenshot of each is saved (full width and 390 pixels wide);
  - signing out ends the session.

Run by hand, from the repository's root (the server on a scratch data folder; the admin CLI,
`pegasusd workspaces set-plan|set-status`, works on the same folder while it runs):

    python3 -m venv /tmp/browser && /tmp/browser/bin/pip install -r Tests/Browser/requirements.txt
    /tmp/browser/bin/pip install --no-deps axe-playwright-python==0.1.8   # axe-core's script
    apt-get install chromium chromium-driver
    swift build && .build/debug/pegasusd serve --port 8000 --data-dir /tmp/pegasus-data &
    PEGASUS_BASE_URL=http://127.0.0.1:8000 PEGASUSD_BIN=.build/debug/pegasusd \\
    PEGASUS_DATA_DIR=/tmp/pegasus-data PEGASUS_TEST_ARTIFACTS=test-artifacts \\
        /tmp/browser/bin/python Tests/Browser/pages_test.py

It prints one line per check and exits 0 when all pass, 1 when any fails (each failure says
what was expected and what was found). The swift test suite BrowserTests runs it against a
fresh server.
"""

import importlib.resources
import os
import sys
import traceback
import urllib.parse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select

from browser_steps import (
    NARROW_HEIGHT,
    NARROW_WIDTH,
    BASE_URL,
    PEGASUSD_BIN,
    DATA_DIR,
    ARTIFACTS,
    DESKTOP,
    PASSWORD,
    TEAM_NAME,
    PRESETS,
    SCRIPT_NAME,
    EMPLOYEES,
    SIGNED_OUT_PAGES,
    APP_PAGES,
    CheckFailed,
    expect,
    Session,
    call,
    api_as_user,
    admin,
    start_browser,
    wait_until,
    shown,
    path_of,
    open_page,
    no_alert_open,
    switch_workspace,
    fill,
    key_row,
    key_names,
    new_secret,
    create_key,
    tab_to,
    create_token,
    token_row_scopes,
    prompt_text,
    expect_usage_shows,
    OVERFLOWING,
    save_screenshot,
)


def check_signed_out_app_page_redirects_to_login(session):
    driver = session.driver
    driver.get(BASE_URL + "/app/keys/")
    url = urllib.parse.urlsplit(driver.current_url)
    expect(url.path == "/accounts/login/" and urllib.parse.parse_qs(url.query).get("next") == ["/app/keys/"],
           f"expected /accounts/login/?next=/app/keys/ when signed out; found {driver.current_url}")


def check_signup_lands_on_keys(session):
    driver = session.driver
    open_page(driver, "/accounts/signup/")
    fill(driver, "email", session.email)
    fill(driver, "password", PASSWORD)
    driver.find_element(By.ID, "submit").click()
    wait_until(driver, lambda d: path_of(d) == "/app/keys/", "/app/keys/ after signing up",
               lambda d: f"{d.current_url}, #form-error: {prompt_text(d, '#form-error')!r}")


def check_api_key_works_until_revoked(session):
    driver = session.driver
    name = "Browser key"
    key = create_key(driver, name)
    status, body = call("GET", EMPLOYEES, {"Authorization": f"Api-Key {key}"})
    expect(status == 200, f"expected GET {EMPLOYEES} with the new key to answer 200; got {status} {body}")
    session.count_call(name, "api_key")

    revoke = key_row(driver, name).find_element(By.CSS_SELECTOR, "button.revoke-key")
    label = revoke.get_attribute("aria-label")
    expect(label == f"Revoke key {name}", f"expected button.revoke-key aria-label 'Revoke key {name}'; found {label!r}")
    revoke.click()
    alert = wait_until(driver, expected_conditions.alert_is_present(), "a confirm dialog after clicking button.revoke-key")
    question = f"Revoke key {name}? Clients using it will stop working."
    expect(alert.text == question, f"expected the confirm to ask {question!r}; found {alert.text!r}")
    alert.accept()

    def row_state(d):
        row = key_row(d, name)
        return row and (row.find_element(By.CSS_SELECTOR, "td.key-status").text, bool(row.find_elements(By.CSS_SELECTOR, "button.revoke-key")))

    wait_until(driver, lambda d: row_state(d) == ("revoked", False), f"the row of {name!r} to read 'revoked' with no revoke button",
               lambda d: f"(td.key-status, has button.revoke-key) = {row_state(d)}")
    status, body = call("GET", EMPLOYEES, {"Authorization": f"Api-Key {key}"})
    expect(status == 401, f"expected GET {EMPLOYEES} with the revoked key to answer 401; got {status} {body}")


def check_keyboard_alone_creates_a_key(session):
    driver = session.driver
    name = "Keyboard key"
    open_page(driver, "/app/keys/")
    tab_to(driver, "key-name")
    ActionChains(driver).send_keys(name).perform()
    tab_to(driver, "create-key")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    new_secret(driver, "#new-key", "code#new-key-value", "p#new-key-warning", "#key-error")
    wait_until(driver, lambda d: key_row(d, name), f"a tr.key-row named {name!r}", key_names)


def check_script_name_renders_as_text(session):
    driver = session.driver
    create_key(driver, SCRIPT_NAME)
    expect_script_name_as_text(driver, "after creating it")
    open_page(driver, "/app/keys/")
    expect_script_name_as_text(driver, "after reloading the page")


def expect_script_name_as_text(driver, moment):
    no_alert_open(driver)
    row = key_row(driver, SCRIPT_NAME)
    expect(row, f"expected a td.key-name reading {SCRIPT_NAME!r} {moment}; found {key_names(driver)}")
    markup = row.find_elements(By.CSS_SELECTOR, "td.key-name *")
    expect(not markup, f"expected td.key-name to hold text only {moment}; found elements {[e.tag_name for e in markup]}")


def expect_token_prompt(driver, css, words, where):
    """The token page shows the prompt `css` saying `words`, and no way to create a token."""
    open_page(driver, "/app/tokens/")
    text = prompt_text(driver, css)
    expect(text and words in text, f"expected {css} saying {words!r} {where}; found {text!r}")
    expect(not driver.find_elements(By.ID, "open-create-token"), f"expected no button#open-create-token {where}; found one")


def check_free_workspace_shows_upgrade_prompt(session):
    expect_token_prompt(session.driver, "#token-upgrade-prompt", "Upgrade to use the API", "on the Free personal workspace")


def check_switcher_chooses_a_pro_team(session):
    driver = session.driver
    team = api_as_user(session, "POST", "/api/workspaces/", {"name": TEAM_NAME}, status=201)
    admin("workspaces", "set-plan", team["id"], "pro")
    session.team_id = team["id"]
    open_page(driver, "/app/tokens/")
    switch_workspace(driver, session.team_id)
    chosen = Select(driver.find_element(By.ID, "workspace-switcher")).first_selected_option.text
    expect(chosen == TEAM_NAME, f"expected the selected workspace to read {TEAM_NAME!r}; found {chosen!r}")
    wait_until(driver, lambda d: shown(d, "button#open-create-token"), "button#open-create-token in the Pro team",
               lambda d: f"{prompt_text(d, '#token-upgrade-prompt') or prompt_text(d, '#token-readonly-prompt')!r}")


def check_token_from_preset(session, preset):
    expect(session.team_id, "needs the Pro team, which an earlier check did not make")
    driver = session.driver
    options = api_as_user(session, "GET", "/api/tokens/scopes/")
    scopes = next((p["scopes"] for p in options["presets"] if p["id"] == preset), None)
    expect(scopes, f"expected GET /api/tokens/scopes/ to list preset {preset!r}; found {options['presets']}")
    name = f"{preset} token"
    token = create_token(driver, name, preset)
    session.tokens[preset] = (name, token)

    listed = [t for t in api_as_user(session, "GET", "/api/tokens/")["results"] if t["name"] == name]
    expect(len(listed) == 1, f"expected one token named {name!r} in GET /api/tokens/; found {len(listed)}")
    expect(sorted(listed[0]["scopes"]) == sorted(scopes),
           f"expected token {name!r} to have the preset's scopes {sorted(scopes)}; GET /api/tokens/ says {sorted(listed[0]['scopes'])}")
    shown_scopes = wait_until(driver, lambda d: token_row_scopes(d, name), f"a tr.token-row named {name!r}")
    expect(sorted(shown_scopes) == sorted(scopes), f"expected td.token-scopes of {name!r} to list {sorted(scopes)}; found {shown_scopes}")


def check_read_only_token_lists_bots(session):
    expect("read-only" in session.tokens, "needs the read-only token, which an earlier check did not make")
    name, token = session.tokens["read-only"]
    status, body = call("GET", "/api/bots/", {"Authorization": f"Bearer {token}"})
    expect(status == 200, f"expected GET /api/bots/ with the read-only token to answer 200; got {status} {body}")
    session.count_call(name, "token")


def check_usage_counts_the_team_token(session):
    expect("read-only" in session.tokens, "needs the read-only token, which an earlier check did not make")
    expect_usage_shows(session, [session.tokens["read-only"][0]])


# axe-core 4.12, as axe-playwright-python 0.1.8 bundles it (installed without its Playwright
# dependency: only the script is used, injected through WebDriver, which page CSP does not govern).
AXE_SOURCE = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text()


def check_accessibility(session, path):
    driver = session.driver
    open_page(driver, path)
    driver.execute_script(AXE_SOURCE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(done, (error) => done({error: String(error)}));"
    )
    expect("error" not in result, f"axe-core on {path} failed to run: {result.get('error')}")
    violations = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    report = "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in violations
    )
    expect(not violations, f"axe-core on {path}: {report}")


def check_no_horizontal_scrolling(session, path):
    driver = session.driver
    driver.set_window_size(NARROW_WIDTH, NARROW_HEIGHT)
    try:
        open_page(driver, path)
        width, scroll_width = driver.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
        expect(width == NARROW_WIDTH, f"expected a window {NARROW_WIDTH} pixels wide; the browser gave {width}")
        save_screenshot(driver, path, NARROW_WIDTH, NARROW_HEIGHT, suffix=f"-{NARROW_WIDTH}")
        expect(scroll_width <= width, f"expected no horizontal scrolling on {path} at {width} pixels; the document is "
                                      f"{scroll_width} wide, widened by: {', '.join(driver.execute_script(OVERFLOWING))}")
    finally:
        driver.set_window_size(*DESKTOP)


def check_screenshot(session, path):
    open_page(session.driver, path)
    save_screenshot(session.driver, path)


def check_pending_team_shows_read_only_prompt(session):
    expect(session.team_id, "needs the Pro team, which an earlier check did not make")
    admin("workspaces", "set-status", session.team_id, "pending_cancellation")
    expect_token_prompt(session.driver, "#token-readonly-prompt", "Team API access is read-only", "in a team pending cancellation")


def check_usage_counts_the_personal_api_key(session):
    driver = session.driver
    open_page(driver, "/app/usage/")
    switcher = Select(driver.find_element(By.ID, "workspace-switcher"))
    personal = next((o.get_attribute("value") for o in switcher.options if o.text == "Personal"), None)
    expect(personal, f"expected an option 'Personal' in select#workspace-switcher; found {[o.text for o in switcher.options]}")
    switch_workspace(driver, personal)
    keys = [name for name, (kind, _) in session.calls.items() if kind == "api_key"]
    expect(keys, "needs a key used on the API, which an earlier check did not make")
    expect_usage_shows(session, keys)


def check_sign_out_ends_the_session(session):
    driver = session.driver
    open_page(driver, "/app/keys/")
    driver.find_element(By.ID, "sign-out").click()
    wait_until(driver, lambda d: path_of(d) == "/accounts/login/", "/accounts/login/ after signing out", lambda d: d.current_url)
    check_signed_out_app_page_redirects_to_login(session)


def checks():
    """(name, function) for every check, in order; later ones build on what earlier ones made."""
    def each_page(paths):
        for path in paths:
            yield f"axe-core finds nothing serious on {path}", lambda s, p=path: check_accessibility(s, p)
            yield f"no horizontal scrolling at {NARROW_WIDTH} px on {path}", lambda s, p=path: check_no_horizontal_scrolling(s, p)
            yield f"screenshot of {path}", lambda s, p=path: check_screenshot(s, p)

    yield "signed out, /app/keys/ redirects to the sign-in page", check_signed_out_app_page_redirects_to_login
    yield from each_page(SIGNED_OUT_PAGES)
    yield "signing up lands on /app/keys/", check_signup_lands_on_keys
    yield "an API key made on the page works until revoked on the page", check_api_key_works_until_revoked
    yield "the keyboard alone creates a key", check_keyboard_alone_creates_a_key
    yield "a key named <script>alert(1)</script> renders as text", check_script_name_renders_as_text
    yield "a Free workspace's token page shows the upgrade prompt", check_free_workspace_shows_upgrade_prompt
    yield "the workspace switcher chooses a Pro team", check_switcher_chooses_a_pro_team
    for preset in PRESETS:
        yield f"a token from preset {preset} has its scopes", lambda s, p=preset: check_token_from_preset(s, p)
    yield "the read-only token lists bots", check_read_only_token_lists_bots
    yield "the usage page counts the token's requests", check_usage_counts_the_team_token
    yield from each_page(APP_PAGES)
    yield "a team pending cancellation shows the read-only prompt", check_pending_team_shows_read_only_prompt
    yield "the usage page counts the API key's requests", check_usage_counts_the_personal_api_key
    yield "signing out ends the session", check_sign_out_ends_the_session


# Without these, nothing after can run.
PREREQUISITES = {"signing up lands on /app/keys/"}


def console_errors(driver):
    """The browser console's warnings and errors since the last call (script errors, CSP refusals)."""
    try:
        return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    except Exception:  # an open alert blocks the log; the check's own message says more
        return []


def main():
    missing = [n for n, v in [("PEGASUS_BASE_URL", BASE_URL), ("PEGASUSD_BIN", PEGASUSD_BIN),
                               ("PEGASUS_DATA_DIR", DATA_DIR), ("PEGASUS_TEST_ARTIFACTS", ARTIFACTS)] if not v]
    if missing:
        print(f"pages_test: set {', '.join(missing)} (see the docstring at the top of {__file__})")
        return 2
    os.makedirs(ARTIFACTS, exist_ok=True)
    session = Session(start_browser())
    failed, ran = [], 0
    try:
        for name, check in checks():
            ran += 1
            try:
                check(session)
                print(f"ok   {name}", flush=True)
            except CheckFailed as failure:
                failed.append(name)
                print(f"FAIL {name}: {failure}", flush=True)
            except Exception:  # a Selenium or HTTP error: the check could not be carried out
                failed.append(name)
                print(f"FAIL {name}: {traceback.format_exc(limit=3)}", flush=True)
            console = console_errors(session.driver)
            if failed and failed[-1] == name and console:
                print("     browser console:\n       " + "\n       ".join(console), flush=True)
            if failed and failed[-1] == name and name in PREREQUISITES:
                print("     stopping: the checks after this one need it")
                break
    finally:
        session.driver.quit()
    print(f"pages_test: {ran - len(failed)} of {ran} checks passed" + (f"; failed: {'; '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
