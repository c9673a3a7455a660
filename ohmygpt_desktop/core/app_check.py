"""Does the service accept this OAuth app? A look at its authorization page.

The Check of the "I have an OAuth app" form builds the authorization URL for the
client id, redirect URI and scope typed in (as a sign-in would), loads it from the
configured sign-in page host, and reads the reply. The docs do not say what the
real page does with an unknown client id or a redirect URI that is not allowed
(docs/api.md#authorization-page), and the page may be drawn by scripts in the
browser, so the reading stays modest:

* a problem is named only when the reply names it: an OAuth error code in a
  redirect back to the redirect URI, in a JSON body or in an error page (the
  sandbox's pages carry them as ``data-error``);
* the app counts as found only when the page carries an approval form for this
  client id;
* anything else is "could not tell", with what was seen (a redirect elsewhere,
  a page with nothing to read, an error status).

No Qt: the form words each verdict for people.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urljoin, urlsplit

from ohmygpt_desktop.api import ApiError, build_authorization_url

if TYPE_CHECKING:
    from ohmygpt_desktop.api import OhMyGPTClient

log = logging.getLogger(__name__)


class PageVerdict(Enum):
    #: The page asks the person to approve this app.
    FOUND = "found"
    #: The service says it does not know the client id.
    UNKNOWN_CLIENT = "unknown_client"
    #: The service says the redirect URI is not allowed for the app.
    BAD_REDIRECT = "bad_redirect"
    #: The service says the scope does not match the app.
    BAD_SCOPE = "bad_scope"
    #: The service refused the request without a reason the app understands.
    REFUSED = "refused"
    #: No page at that address (HTTP 404): probably the wrong host.
    NO_PAGE = "no_page"
    #: The service failed (HTTP 5xx): nothing can be told.
    SERVICE_ERROR = "service_error"
    #: The page sent the browser elsewhere (to log in, say): nothing can be told.
    REDIRECTED = "redirected"
    #: The page loaded but says nothing the app can read.
    UNSURE = "unsure"
    #: No answer: see :attr:`PageCheck.error`.
    UNREACHABLE = "unreachable"


#: OAuth error codes (RFC 6749 and common variants) and what they say about the app.
_CODES: dict[str, PageVerdict] = {
    "invalid_client": PageVerdict.UNKNOWN_CLIENT,
    "unauthorized_client": PageVerdict.UNKNOWN_CLIENT,
    "invalid_redirect_uri": PageVerdict.BAD_REDIRECT,
    "redirect_uri_mismatch": PageVerdict.BAD_REDIRECT,
    "invalid_scope": PageVerdict.BAD_SCOPE,
}
_CODE_WORDS = re.compile(r"\b(" + "|".join(_CODES) + r")\b")
_DATA_ERROR = re.compile(r"""data-error\s*=\s*["']([A-Za-z_]{1,64})["']""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_FORM = re.compile(r"<form\b", re.IGNORECASE)
_TITLE_MAX = 120


@dataclass(frozen=True)
class PageCheck:
    """What the check found; the server's words (``title``, ``code``) are plain text."""

    verdict: PageVerdict
    #: The authorization URL that was loaded (to open in a browser).
    url: str = ""
    status: int | None = None
    #: The page's title, if it has one.
    title: str = ""
    #: The OAuth error code the reply named, if any.
    code: str = ""
    #: Where a redirect sends the browser (its host).
    where: str = ""
    #: Why there was no answer (:attr:`PageVerdict.UNREACHABLE`).
    error: ApiError | None = None


async def check_authorization_page(
    client: OhMyGPTClient, auth_base_url: str, *, client_id: str, redirect_uri: str, scope: str
) -> PageCheck:
    """Load the authorization page for this app from ``auth_base_url`` and read it."""
    url = build_authorization_url(
        auth_base_url, client_id=client_id, redirect_uri=redirect_uri, scope=scope
    )
    try:
        status, location, body = await client.fetch_page(url)
    except ApiError as exc:
        log.info("Authorization page check: no answer (%s)", type(exc).__name__)
        return PageCheck(PageVerdict.UNREACHABLE, url, error=exc)
    result = read_authorization_reply(
        status, location, body, client_id=client_id, redirect_uri=redirect_uri, url=url
    )
    log.info("Authorization page check: HTTP %s, %s", status, result.verdict.name)
    return result


def read_authorization_reply(
    status: int,
    location: str | None,
    body: str,
    *,
    client_id: str,
    redirect_uri: str,
    url: str = "",
) -> PageCheck:
    """The verdict on one reply of the authorization page (see the module's rules)."""
    title = _title(body)
    if 300 <= status < 400:
        target = urljoin(url, location or "")
        if location and _without_query(target) == _without_query(redirect_uri):
            query = parse_qs(urlsplit(target).query)
            if "error" in query:
                return _named(query["error"][0], status, url, title)
            if "code" in query:  # approved before: the service issued a code at once
                return PageCheck(PageVerdict.FOUND, url, status, title)
        where = (urlsplit(target).hostname or "") if location else ""
        return PageCheck(PageVerdict.REDIRECTED, url, status, title, where=where)
    if status == 404:
        return PageCheck(PageVerdict.NO_PAGE, url, status, title)
    if status >= 500:
        return PageCheck(PageVerdict.SERVICE_ERROR, url, status, title)
    code = _error_code(body, status)
    if code:
        return _named(code, status, url, title)
    if status >= 400:
        return PageCheck(PageVerdict.REFUSED, url, status, title)
    if 200 <= status < 300 and _approval_form(body, client_id):
        return PageCheck(PageVerdict.FOUND, url, status, title)
    return PageCheck(PageVerdict.UNSURE, url, status, title)


def _named(code: str, status: int, url: str, title: str) -> PageCheck:
    verdict = _CODES.get(code, PageVerdict.REFUSED)
    return PageCheck(verdict, url, status, title, code=code[:64])


def _without_query(url: str) -> str:
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/")


def _error_code(body: str, status: int) -> str:
    """The OAuth error code the body names: a ``data-error`` mark, a JSON ``error``,
    or (in an error reply) one of the known codes written out."""
    if match := _DATA_ERROR.search(body):
        return match.group(1)
    if body.lstrip().startswith("{"):
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict):  # an envelope: {"error": {"type": ..., "code": ...}}
            error = error.get("type") or error.get("code")
        if isinstance(error, str) and re.fullmatch(r"[A-Za-z_]{1,64}", error):
            return error
    if status >= 400 and (match := _CODE_WORDS.search(body)):
        return match.group(1)
    return ""


def _approval_form(body: str, client_id: str) -> bool:
    """A form that carries this client id: the page asks to approve this app."""
    value = html.escape(client_id, quote=True)
    return bool(_FORM.search(body)) and (f'value="{value}"' in body or f"value='{value}'" in body)


def _title(body: str) -> str:
    match = _TITLE.search(body)
    if match is None:
        return ""
    text = " ".join(html.unescape(re.sub(r"<[^>]*>", "", match.group(1))).split())
    return text[:_TITLE_MAX]


__all__ = ["PageCheck", "PageVerdict", "check_authorization_page", "read_authorization_reply"]
