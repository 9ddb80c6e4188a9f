/// The pages' one script, served at ``PageAssets/scriptPath``: plain JavaScript calling the JSON
/// API with the session cookie and the CSRF header. Every value from the API reaches the page
/// through `textContent`, never as HTML.
enum PageScript {
    static let source = #"""
"use strict";

// The CSRF token the server set in a readable cookie (`__Host-csrftoken` behind HTTPS).
function csrfToken() {
  for (const part of document.cookie.split("; ")) {
    const [name, value] = part.split("=");
    if (name === "csrftoken" || name === "__Host-csrftoken") return decodeURIComponent(value);
  }
  return "";
}

// A JSON API call; throws an Error with the problem's detail when the answer is not 2xx.
async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["X-CSRFToken"] = csrfToken();
  const response = await fetch(path, {
    method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error((data && data.detail) || response.statusText);
  return data;
}

// Every result of a paginated list, following `next`.
async function allResults(path) {
  const results = [];
  for (let next = path; next; ) {
    const page = await api("GET", next);
    results.push(...page.results);
    next = page.next;
  }
  return results;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const day = (iso) => (iso ? iso.slice(0, 10) : "never");

function statusOf(item) {
  if (item.revoked) return "revoked";
  if (item.expires_at && new Date(item.expires_at) <= new Date()) return "expired";
  return "active";
}

function showError(id, error) {
  document.getElementById(id).textContent = error ? error.message : "";
}

// Shows a new secret once, with its copy button.
function reveal(prefix, secret) {
  document.getElementById(prefix + "-value").textContent = secret;
  const section = document.getElementById(prefix);
  section.hidden = false;
  const button = document.getElementById("copy-" + prefix);
  button.onclick = async () => {
    const status = document.getElementById("copy-" + prefix + "-status");
    try {
      await navigator.clipboard.writeText(secret);
      status.textContent = "Copied.";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(prefix + "-value"));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
    }
  };
  button.focus();
}

// A table of keys or tokens: one row per item with the given cells, and a revoke button on the
// active ones.
function fillTable(bodyID, emptyID, items, rowClass, cells, revoke) {
  const body = document.getElementById(bodyID);
  body.replaceChildren();
  document.getElementById(emptyID).hidden = items.length > 0;
  for (const item of items) {
    const row = element("tr", undefined, rowClass);
    row.dataset[rowClass === "key-row" ? "keyId" : "tokenId"] = item.id;
    for (const [className, text] of cells(item)) row.append(element("td", text, className));
    const actions = element("td");
    if (statusOf(item) === "active") {
      const what = rowClass === "key-row" ? "key" : "token";
      const button = element("button", "Revoke", "revoke-" + what);
      button.type = "button";
      button.setAttribute("aria-label", "Revoke " + what + " " + item.name);
      button.onclick = () => revoke(item);
      actions.append(button);
    }
    row.append(actions);
    body.append(row);
  }
}

async function revokeItem(what, path, item, refresh) {
  if (!confirm("Revoke " + what + " " + item.name + "? Clients using it will stop working.")) return;
  await api("DELETE", path + item.id + "/");
  await refresh();
}

// Signed-out pages: sign in or sign up, then go on.
function setUpAuthForm(formID, path) {
  const form = document.getElementById(formID);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError("form-error");
    try {
      await api("POST", path, { email: form.email.value, password: form.password.value });
      location.assign(form.dataset.next || "/app/keys/");
    } catch (error) {
      showError("form-error", error);
    }
  });
}

function setUpHeader() {
  document.getElementById("workspace-switcher").addEventListener("change", async (event) => {
    await api("POST", "/api/workspaces/" + encodeURIComponent(event.target.value) + "/activate/");
    location.reload();
  });
  document.getElementById("sign-out").addEventListener("click", async () => {
    await api("POST", "/api/auth/logout/");
    location.assign("/accounts/login/");
  });
}

async function setUpKeys() {
  const refresh = async () => fillTable("keys-body", "keys-empty", await allResults("/api/keys/"), "key-row",
    (key) => [["key-name", key.name], ["key-prefix", key.prefix], ["key-created", day(key.created)],
              ["key-expires", day(key.expires_at)], ["key-last-used", day(key.last_used_at)], ["key-status", statusOf(key)]],
    (key) => revokeItem("key", "/api/keys/", key, refresh));
  const form = document.getElementById("create-key-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError("key-error");
    const body = { name: form.name.value };
    if (form.expiry.value) body.expires_at = new Date(Date.now() + Number(form.expiry.value) * 86400000).toISOString();
    try {
      const created = await api("POST", "/api/keys/", body);
      form.reset();
      await refresh();
      reveal("new-key", created.key);
    } catch (error) {
      showError("key-error", error);
    }
  });
  await refresh();
}

async function setUpTokens() {
  const refresh = async () => fillTable("tokens-body", "tokens-empty", await allResults("/api/tokens/"), "token-row",
    (token) => [["token-name", token.name], ["token-scopes", token.scopes.join(", ")],
                ["token-workspace", token.workspace ? token.workspace.name : ""], ["token-expires", day(token.expires_at)],
                ["token-last-used", day(token.last_used_at)], ["token-status", statusOf(token)]],
    (token) => revokeItem("token", "/api/tokens/", token, refresh));
  const dialog = document.getElementById("create-token-dialog");
  if (dialog) {
    const form = document.getElementById("create-token-form");
    const boxes = [...form.querySelectorAll("input[name=scope]")];
    // A preset fills in its scopes (shown, not editable); Custom lets the person pick.
    for (const radio of form.querySelectorAll("input[name=preset]")) {
      radio.addEventListener("change", () => {
        const scopes = radio.dataset.scopes.split(" ").filter(Boolean);
        for (const box of boxes) {
          if (radio.value) box.checked = scopes.includes(box.value);
          box.disabled = Boolean(radio.value);
        }
      });
    }
    document.getElementById("open-create-token").addEventListener("click", () => {
      showError("token-error");
      dialog.showModal();
    });
    document.getElementById("cancel-create-token").addEventListener("click", () => dialog.close());
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      showError("token-error");
      const preset = form.querySelector("input[name=preset]:checked").value;
      const body = { name: form.name.value, expires_in_days: Number(form.expiry.value) };
      if (preset) body.preset = preset;
      else body.scopes = boxes.filter((box) => box.checked).map((box) => box.value);
      try {
        const created = await api("POST", "/api/tokens/", body);
        dialog.close();
        form.reset();
        for (const box of boxes) box.disabled = false;
        await refresh();
        reveal("new-token", created.token);
      } catch (error) {
        showError("token-error", error);
      }
    });
  }
  await refresh();
}

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  if (page === "login") return setUpAuthForm("login-form", "/api/auth/login/");
  if (page === "signup") return setUpAuthForm("signup-form", "/api/auth/register/");
  setUpHeader();
  if (page === "keys") setUpKeys();
  if (page === "tokens") setUpTokens();
});
"""#
}
