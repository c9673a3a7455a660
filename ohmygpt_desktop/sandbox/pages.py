"""HTML pages of the sandbox: authorization, code display, fake Stripe checkout.

Plain server-rendered HTML with inline CSS; no external assets and no script is
needed (the code page has an optional copy button). Every value is escaped. Each
page is in the language given as ``lang`` (``en``, ``zh_CN``, ``ja``: what the
browser asks for, :func:`ohmygpt_desktop.sandbox.page_text.page_language`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from html import escape
from urllib.parse import urlsplit

from starlette.responses import HTMLResponse

from ohmygpt_desktop.api.models import CREDITS_PER_USD
from ohmygpt_desktop.sandbox.config import GENERAL_SCOPE, TRUSTED_LEVEL, SeededApp
from ohmygpt_desktop.sandbox.page_text import HTML_LANG, text, text_or_same
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
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d8dee4}
.amount{font-size:36px;font-weight:700;margin:4px 0 12px}
.testmode{display:inline-block;background:#ffde92;color:#7a4b00;font-size:12px;
 font-weight:700;border-radius:4px;padding:2px 6px;margin-left:8px}
"""


def _t(lang: str, english: str, **values: str) -> str:
    """``english`` in ``lang`` as HTML: the text escaped, then ``values`` (HTML) filled in."""
    return escape(text(lang, english)).format(**values)


def layout(
    title: str,
    body: str,
    *,
    status: int = 200,
    brand: str = "OhMyGPT",
    lang: str = "en",
) -> HTMLResponse:
    """A whole page; ``title`` is plain text in ``lang`` already, ``body`` HTML."""
    banner = _t(
        lang,
        "Local sandbox \u2014 not the real OhMyGPT. No real account, card or money is involved.",
    )
    html = f"""<!DOCTYPE html>
<html lang="{HTML_LANG.get(lang, "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<div class="banner">{banner}</div>
<div class="brand">{escape(brand)}</div>
{body}
</body>
</html>
"""
    headers = dict(
        _HEADERS, **{"Content-Language": HTML_LANG.get(lang, "en"), "Vary": "Accept-Language"}
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def _title(lang: str, title: str) -> str:
    return text(lang, "{title} - OhMyGPT").format(title=title)


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


def permission_lines(app: SeededApp, lang: str = "en") -> list[str]:
    """What the app may do, as plain text in ``lang``."""
    known = _SCOPE_WORDS.get(app.scope)
    lines = (
        [text(lang, line) for line in known]
        if known is not None
        else [text(lang, "Permission \u201c{scope}\u201d").format(scope=app.scope)]
    )
    lines.extend(text(lang, line) for line in _LEVEL_WORDS.get(app.permission_level, ()))
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
    lang: str = "en",
) -> HTMLResponse:
    redirect = hidden["redirect_uri"]
    perms = "".join(f"<li>{escape(line)}</li>" for line in permission_lines(app, lang))
    users = []
    for acc in accounts:
        checked = " checked" if acc.user_id == selected_user else ""
        detail = _t(
            lang,
            "user {user_id} \u00b7 balance {balance}",
            user_id=escape(acc.user_id),
            balance=escape(usd(acc.balance)),
        )
        users.append(
            f'<label class="user"><input type="radio" name="user_id" '
            f'value="{escape(acc.user_id)}"{checked}> <span><strong>{escape(acc.email)}'
            f'</strong> <span class="muted">{detail}</span></span></label>'
        )
    fields = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in hidden.items()
    )
    host = urlsplit(redirect).netloc
    name = escape(app.name)
    body = f"""<main id="authorize">
<h1>{_t(lang, "Authorize {app}?", app=f'<span id="app-name">{name}</span>')}</h1>
<p>{_t(lang, "{app} wants to access your OhMyGPT account.", app=f"<strong>{name}</strong>")}</p>
<h2>{_t(lang, "It will be able to")}</h2>
<ul class="perms" id="permissions">{perms}</ul>
<h2>{_t(lang, "After you decide, you will be sent to")}</h2>
<p class="redirect" id="redirect-uri">{escape(redirect)}</p>
<p class="muted">{
        _t(
            lang,
            "Only continue if you started this from {app} and trust {host}.",
            app=name,
            host=escape(host),
        )
    }</p>
<form method="post" action="/next/v1/oauth/decide">
{fields}
<fieldset><legend>{_t(lang, "Sign in as (sandbox users)")}</legend>
{"".join(users)}
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="action" value="authorize">{
        _t(lang, "Authorize")
    }</button>
<button type="submit" name="action" value="deny">{_t(lang, "Deny")}</button>
</div>
</form>
</main>"""
    return layout(_title(lang, text(lang, "Authorize {app}").format(app=app.name)), body, lang=lang)


def oauth_error_page(
    error: str, problem: str, detail: str, *, status: int = 400, lang: str = "en"
) -> HTMLResponse:
    body = f"""<main class="error" id="oauth-error" data-error="{escape(error)}">
<h1>{_t(lang, "This sign-in link can’t be used")}</h1>
<p id="problem"><strong>{escape(text_or_same(lang, problem))}</strong></p>
<p id="detail">{escape(text_or_same(lang, detail))}</p>
<h2>{_t(lang, "What you can do")}</h2>
<p>{
        _t(
            lang,
            "Go back to the app and start signing in again. If this keeps happening, the app "
            "is set up wrongly (its client ID, redirect URI or scope); tell its developer. You "
            "have not been signed in and nothing was shared.",
        )
    }</p>
</main>"""
    return layout(_title(lang, text(lang, "Authorization error")), body, status=status, lang=lang)


def _state_line(lang: str, state: str) -> str:
    return _t(lang, "State: {state}", state=f'<span id="state">{escape(state)}</span>')


def code_page(code: str, state: str | None, minutes: int, *, lang: str = "en") -> HTMLResponse:
    state_html = (
        f'<p class="muted">{_state_line(lang, state)} '
        f"{_t(lang, '(the app uses this to check the code is the one it asked for)')}</p>"
        if state is not None
        else ""
    )
    copied = json.dumps(text(lang, "Copied."))
    expiry = _t(
        lang,
        "The code works once and expires in about {minutes} minutes. Don\u2019t share it "
        "with anyone else.",
        minutes=str(minutes),
    )
    body = f"""<main class="ok" id="code-page">
<h1>{_t(lang, "Authorization code")}</h1>
<p><strong>{_t(lang, "Copy this code and paste it into the app.")}</strong></p>
<code class="code" id="code">{escape(code)}</code>
<div class="actions"><button type="button" id="copy">{_t(lang, "Copy code")}</button>
<span class="muted" id="copied" aria-live="polite"></span></div>
{state_html}
<p class="muted">{expiry}</p>
</main>
<script>
document.getElementById("copy").addEventListener("click", function () {{
  var text = document.getElementById("code").textContent;
  navigator.clipboard.writeText(text).then(function () {{
    document.getElementById("copied").textContent = {copied};
  }});
}});
</script>"""
    return layout(_title(lang, text(lang, "Authorization code")), body, lang=lang)


def denied_page(description: str, state: str | None, *, lang: str = "en") -> HTMLResponse:
    state_html = f'<p class="muted">{_state_line(lang, state)}</p>' if state is not None else ""
    body = f"""<main class="error" id="denied">
<h1>{_t(lang, "Authorization denied")}</h1>
<p id="detail">{escape(text_or_same(lang, description))}</p>
<p>{
        _t(
            lang,
            "The app did not get access to your account. You can close this page, or go back "
            "to the app and sign in again.",
        )
    }</p>
{state_html}
</main>"""
    return layout(_title(lang, text(lang, "Authorization denied")), body, lang=lang)


def no_code_page(*, lang: str = "en") -> HTMLResponse:
    body = f"""<main class="error" id="no-code">
<h1>{_t(lang, "No authorization code here")}</h1>
<p>{
        _t(
            lang,
            "This page shows the code after you authorize an app, but this link carries none. "
            "Go back to the app and start signing in again.",
        )
    }</p>
</main>"""
    return layout(_title(lang, text(lang, "No code")), body, status=400, lang=lang)


# -- fake Stripe checkout / invoice ----------------------------------------------


def checkout_page(order: Order, action: str, *, lang: str = "en") -> HTMLResponse:
    is_invoice = order.kind == "invoice"
    heading = text(lang, "Invoice from OhMyGPT" if is_invoice else "Pay OhMyGPT")
    amount = f"${money(order.amount)}"
    credits = f"{int(order.credits):,}"
    pay_label = text(lang, "Pay invoice {amount}" if is_invoice else "Pay {amount}").format(
        amount=amount
    )
    product = _t(
        lang,
        "OhMyGPT credits \u00d7 {credits} (product {product})",
        credits=credits,
        product=escape(order.product_id),
    )
    body = f"""<main id="checkout" data-order-no="{escape(order.order_no)}">
<h1>{escape(heading)}<span class="testmode">{_t(lang, "TEST MODE")}</span></h1>
<div class="amount" id="amount">{amount} <span class="muted">USD</span></div>
<dl>
<dt>{_t(lang, "Product")}</dt><dd>{product}</dd>
<dt>{_t(lang, "Email")}</dt><dd id="email">{escape(order.email)}</dd>
<dt>{_t(lang, "Order number")}</dt><dd id="order-no"><code>{escape(order.order_no)}</code></dd>
<dt>{_t(lang, "Card")}</dt><dd>4242 4242 4242 4242 &middot; 12/34 &middot; 123
<span class="muted">{_t(lang, "(sandbox test card, nothing is charged)")}</span></dd>
</dl>
<form method="post" action="{escape(action)}">
<div class="actions" style="flex-direction:column">
<button class="pay" type="submit" name="action" value="pay">{escape(pay_label)}</button>
<button type="submit" name="action" value="cancel">{
        _t(lang, "Cancel and return to the app")
    }</button>
</div>
</form>
<p class="muted">{
        _t(lang, "Powered by {stripe} (sandbox imitation)", stripe="<strong>stripe</strong>")
    }</p>
</main>"""
    title = text(lang, "{heading} - {amount}").format(heading=heading, amount=amount)
    return layout(title, body, brand="OhMyGPT \u00b7 checkout", lang=lang)


def checkout_message_page(
    page_id: str,
    title: str,
    message: str,
    *,
    status: int = 200,
    order: Order | None = None,
    lang: str = "en",
) -> HTMLResponse:
    """A page with one message; ``title`` and ``message`` in English (shown in ``lang``
    when they are known texts)."""
    css = "ok" if page_id in ("paid", "already-paid") else "error"
    title = text_or_same(lang, title)
    extra = (
        '<p class="muted">'
        + _t(
            lang,
            "Order {order_no} \u00b7 {amount} USD",
            order_no=f'<code id="order-no">{escape(order.order_no)}</code>',
            amount=f"${money(order.amount)}",
        )
        + "</p>"
        if order is not None
        else ""
    )
    body = f"""<main class="{css}" id="{escape(page_id)}">
<h1>{escape(title)}</h1>
<p id="detail">{escape(text_or_same(lang, message))}</p>
{extra}
</main>"""
    return layout(
        _title(lang, title), body, status=status, brand="OhMyGPT \u00b7 checkout", lang=lang
    )


# -- orders ----------------------------------------------------------------------

_STATUS_WORDS = {
    "open": "Awaiting payment",
    "paid": "Paid",
    "cancelled": "Cancelled",
    "expired": "Expired",
}


def orders_page(orders: Iterable[Mapping[str, object]], *, lang: str = "en") -> HTMLResponse:
    """The service's list of recharge orders (``SandboxState.orders()``, newest last)."""
    rows = "".join(
        f'<tr><td><code class="order-no">{escape(str(order["order_no"]))}</code></td>'
        f"<td>${escape(str(order['amount']))}</td>"
        f"<td>{_t(lang, _STATUS_WORDS.get(str(order['status']), 'Awaiting payment'))}</td>"
        f"<td>{escape(str(order['email']))}</td></tr>"
        for order in reversed(list(orders))
    )
    table = (
        f"<table><tr><th>{_t(lang, 'Order number')}</th><th>{_t(lang, 'Amount')}</th>"
        f"<th>{_t(lang, 'Status')}</th><th>{_t(lang, 'User')}</th></tr>{rows}</table>"
        if rows
        else f'<p class="muted">{_t(lang, "No orders yet.")}</p>'
    )
    body = f"""<main id="orders">
<h1>{_t(lang, "Your orders")}</h1>
<p class="muted">{_t(lang, "Every recharge order made in this sandbox, newest first.")}</p>
{table}
</main>"""
    return layout(_title(lang, text(lang, "Your orders")), body, lang=lang)


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
