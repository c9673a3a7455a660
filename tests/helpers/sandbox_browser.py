"""A stand-in for a person with a web browser, for the sandbox's HTML pages.

It reads the real forms (hidden inputs, radio buttons, submit buttons) out of the
served HTML with :mod:`html.parser` and submits them as a browser would, so a test
that passes proves the pages work. Only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx

from ohmygpt_desktop.api import build_authorization_url
from ohmygpt_desktop.sandbox import DEFAULT_APP, SandboxServer
from ohmygpt_desktop.sandbox.app import DECIDE_PATH

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class PageError(AssertionError):
    """The page is not what a person expected to see (error page, no form...)."""


@dataclass
class Form:
    action: str
    method: str
    hidden: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)  # radio/select name -> values
    checked: dict[str, str] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (name, value)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.by_id: dict[str, str] = {}
        self.text: list[str] = []
        self._open: list[tuple[str, str | None]] = []  # (tag, id)
        self._buffers: dict[str, list[str]] = {}
        self._form: Form | None = None
        self._select: str | None = None
        self._skip = 0  # inside <script>/<style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
        elif self._form is not None:
            self._form_field(tag, a)
        if tag in _VOID:
            return
        element_id = a.get("id") or None
        if element_id is not None:
            self._buffers[element_id] = []
        self._open.append((tag, element_id))

    def _form_field(self, tag: str, a: dict[str, str]) -> None:
        form = self._form
        assert form is not None
        name = a.get("name", "")
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "hidden" and name:
                form.hidden[name] = a.get("value", "")
            elif kind == "radio" and name:
                form.choices.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.checked[name] = a.get("value", "on")
            elif kind == "submit":
                form.buttons.append((name, a.get("value", "")))
        elif tag == "button" and a.get("type", "submit").lower() == "submit":
            form.buttons.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select = name
            form.choices.setdefault(name, [])
        elif tag == "option" and self._select is not None:
            form.choices[self._select].append(a.get("value", ""))
            if "selected" in a:
                form.checked[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "form":
            self._form = None
        if tag == "select":
            self._select = None
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                for _, element_id in self._open[index:]:
                    if element_id is not None:
                        self.by_id[element_id] = "".join(self._buffers.pop(element_id, [])).strip()
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        for _, element_id in self._open:
            if element_id is not None:
                self._buffers[element_id].append(data)


@dataclass
class Page:
    url: str
    status: int
    forms: list[Form]
    by_id: dict[str, str]
    text: str

    def form_posting_to(self, path_suffix: str = "") -> Form:
        for form in self.forms:
            if form.method == "post" and form.action.endswith(path_suffix):
                return form
        raise PageError(f"no POST form (action ...{path_suffix}) on {self.url}:\n{self.text}")


def _check_url(url: str) -> None:
    host = urlsplit(url).hostname
    if host != "127.0.0.1":
        raise ValueError(f"the sandbox browser only visits 127.0.0.1, not {host!r} ({url})")


@cache
def _tls() -> ssl.SSLContext:
    # Building a context per client costs ~30 ms; the sandbox is plain HTTP anyway.
    return ssl.create_default_context()


def new_client(base_url: str = "", *, timeout: float = 10.0) -> httpx.Client:
    """An httpx client for the sandbox: no redirects followed, no proxies from the env."""
    return httpx.Client(
        base_url=base_url, follow_redirects=False, timeout=timeout, trust_env=False, verify=_tls()
    )


def _client() -> httpx.Client:
    return new_client()


def load(url: str, client: httpx.Client | None = None) -> Page:
    """GET a page and parse it."""
    _check_url(url)
    own = client is None
    client = client or _client()
    try:
        response = client.get(url)
    finally:
        if own:
            client.close()
    if not response.headers.get("content-type", "").startswith("text/html"):
        raise PageError(f"{url} is not an HTML page: {response.headers.get('content-type')}")
    parser = _PageParser()
    parser.feed(response.text)
    parser.close()
    text = " ".join(" ".join(parser.text).split())
    return Page(str(response.url), response.status_code, parser.forms, parser.by_id, text)


def submit(page: Page, form: Form, client: httpx.Client, **choices: str) -> httpx.Response:
    """Press a button of ``form``: ``choices`` names the button (by its name) and radio values."""
    data = dict(form.hidden)
    data.update(form.checked)
    button: tuple[str, str] | None = None
    for name, value in choices.items():
        if name in form.choices:
            if value not in form.choices[name]:
                raise PageError(f"{value!r} is not a choice for {name!r}: {form.choices[name]}")
            data[name] = value
        elif any(b == (name, value) for b in form.buttons):
            button = (name, value)
        else:
            raise PageError(f"no field or button {name}={value!r} in the form: {form}")
    if button is None:
        raise PageError("say which button to press")
    data[button[0]] = button[1]
    target = urljoin(page.url, form.action)
    _check_url(target)
    return client.post(target, data=data)


def _expect_redirect(response: httpx.Response, what: str) -> str:
    if response.status_code not in (301, 302, 303, 307, 308):
        raise PageError(
            f"{what}: expected a redirect, got HTTP {response.status_code}:\n{response.text[:2000]}"
        )
    return response.headers["location"]


def authorize(auth_url: str, *, user_id: str = "888", action: str = "authorize") -> str:
    """Open the authorization page, pick ``user_id``, press Authorize/Deny; the Location."""
    with _client() as client:
        page = load(auth_url, client)
        if page.status != 200 or "oauth-error" in page.by_id:
            raise PageError(
                f"the authorization page shows an error (HTTP {page.status}):\n{page.text}"
            )
        form = page.form_posting_to(DECIDE_PATH)
        response = submit(page, form, client, user_id=user_id, action=action)
        return _expect_redirect(response, "after the authorization form")


def read_code_page(url: str) -> tuple[str, str | None]:
    """(code, state) as shown on the code display page (elements #code and #state)."""
    page = load(url)
    if page.status != 200 or "code" not in page.by_id:
        raise PageError(f"no code on the page (HTTP {page.status}):\n{page.text}")
    return page.by_id["code"], page.by_id.get("state")


def pay(checkout_url: str, action: str = "pay") -> str:
    """Open the checkout (or invoice) page, press Pay/Cancel; the Location it sends to."""
    with _client() as client:
        page = load(checkout_url, client)
        if page.status != 200:
            raise PageError(f"the checkout page shows an error (HTTP {page.status}):\n{page.text}")
        form = page.form_posting_to("")
        response = submit(page, form, client, action=action)
        return _expect_redirect(response, "after the checkout form")


def authorize_code(
    sandbox: SandboxServer | str,
    *,
    client_id: str = DEFAULT_APP.client_id,
    user_id: str = "888",
) -> str:
    """A fresh authorization code: the person approves ``client_id`` as ``user_id``.

    ``sandbox``: a sandbox of this process, or the base URL of one (a sandbox run as
    its own process, as ``.ci/installed_check.py`` does)."""
    base_url = sandbox if isinstance(sandbox, str) else sandbox.base_url
    url = build_authorization_url(
        base_url,
        client_id=client_id,
        redirect_uri=f"{base_url}/next/v1/oauth/succeed",
        scope=DEFAULT_APP.scope,
        state="st4te",
    )
    location = authorize(url, user_id=user_id)
    code, state = read_code_page(location)
    assert state == "st4te"
    return code
