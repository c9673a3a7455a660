"""Sign-in attempts: state, expiry, and reading what the user pastes.

The person approves the app in the system browser; the provider then shows a
code (or redirects to our loopback listener). They paste either the bare code
or the whole redirect URL. This module turns that text into a code, refusing
anything that does not belong to the current attempt. No Qt here.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import parse_qs, urlsplit

from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem

#: A pending attempt expires after this many seconds (issue #3).
ATTEMPT_TTL_S = 600.0

_CTX = "SignIn"
_CODE_RE = re.compile(r"[A-Za-z0-9._~-]{4,256}")


class PasteProblem(Enum):
    """Why a pasted text was refused; ``value`` is the translatable English message."""

    EMPTY = QT_TRANSLATE_NOOP(
        _CTX, "Paste the code shown in your browser after you approved the app."
    )
    NO_ATTEMPT = QT_TRANSLATE_NOOP(
        _CTX, "Start by clicking “Sign in with OhMyGPT”, then paste the code shown in your browser."
    )
    EXPIRED = QT_TRANSLATE_NOOP(
        _CTX,
        "This sign-in attempt is more than 10 minutes old and has expired. "
        "Click “Sign in with OhMyGPT” to start again.",
    )
    STATE_MISMATCH = QT_TRANSLATE_NOOP(
        _CTX,
        "This code belongs to a different sign-in attempt (for example an older browser tab). "
        "For your safety it was not used. Start again and paste the newest code.",
    )
    DENIED = QT_TRANSLATE_NOOP(
        _CTX, "The authorization was denied in the browser. Start again if you want to sign in."
    )
    NOT_A_CODE = QT_TRANSLATE_NOOP(
        _CTX,
        "That does not look like an authorization code. Copy the code (or the whole address) "
        "from the page your browser shows after you click Authorize.",
    )


class PasteRefused(Problem, ValueError):
    """Pasted text was refused; :attr:`problem` says why (its value is the template)."""

    context = _CTX

    def __init__(self, problem: PasteProblem) -> None:
        self.problem = problem
        super().__init__(problem.value)


@dataclass(frozen=True)
class ParsedPaste:
    code: str
    state: str | None


def _clean(text: str) -> str:
    return (text or "").strip().strip("\"'<>").strip()


def _address_query(text: str) -> dict[str, list[str]] | None:
    """The query of a pasted address (``None`` when ``text`` is a bare code).

    An address the URL parser cannot read (``http://[::1/?code=…``) is refused as
    ``NOT_A_CODE``: it is the person's input, never a crash.
    """
    if not ("://" in text or text.startswith(("?", "/")) or "code=" in text or "error=" in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        raise PasteRefused(PasteProblem.NOT_A_CODE) from None
    query = parts.query or (parts.path if "=" in parts.path and "/" not in parts.path else "")
    if not query and parts.fragment:
        query = parts.fragment
    return parse_qs(query.removeprefix("?"), keep_blank_values=True)


def _read_query(params: dict[str, list[str]]) -> ParsedPaste:
    if params.get("error"):
        raise PasteRefused(PasteProblem.DENIED)
    codes = [c.strip() for c in params.get("code", []) if c.strip()]
    states = params.get("state", [])
    if len(codes) != 1 or not _CODE_RE.fullmatch(codes[0]) or len(states) > 1:
        raise PasteRefused(PasteProblem.NOT_A_CODE)
    return ParsedPaste(code=codes[0], state=states[0] if states else None)


def parse_paste(text: str) -> ParsedPaste:
    """Extract ``code`` (and ``state``) from a bare code or a redirect URL.

    Raises :class:`PasteRefused` (``EMPTY``, ``DENIED`` or ``NOT_A_CODE``).
    """
    text = _clean(text)
    if not text:
        raise PasteRefused(PasteProblem.EMPTY)
    params = _address_query(text)
    if params is not None:
        return _read_query(params)
    if not _CODE_RE.fullmatch(text):
        raise PasteRefused(PasteProblem.NOT_A_CODE)
    return ParsedPaste(code=text, state=None)


def _same_state(given: str, expected: str) -> bool:
    # compare_digest refuses str with non-ASCII characters: compare the bytes.
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _states_match(params: dict[str, list[str]], expected: str, *, required: bool) -> bool:
    """Whether the address's ``state`` is the expected one (exactly one value).

    Without a state at all the answer is ``not required``: the provider's code page
    shows a bare code, but a redirect to the loopback listener always has a state.
    """
    states = params.get("state", [])
    if not states:
        return not required
    return len(states) == 1 and _same_state(states[0], expected)


class RedirectVerdict(Enum):
    """What the loopback listener does with a request to the redirect path."""

    #: For the pending attempt, with a code: hand it to the app.
    CODE = "code"
    #: For the pending attempt: the person denied the app in the browser.
    DENIED = "denied"
    #: Not for the pending attempt (no state, another or several states, or no
    #: attempt pending): answer with a neutral page and tell the app nothing.
    FOREIGN = "foreign"


def check_redirect(query: str, expected_state: str | None) -> RedirectVerdict:
    """Judge the query of a request to the redirect path against the pending state.

    ``expected_state`` is ``None`` when no attempt is pending. Whether a
    ``CODE`` holds a usable code is checked later, by :meth:`SignInAttempts.accept`.
    """
    if expected_state is None:
        return RedirectVerdict.FOREIGN
    params = parse_qs(query, keep_blank_values=True)
    if not _states_match(params, expected_state, required=True):
        return RedirectVerdict.FOREIGN
    if params.get("error"):
        return RedirectVerdict.DENIED
    return RedirectVerdict.CODE


@dataclass
class SignInAttempt:
    """One "Sign in with OhMyGPT" click: a fresh state that expires."""

    state: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    created: float = field(default_factory=time.monotonic)
    #: Account key being re-authorized ("sign in again"), or None for a new account.
    reauth_key: str | None = None
    used: bool = False

    def expired(self, now: float | None = None, ttl: float = ATTEMPT_TTL_S) -> bool:
        return ((time.monotonic() if now is None else now) - self.created) > ttl


class SignInAttempts:
    """Holds at most one pending attempt; a new attempt replaces the old one."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, ttl: float = ATTEMPT_TTL_S):
        self._clock = clock
        self._ttl = ttl
        self.current: SignInAttempt | None = None

    def start(self, *, reauth_key: str | None = None) -> SignInAttempt:
        self.current = SignInAttempt(created=self._clock(), reauth_key=reauth_key)
        return self.current

    def cancel(self) -> None:
        self.current = None

    def accept(self, text: str, *, redirect: bool = False) -> tuple[SignInAttempt, str]:
        """Check pasted text (or a redirect) against the pending attempt; return (attempt, code).

        A pasted code without a state is accepted for the pending attempt (the
        provider's code page shows the bare code). A ``redirect`` (what the loopback
        listener received) must carry the attempt's state. A state that does not
        match is refused before any token request is made, and before a denial in
        the same address is believed.
        """
        text = _clean(text)
        if not text:
            raise PasteRefused(PasteProblem.EMPTY)
        params = _address_query(text)
        attempt = self.current
        if attempt is None:
            raise PasteRefused(PasteProblem.NO_ATTEMPT)
        if attempt.expired(self._clock(), self._ttl):
            raise PasteRefused(PasteProblem.EXPIRED)
        if params is None:
            if redirect:
                raise PasteRefused(PasteProblem.STATE_MISMATCH)
            return attempt, parse_paste(text).code
        if not _states_match(params, attempt.state, required=redirect):
            raise PasteRefused(PasteProblem.STATE_MISMATCH)
        return attempt, _read_query(params).code

    def finish(self, attempt: SignInAttempt) -> None:
        if self.current is attempt:
            self.current = None
