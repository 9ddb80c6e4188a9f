"""The steps the browser tests of pegasusd's pages are made of: the server's address and admin
command from the environment, API calls, a headless Chromium, and what a person does on a page
(open it, fill a field, create a key or a token, read a table). `pages_test.py` composes them into
checks.
"""

import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    NoAlertPresentException,
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE_URL = os.environ.get("PEGASUS_BASE_URL", "").rstrip("/")
PEGASUSD_BIN = os.environ.get("PEGASUSD_BIN", "")
DATA_DIR = os.environ.get("PEGASUS_DATA_DIR", "")
ARTIFACTS = os.environ.get("PEGASUS_TEST_ARTIFACTS", "")

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT_SECONDS = 10
DESKTOP = (1280, 900)
NARROW_WIDTH, NARROW_HEIGHT = 390, 844

PASSWORD = "correct horse battery staple"
TEAM_NAME = "Browser Team"
PRESETS = ["chat-api-only", "read-only", "bot-management"]
SCRIPT_NAME = "<script>alert(1)</script>"
EMPLOYEES = "/pegasus/employees/api/employees/"

# Each page, and what shows once it has rendered (its list loaded, if it loads one).
PAGES = {
    "/accounts/login/": "#login-form",
    "/accounts/signup/": "#signup-form",
    "/app/keys/": "#keys-body tr.key-row, #keys-empty",
    "/app/tokens/": "#tokens-body tr.token-row, #tokens-empty, #token-upgrade-prompt, #token-readonly-prompt",
    "/app/usage/": "#usage-table",
}
SIGNED_OUT_PAGES = ["/accounts/login/", "/accounts/signup/"]
APP_PAGES = ["/app/keys/", "/app/tokens/", "/app/usage/"]


class CheckFailed(Exception):
    """A check's expectation was not met; the message says what was expected and what was found."""


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Session:
    """What the checks share: the browser, the person signed up, and what they made."""

    def __init__(self, driver):
        self.driver = driver
        self.email = f"browser-{uuid.uuid4().hex[:10]}@example.com"
        self.jwt = None
        self.jwt_time = 0.0
        self.team_id = None
        self.tokens = {}  # preset -> (token name, token)
        # credential name -> [kind as the usage page shows it, successful calls made with it]
        self.calls = {}

    def count_call(self, name, kind):
        self.calls.setdefault(name, [kind, 0])[1] += 1


# MARK: HTTP, as an API client (urllib, no cookies)


def call(method, path, headers=None, body=None):
    """Sends one request to the server; returns (status, decoded JSON body or text)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE_URL + path, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw.decode(errors="replace")


def api_as_user(session, method, path, body=None, status=200):
    """Calls the API as the signed-up person (a JWT from POST /api/auth/login/); checks the status."""
    if session.jwt is None or time.time() - session.jwt_time > 240:  # access tokens live 300 s
        got, payload = call("POST", "/api/auth/login/", body={"email": session.email, "password": PASSWORD})
        expect(got == 200, f"POST /api/auth/login/: expected 200, got {got} {payload}")
        session.jwt, session.jwt_time = payload["access"], time.time()
    got, payload = call(method, path, {"Authorization": f"Bearer {session.jwt}"}, body)
    expect(got == status, f"{method} {path}: expected {status}, got {got} {payload}")
    return payload


def admin(*arguments):
    """Runs the admin CLI on the server's data folder (`pegasusd ARGUMENTS --data-dir DIR`)."""
    # Only the settings given here: none of this process's PEGASUS_* variables.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PEGASUS_")}
    command = [PEGASUSD_BIN, *arguments, "--data-dir", DATA_DIR]
    outcome = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)
    expect(outcome.returncode == 0, f"`{' '.join(command)}` exited {outcome.returncode}: {outcome.stderr.strip()}")


# MARK: The browser


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={DESKTOP[0]},{DESKTOP[1]}"]:
        options.add_argument(argument)
    # Dialogs stay open until a check handles them, so an unexpected alert is seen, not dismissed.
    options.unhandled_prompt_behavior = "ignore"
    # The console (script errors, CSP refusals) is printed under a failed check.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait_until(driver, condition, expected, found=lambda driver: "nothing", ignoring=()):
    """Waits up to WAIT_SECONDS for `condition(driver)` to be truthy; returns it."""
    ignored = (NoSuchElementException, StaleElementReferenceException, *ignoring)
    waiter = WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=ignored)
    try:
        return waiter.until(condition)
    except TimeoutException:
        raise CheckFailed(f"expected {expected} within {WAIT_SECONDS} s; found {found(driver)}") from None


def shown(driver, css):
    """The first displayed element matching `css`, or None."""
    return next((element for element in driver.find_elements(By.CSS_SELECTOR, css) if element.is_displayed()), None)


def path_of(driver):
    return urllib.parse.urlsplit(driver.current_url).path


def open_page(driver, path, ready=None):
    """Loads `path` and waits until what `ready` (or the page's entry in PAGES) selects is displayed."""
    driver.get(BASE_URL + path)
    ready = ready or PAGES.get(path)
    if ready:
        wait_until(driver, lambda d: shown(d, ready), f"{ready} displayed on {path}",
                   lambda d: f"the page at {d.current_url} titled {d.title!r}")


def no_alert_open(driver):
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    raise CheckFailed(f"expected no dialog; an alert is open saying {text!r}")


def switch_workspace(driver, workspace_id):
    """Chooses the workspace in select#workspace-switcher and waits for the page to reload in it."""
    switcher = Select(driver.find_element(By.ID, "workspace-switcher"))
    values = [option.get_attribute("value") for option in switcher.options]
    expect(workspace_id in values, f"expected an option {workspace_id} in select#workspace-switcher; found {values}")
    # A mark on this page's window: gone once the page has reloaded.
    driver.execute_script("window.beforeSwitch = true")
    switcher.select_by_value(workspace_id)
    reloaded = "return document.readyState === 'complete' && !window.beforeSwitch"
    wait_until(driver, lambda d: d.execute_script(reloaded), f"the page to reload after choosing workspace {workspace_id}",
               lambda d: "no reload", ignoring=(WebDriverException,))  # mid-navigation, scripts may fail
    wait_until(driver, lambda d: d.find_element(By.ID, "workspace-switcher").get_attribute("value") == workspace_id,
               f"workspace {workspace_id} selected after the reload",
               lambda d: d.find_element(By.ID, "workspace-switcher").get_attribute("value"))


def text_of(driver, css):
    """The text of the first element matching `css` (for failure messages), or None."""
    elements = driver.find_elements(By.CSS_SELECTOR, css)
    return elements[0].text if elements else None


def fill(driver, element_id, text):
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


# MARK: Keys page


def key_row(driver, name):
    """The tr.key-row whose td.key-name reads `name`, or None."""
    for row in driver.find_elements(By.CSS_SELECTOR, "#keys-body tr.key-row"):
        if row.find_element(By.CSS_SELECTOR, "td.key-name").text == name:
            return row
    return None


def key_names(driver):
    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#keys-body td.key-name")]


def new_secret(driver, section, code, warning, error):
    """The secret shown once in `section` after creating a key or token; checks its warning."""
    wait_until(driver, lambda d: shown(d, section) and d.find_element(By.CSS_SELECTOR, code).text.strip(),
               f"{section} displayed with {code} filled",
               lambda d: f"{section} hidden or {code} empty; {error} says {text_of(d, error)!r}")
    text = driver.find_element(By.CSS_SELECTOR, warning).text
    expect("will not be shown again" in text, f"expected {warning} to say 'will not be shown again'; found {text!r}")
    return driver.find_element(By.CSS_SELECTOR, code).text.strip()


def create_key(driver, name):
    """Creates a key named `name` with the mouse on /app/keys/; returns the key shown once."""
    open_page(driver, "/app/keys/")
    fill(driver, "key-name", name)
    driver.find_element(By.ID, "create-key").click()
    key = new_secret(driver, "#new-key", "code#new-key-value", "p#new-key-warning", "#key-error")
    wait_until(driver, lambda d: key_row(d, name), f"a tr.key-row named {name!r}", key_names)
    return key


def tab_to(driver, element_id, most=40):
    """Presses TAB until the focus is on #element_id; fails naming where the focus went."""
    visited = []
    for _ in range(most):
        active = driver.switch_to.active_element
        if active.get_attribute("id") == element_id:
            return
        visited.append(active.tag_name + (f"#{active.get_attribute('id')}" if active.get_attribute("id") else ""))
        ActionChains(driver).send_keys(Keys.TAB).perform()
    raise CheckFailed(f"expected TAB to reach #{element_id} within {most} presses; the focus went {' → '.join(visited)}")


# MARK: Tokens page


def create_token(driver, name, preset):
    """Creates a token from `preset` in the dialog on /app/tokens/; returns the token shown once."""
    open_page(driver, "/app/tokens/")
    opener = shown(driver, "button#open-create-token")
    expect(opener, "expected button#open-create-token on /app/tokens/ in a Pro team; it is missing or hidden")
    opener.click()
    dialog = wait_until(driver, lambda d: shown(d, "dialog#create-token-dialog"), "dialog#create-token-dialog open")
    expiry = Select(dialog.find_element(By.ID, "token-expiry")).first_selected_option.get_attribute("value")
    expect(expiry == "90", f"expected select#token-expiry to default to 90 days; found {expiry!r}")
    fill(driver, "token-name", name)
    choose(driver, dialog.find_element(By.CSS_SELECTOR, f'#token-presets input[name="preset"][value="{preset}"]'))
    dialog.find_element(By.ID, "create-token").click()
    wait_until(driver, lambda d: not shown(d, "dialog#create-token-dialog"), "the dialog to close after creating a token",
               lambda d: f"it open; #token-error says {text_of(d, '#token-error')!r}")
    return new_secret(driver, "#new-token", "code#new-token-value", "p#new-token-warning", "#token-error")


def choose(driver, radio):
    """Clicks a radio input, or its label when the input itself is styled out of reach."""
    try:
        radio.click()
    except (ElementClickInterceptedException, ElementNotInteractableException):
        driver.find_element(By.CSS_SELECTOR, f'label[for="{radio.get_attribute("id")}"]').click()
    expect(radio.is_selected(), f"expected the preset radio {radio.get_attribute('value')!r} to be checked after clicking it")


def token_row_scopes(driver, name):
    """The scopes td.token-scopes lists for the token named `name`, or None when there is no such row."""
    for row in driver.find_elements(By.CSS_SELECTOR, "#tokens-body tr.token-row"):
        if row.find_element(By.CSS_SELECTOR, "td.token-name").text == name:
            return [scope for scope in row.find_element(By.CSS_SELECTOR, "td.token-scopes").text.split(", ") if scope]
    return None


def prompt_text(driver, css):
    element = shown(driver, css)
    return element.text if element else None


# MARK: Usage page


def usage_by_credential(driver):
    """{credential name: (kinds seen, summed count)} from table#usage-table's rows."""
    usage = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#usage-table tr.usage-row"):
        name = row.find_element(By.CSS_SELECTOR, "td.usage-credential").text
        kinds, count = usage.get(name, (set(), 0))
        kinds.add(row.find_element(By.CSS_SELECTOR, "td.usage-kind").text)
        usage[name] = (kinds, count + int(row.find_element(By.CSS_SELECTOR, "td.usage-count").text))
    return usage


def expect_usage_shows(session, names):
    """Reloads /app/usage/ (the meter writes in batches; up to ~10 s) until each named credential's
    count covers the calls made with it; checks the kinds and the chart."""
    driver = session.driver
    wanted = {name: session.calls[name] for name in names}
    deadline = time.time() + WAIT_SECONDS
    while True:
        open_page(driver, "/app/usage/")
        usage = usage_by_credential(driver)
        if all(usage.get(name, (set(), 0))[1] >= calls for name, (_, calls) in wanted.items()) or time.time() > deadline:
            break
        time.sleep(1)
    for name, (kind, calls) in wanted.items():
        kinds, count = usage.get(name, (set(), 0))
        expect(count >= calls, f"expected the usage rows of {name!r} to count at least {calls}; found {count} (table: {usage})")
        expect(kinds == {kind}, f"expected td.usage-kind {kind!r} for {name!r}; found {sorted(kinds)}")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg#usage-chart rect.usage-bar")
    expect(bars, "expected at least one rect.usage-bar in svg#usage-chart; found none")


# MARK: Screens


# What widens the document past the window: the elements whose right edge is the document's
# (or, failing that, the outermost ones past the window's edge), named tag#id.class (right edge).
OVERFLOWING = """
    const width = document.documentElement.scrollWidth, right = e => e.getBoundingClientRect().right;
    const past = e => right(e) > window.innerWidth + 0.5;
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
    const all = [...document.body.querySelectorAll('*')].filter(past);
    const widest = all.filter(e => Math.abs(right(e) - width) <= 1);
    return (widest.length ? widest : all.filter(e => !past(e.parentElement)))
        .slice(0, 8).map(e => `${name(e)} in ${name(e.parentElement)} (${Math.round(right(e))})`);
"""


def save_screenshot(driver, path, width=DESKTOP[0], height=DESKTOP[1], suffix=""):
    """Saves the whole page as page-<path><suffix>.png in ARTIFACTS: the window, `width` wide,
    stretched to the page's height for the shot, then put back to `height`."""
    # The window's height includes the browser's frame: add it to the page's.
    page_height = driver.execute_script("return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight")
    driver.set_window_size(width, max(height, min(page_height, 5000)))
    file = os.path.join(ARTIFACTS, "page" + path.rstrip("/").replace("/", "-") + suffix + ".png")
    try:
        expect(driver.save_screenshot(file), f"could not save a screenshot to {file}")
    finally:
        driver.set_window_size(width, height)


# MARK: The checks, in the order they run
