/// The pages' stylesheet, served at ``PageAssets/stylesheetPath``: readable from a 390-pixel
/// phone up (tables scroll inside their own box, never the page), with visible focus and
/// colours that keep WCAG AA contrast.
enum PageStyles {
    static let source = #"""
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #ffffff; }
a { color: #0b57d0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
main.narrow { max-width: 26rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.75rem 1rem; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
.brand { font-weight: 700; color: #1f2328; text-decoration: none; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.site-header nav a[aria-current="page"] { font-weight: 700; }
.account { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-left: auto; }
.account .email { color: #57606a; overflow-wrap: anywhere; }
.field { margin: 0 0 0.75rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.account label, .choice label { display: inline; font-weight: 400; }
input, select, button { font: inherit; }
input[type=email], input[type=password], input:not([type]), select { width: 100%; max-width: 24rem; padding: 0.4rem 0.5rem; border: 1px solid #8c959f; border-radius: 4px; background: #ffffff; color: #1f2328; }
.account select { width: auto; }
button { padding: 0.4rem 0.9rem; border: 1px solid #0b57d0; border-radius: 4px; background: #0b57d0; color: #ffffff; cursor: pointer; }
button[type=button].revoke-key, button[type=button].revoke-token, #cancel-create-token, #sign-out { background: #ffffff; color: #a40e26; border-color: #a40e26; }
#cancel-create-token, #sign-out { color: #1f2328; border-color: #8c959f; }
.panel, .reveal, .notice { border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.reveal { border-color: #1a7f37; background: #f0fff4; }
.notice { border-color: #9a6700; background: #fff8c5; }
.secret { overflow-wrap: anywhere; word-break: break-all; background: #ffffff; border: 1px solid #d0d7de; padding: 0.5rem; margin: 0.5rem 0; }
.warning { font-weight: 600; color: #7d4e00; }
.error { color: #a40e26; min-height: 1.5em; margin: 0.25rem 0; }
.hint { color: #57606a; font-size: 0.9rem; margin: 0.25rem 0; }
/* position: the hidden column headings are placed absolutely, inside this box, not the page. */
.table-scroll { position: relative; overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; min-width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d0d7de; white-space: nowrap; }
td.key-name, td.token-name, td.token-scopes, td.usage-credential { white-space: normal; overflow-wrap: anywhere; min-width: 8rem; }
fieldset { border: 1px solid #d0d7de; border-radius: 4px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.choice { margin: 0.2rem 0; }
dialog { max-width: min(36rem, calc(100vw - 2rem)); border: 1px solid #8c959f; border-radius: 8px; padding: 1rem 1.25rem; }
dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
.actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.chart { margin: 1rem 0; }
#usage-chart { width: 100%; height: 240px; display: block; }
#usage-chart .axis { stroke: #57606a; stroke-width: 1; }
#usage-chart .label { fill: #57606a; font-size: 11px; }
#usage-chart .usage-bar { fill: #0b57d0; }
#quota-line { stroke: #a40e26; stroke-width: 2; stroke-dasharray: 6 4; }
figcaption { color: #57606a; font-size: 0.9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
"""#
}
