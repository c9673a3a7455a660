"""The sandbox's web pages follow the browser's language (English, Chinese, Japanese)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from ohmygpt_desktop.api import build_authorization_url
from ohmygpt_desktop.api.endpoints import CODE_PAGE, DEFAULT_ENDPOINTS, ORDERS_PAGE
from ohmygpt_desktop.sandbox import DEFAULT_APP, SandboxServer
from ohmygpt_desktop.sandbox.page_text import TEXT, page_language, text
from tests.helpers.sandbox_browser import new_client

ACCEPT = {"en": "en-US,en;q=0.9", "zh_CN": "zh-CN,zh;q=0.9,en;q=0.5", "ja": "ja-JP,ja;q=0.9"}
HEADINGS = {
    "authorize": "Authorize {app}?",
    "code": "Authorization code",
    "denied": "Authorization denied",
    "no-code": "No authorization code here",
    "error": "This sign-in link can\u2019t be used",
    "checkout": "Pay OhMyGPT",
    "paid": "Payment received",
    "orders": "Your orders",
}


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("", "en"),
        ("fr-FR,fr;q=0.9", "en"),
        ("ja", "ja"),
        ("ja-JP,en;q=0.5", "ja"),
        ("zh-CN", "zh_CN"),
        ("zh-Hans-CN,zh;q=0.8", "zh_CN"),
        ("zh-TW,ja;q=0.7", "ja"),
        ("en;q=0.4, ja;q=0.2, zh-CN;q=0.9", "zh_CN"),
        ("de, ja;q=0, en;q=0.1", "en"),
        ("ja;q=abc, zh", "zh_CN"),
        ("*", "en"),
    ],
)
def test_the_page_language_is_the_browsers_first_choice_we_have(
    header: str | None, language: str
) -> None:
    assert page_language(header) == language


def test_every_page_text_has_both_translations_with_the_same_placeholders() -> None:
    for english, translations in TEXT.items():
        wanted = sorted(re.findall(r"\{\w+\}", english))
        for translated in translations:
            assert translated.strip(), english
            assert sorted(re.findall(r"\{\w+\}", translated)) == wanted, (english, translated)


@pytest.fixture
def http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with new_client(sandbox.base_url, timeout=5.0) as client:
        yield client


def _pages(sandbox: SandboxServer, http: httpx.Client, accept: str) -> dict[str, httpx.Response]:
    """Each kind of page, as a browser sending ``accept`` gets it."""
    headers = {"Accept-Language": accept}
    base = sandbox.base_url
    authorize = build_authorization_url(
        base,
        client_id=DEFAULT_APP.client_id,
        redirect_uri=f"{base}{CODE_PAGE}",
        scope=DEFAULT_APP.scope,
        state="st4te",
    )
    pages = {"authorize": http.get(authorize, headers=headers)}
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', pages["authorize"].text))
    decide = urlsplit(re.search(r'action="([^"]+)"', pages["authorize"].text)[1]).path
    approved = http.post(decide, data={**fields, "user_id": "888", "action": "authorize"})
    pages["code"] = http.get(approved.headers["location"], headers=headers)
    denied = http.post(decide, data={**fields, "action": "deny"})
    pages["denied"] = http.get(denied.headers["location"], headers=headers)
    pages["no-code"] = http.get(CODE_PAGE, headers=headers)
    pages["error"] = http.get(authorize.replace(DEFAULT_APP.client_id, "nobody"), headers=headers)
    token = sandbox.state.issue_token("888")
    order = http.post(
        DEFAULT_ENDPOINTS.checkout_order,
        headers={"Authorization": f"Bearer {token}"},
        data={"amount": "10"},
    ).json()["data"]["checkout_url"]
    path = urlsplit(order).path
    pages["checkout"] = http.get(path, headers=headers)
    paid = http.post(path, data={"action": "pay"}, headers=headers)
    pages["paid"] = http.get(paid.headers["location"], headers=headers)
    pages["orders"] = http.get(ORDERS_PAGE, headers=headers)
    assert urlsplit(order).path.rsplit("/", 1)[-1] not in pages["orders"].text  # no session
    return pages


@pytest.mark.parametrize("language", ["en", "zh_CN", "ja"])
def test_the_pages_speak_the_browsers_language(
    sandbox: SandboxServer, http: httpx.Client, language: str
) -> None:
    tag = {"en": "en", "zh_CN": "zh-CN", "ja": "ja"}[language]
    for name, page in _pages(sandbox, http, ACCEPT[language]).items():
        assert page.headers["content-language"] == tag, name
        assert f'<html lang="{tag}">' in page.text, name
        heading = text(language, HEADINGS[name]).format(app=DEFAULT_APP.name)
        shown = re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", page.text, re.S)[1])
        assert heading in shown, (name, shown)
        if language == "en":
            continue
        # No English sentence of the table is left on a translated page.
        for english, translations in TEXT.items():
            start = english.split("{")[0]
            if english not in translations and len(start) > 8:
                assert start not in page.text, (name, english)
