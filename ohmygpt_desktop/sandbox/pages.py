"""HTML pages of the sandbox: authorization, code display, fake Stripe checkout.

Plain server-rendered HTML with inline CSS; no external assets and no script is
needed (the code page has an optional copy button). Every value is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from html import escape
from urllib.parse import urlsplit

from starlette.responses import HTMLResponse

from ohmygpt_desktop.api.models import CREDITS_PER_USD
from ohmygpt_desktop.sandbox.config import GENERAL_SCOPE, TRUSTED_LEVEL, SeededApp
from ohmygpt_desktop.sandbox.state import Account, Order, money

_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; frame-ancestors 'none'"
    ),
}

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
 background:#f4f5f7;color:#1f2328}
.banner{background:#fff4d6;color:#6b4e00;text-align:center;font-size:13px;padding:6px 12px;
 border-bottom:1px solid #f0dfa8}
.brand{font-weight:700;font-size:18px;padding:18px 24px;color:#10a37f}
main{max-width:560px;margin:24px auto 48px;background:#fff;border:1px solid #d8dee4;
 border-radius:12px;padding:28px 32px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:22px;margin:0 0 12px}
h2{font-size:15px;margin:20px 0 8px;color:#57606a;text-transform:uppercase;letter-spacing:.04em}
ul.perms{padding-left:20px;margin:0}
ul.perms li{margin:4px 0}
.muted{color:#57606a;font-size:14px}
.redirect{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;
 background:#f6f8fa;border:1px solid #d8dee4;border-radius:6px;padding:6px 8px;word-break:break-all}
fieldset{border:1px solid #d8dee4;border-radius:8px;padding:8px 12px;margin:0}
legend{padding:0 4px;color:#57606a;font-size:14px}
label.user{display:flex;gap:10px;align-items:center;padding:6px 0;cursor:pointer}
.actions{display:flex;gap:12px;margin-top:24px}
button{font:inherit;border-radius:8px;padding:10px 18px;cursor:pointer;border:1px solid #d0d7de;
 background:#f6f8fa;color:#1f2328}
button.primary{background:#10a37f;border-color:#0e8f6f;color:#fff;font-weight:600}
button.pay{background:#635bff;border-color:#5851e6;color:#fff;font-weight:600;width:100%}
.code{display:block;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
 font-size:34px;letter-spacing:.08em;text-align:center;padding:18px;margin:16px 0;
 background:#f6f8fa;border:2px dashed #10a37f;border-radius:10px;user-select:all;
 -webkit-user-select:all;word-break:break-all}
.error h1{color:#cf222e}
.ok h1{color:#1a7f37}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:12px 0}
dt{color:#57606a}dd{margin:0}
.amount{font-size:36px;font-weight:700;margin:4px 0 12px}
.testmode{display:inline-block;background:#ffde92;color:#7a4b00;font-size:12px;
 font-weight:700;border-radius:4px;padding:2px 6px;margin-left:8px}
"""


def layout(title: str, body: str, *, status: int = 200, brand: str = "OhMyGPT") -> HTMLResponse:
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<div class="banner">Local sandbox &mdash; not the real OhMyGPT. No real account, card or money
is involved.</div>
<div class="brand">{escape(brand)}</div>
{body}
</body>
</html>
"""
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


# -- authorization ---------------------------------------------------------------

_SCOPE_WORDS: dict[str, tuple[str, ...]] = {
    GENERAL_SCOPE: (
        "See your user ID and email address",
        "See your balance",
        "Use the OhMyGPT API on your behalf",
    ),
}
_LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    TRUSTED_LEVEL: (
        "Create recharge orders (Stripe Checkout or invoice) for you to pay yourself"
        " \u2014 it can never charge you without your action",
    ),
}


def permission_lines(app: SeededApp) -> list[str]:
    lines = list(_SCOPE_WORDS.get(app.scope, (f"Permission \u201c{app.scope}\u201d",)))
    lines.extend(_LEVEL_WORDS.get(app.permission_level, ()))
    return lines


def usd(credits: object) -> str:
    value = Decimal(str(credits)) / CREDITS_PER_USD
    return f"${money(value)}"


def authorize_page(
    app: SeededApp,
    hidden: Mapping[str, str],
    accounts: Iterable[Account],
    *,
    selected_user: str = "888",
) -> HTMLResponse:
    redirect = hidden["redirect_uri"]
    perms = "".join(f"<li>{escape(line)}</li>" for line in permission_lines(app))
    users = []
    for acc in accounts:
        checked = " checked" if acc.user_id == selected_user else ""
        users.append(
            f'<label class="user"><input type="radio" name="user_id" '
            f'value="{escape(acc.user_id)}"{checked}> <span><strong>{escape(acc.email)}'
            f'</strong> <span class="muted">user {escape(acc.user_id)} &middot; balance '
            f"{escape(usd(acc.balance))}</span></span></label>"
        )
    fields = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in hidden.items()
    )
    host = urlsplit(redirect).netloc
    body = f"""<main id="authorize">
<h1>Authorize <span id="app-name">{escape(app.name)}</span>?</h1>
<p><strong>{escape(app.name)}</strong> wants to access your OhMyGPT account.</p>
<h2>It will be able to</h2>
<ul class="perms" id="permissions">{perms}</ul>
<h2>After you decide, you will be sent to</h2>
<p class="redirect" id="redirect-uri">{escape(redirect)}</p>
<p class="muted">Only continue if you started this from {escape(app.name)} and trust
{escape(host)}.</p>
<form method="post" action="/next/v1/oauth/decide">
{fields}
<fieldset><legend>Sign in as (sandbox users)</legend>
{"".join(users)}
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="action" value="authorize">Authorize</button>
<button type="submit" name="action" value="deny">Deny</button>
</div>
</form>
</main>"""
    return layout(f"Authorize {app.name} - OhMyGPT", body)


def oauth_error_page(error: str, problem: str, detail: str, *, status: int = 400) -> HTMLResponse:
    body = f"""<main class="error" id="oauth-error" data-error="{escape(error)}">
<h1>This sign-in link can&rsquo;t be used</h1>
<p id="problem"><strong>{escape(problem)}</strong></p>
<p id="detail">{escape(detail)}</p>
<h2>What you can do</h2>
<p>Go back to the app and start signing in again. If this keeps happening, the app is
set up wrongly (its client ID, redirect URI or scope); tell its developer. You have
not been signed in and nothing was shared.</p>
</main>"""
    return layout("Authorization error - OhMyGPT", body, status=status)


def code_page(code: str, state: str | None, minutes: int) -> HTMLResponse:
    state_html = (
        f'<p class="muted">State: <span id="state">{escape(state)}</span> '
        "(the app uses this to check the code is the one it asked for)</p>"
        if state is not None
        else ""
    )
    body = f"""<main class="ok" id="code-page">
<h1>Authorization code</h1>
<p><strong>Copy this code and paste it into the app.</strong></p>
<code class="code" id="code">{escape(code)}</code>
<div class="actions"><button type="button" id="copy">Copy code</button>
<span class="muted" id="copied" aria-live="polite"></span></div>
{state_html}
<p class="muted">The code works once and expires in about {minutes} minutes. Don&rsquo;t
share it with anyone else.</p>
</main>
<script>
document.getElementById("copy").addEventListener("click", function () {{
  var text = document.getElementById("code").textContent;
  navigator.clipboard.writeText(text).then(function () {{
    document.getElementById("copied").textContent = "Copied.";
  }});
}});
</script>"""
    return layout("Authorization code - OhMyGPT", body)


def denied_page(description: str, state: str | None) -> HTMLResponse:
    state_html = (
        f'<p class="muted">State: <span id="state">{escape(state)}</span></p>'
        if state is not None
        else ""
    )
    body = f"""<main class="error" id="denied">
<h1>Authorization denied</h1>
<p id="detail">{escape(description)}</p>
<p>The app did not get access to your account. You can close this page, or go back to
the app and sign in again.</p>
{state_html}
</main>"""
    return layout("Authorization denied - OhMyGPT", body)


def no_code_page() -> HTMLResponse:
    body = """<main class="error" id="no-code">
<h1>No authorization code here</h1>
<p>This page shows the code after you authorize an app, but this link carries none.
Go back to the app and start signing in again.</p>
</main>"""
    return layout("No code - OhMyGPT", body, status=400)


# -- fake Stripe checkout / invoice ----------------------------------------------


def checkout_page(order: Order, action: str) -> HTMLResponse:
    is_invoice = order.kind == "invoice"
    heading = "Invoice from OhMyGPT" if is_invoice else "Pay OhMyGPT"
    credits = f"{int(order.credits):,}"
    pay_label = (
        f"Pay invoice ${money(order.amount)}" if is_invoice else f"Pay ${money(order.amount)}"
    )
    body = f"""<main id="checkout" data-order-no="{escape(order.order_no)}">
<h1>{heading}<span class="testmode">TEST MODE</span></h1>
<div class="amount" id="amount">${money(order.amount)} <span class="muted">USD</span></div>
<dl>
<dt>Product</dt><dd>OhMyGPT credits &times; {credits} (product {escape(order.product_id)})</dd>
<dt>Email</dt><dd id="email">{escape(order.email)}</dd>
<dt>Order number</dt><dd id="order-no"><code>{escape(order.order_no)}</code></dd>
<dt>Card</dt><dd>4242 4242 4242 4242 &middot; 12/34 &middot; 123
<span class="muted">(sandbox test card, nothing is charged)</span></dd>
</dl>
<form method="post" action="{escape(action)}">
<div class="actions" style="flex-direction:column">
<button class="pay" type="submit" name="action" value="pay">{escape(pay_label)}</button>
<button type="submit" name="action" value="cancel">Cancel and return to the app</button>
</div>
</form>
<p class="muted">Powered by <strong>stripe</strong> (sandbox imitation)</p>
</main>"""
    return layout(f"{heading} - ${money(order.amount)}", body, brand="OhMyGPT \u00b7 checkout")


def checkout_message_page(
    page_id: str, title: str, message: str, *, status: int = 200, order: Order | None = None
) -> HTMLResponse:
    css = "ok" if page_id in ("paid", "already-paid") else "error"
    extra = (
        f'<p class="muted">Order <code id="order-no">{escape(order.order_no)}</code> '
        f"&middot; ${money(order.amount)} USD</p>"
        if order is not None
        else ""
    )
    body = f"""<main class="{css}" id="{escape(page_id)}">
<h1>{escape(title)}</h1>
<p id="detail">{escape(message)}</p>
{extra}
</main>"""
    return layout(f"{title} - OhMyGPT", body, status=status, brand="OhMyGPT \u00b7 checkout")


# -- index -----------------------------------------------------------------------


def index_page(
    base_url: str, apps: Iterable[SeededApp], accounts: Iterable[Account]
) -> HTMLResponse:
    rows = []
    for app in apps:
        rows.append(
            f"<h2>{escape(app.name)}</h2><dl><dt>client_id</dt><dd><code>"
            f"{escape(app.client_id)}</code></dd><dt>client_secret</dt><dd><code>"
            f"{escape(app.client_secret)}</code></dd><dt>scope</dt><dd>{escape(app.scope)}</dd>"
            f"<dt>permission level</dt><dd>{escape(app.permission_level)}</dd></dl>"
        )
    users = "".join(
        f"<li>{escape(a.user_id)} &middot; {escape(a.email)} &middot; {escape(money(a.balance))}"
        f" credits ({escape(usd(a.balance))})</li>"
        for a in accounts
    )
    body = f"""<main id="index">
<h1>OhMyGPT OAuth sandbox</h1>
<p>API base and sign-in pages: <code>{escape(base_url)}</code></p>
{"".join(rows)}
<h2>Users</h2><ul>{users}</ul>
</main>"""
    return layout("OhMyGPT sandbox", body)
