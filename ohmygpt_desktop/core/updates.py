"""Signed update notices: hear about new (and fixed) versions, never install them.

Plain Python, no Qt. The setting ``update_feed_url`` names a feed: a JSON envelope

    {"payload": "<base64 of the feed's JSON bytes>", "signature": "<base64 Ed25519>"}

whose signature covers exactly the decoded payload bytes, made with the project's
private key (``python3 .ci/dev.py sign-feed``). The payload says::

    {"latest_version": "1.4.0", "minimum_safe_version": "1.2.1",
     "release_notes_url": "https://…", "download_url": "https://…",
     "published": "2026-11-20"}

The app checks at most once a day (:data:`CHECK_EVERY_S`; the time of the last check is
kept in the cache folder), verifies the signature against the public key shipped in
``resources/`` (:data:`KEY_FILE`) or the provisioned ``update_public_key``, and compares
versions by PEP 440. Nothing here downloads or installs anything. A feed that cannot be
read, is not signed by the key, or says something that makes no sense is logged and
ignored: :meth:`UpdateChecker.check` then returns ``None``.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ohmygpt_desktop.core.files import write_private

if TYPE_CHECKING:
    import httpx

    from ohmygpt_desktop.core.settings import Settings

log = logging.getLogger(__name__)

#: The public key shipped in the app (``resources/``): base64 of the raw 32 bytes.
KEY_FILE = "update-feed-key.pub"
#: Where the time of the last check is kept, in the cache folder.
STAMP_FILE = "update-check.json"
#: At most one check in this many seconds.
CHECK_EVERY_S = 24 * 3600
#: A feed is a few hundred bytes; anything much larger is not one.
MAX_FEED_BYTES = 64 * 1024
#: Seconds a check may take before it is given up.
FEED_TIMEOUT_S = 15.0
PUBLIC_KEY_BYTES = 32


class FeedError(Exception):
    """The feed cannot be used (English, for the log only: never shown)."""


@dataclass(frozen=True)
class UpdateNotice:
    """What the window tells the person about the running version."""

    latest_version: str
    minimum_safe_version: str
    release_notes_url: str
    download_url: str
    published: str
    #: A newer version than the one running exists.
    newer: bool
    #: The running version is below the minimum safe one.
    unsafe: bool


def decode_public_key(value: str) -> bytes:
    """The raw Ed25519 public key in ``value`` (base64); ``ValueError`` when it is not one."""
    try:
        raw = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not base64") from None
    if len(raw) != PUBLIC_KEY_BYTES:
        raise ValueError(f"{len(raw)} bytes instead of {PUBLIC_KEY_BYTES}")
    return raw


def _version(value: Any, name: str) -> Any:
    from packaging.version import InvalidVersion, Version

    if not isinstance(value, str):
        raise FeedError(f"{name} is not a string")
    try:
        return Version(value)
    except InvalidVersion:
        raise FeedError(f"{name} {value[:40]!r} is not a version") from None


def _https(value: Any, name: str) -> str:
    from urllib.parse import urlsplit

    if not isinstance(value, str) or len(value) > 2000:
        raise FeedError(f"{name} is not a string")
    try:
        parts = urlsplit(value)
    except ValueError:
        raise FeedError(f"{name} is not a URL") from None
    if parts.scheme != "https" or not parts.hostname or any(c.isspace() for c in value):
        raise FeedError(f"{name} is not an https:// address")
    return value


def read_feed(raw: bytes, public_key: bytes, running_version: str) -> UpdateNotice:
    """Verify the envelope ``raw`` against ``public_key`` and compare it with the running
    version. Raises :class:`FeedError` (bad signature, garbage, nonsense)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        envelope = json.loads(raw)
        payload = base64.b64decode(envelope["payload"], validate=True)
        signature = base64.b64decode(envelope["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise FeedError("not a feed envelope") from None
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, payload)
    except (InvalidSignature, ValueError):
        raise FeedError("the signature does not match the update key") from None
    try:
        feed = json.loads(payload)
    except ValueError:
        raise FeedError("the signed payload is not JSON") from None
    if not isinstance(feed, dict):
        raise FeedError("the signed payload is not a JSON object")
    latest = _version(feed.get("latest_version"), "latest_version")
    minimum = _version(feed.get("minimum_safe_version"), "minimum_safe_version")
    published = feed.get("published", "")
    if not isinstance(published, str) or len(published) > 40:
        raise FeedError("published is not a short string")
    running = _version(running_version, "the running version")
    return UpdateNotice(
        latest_version=str(latest),
        minimum_safe_version=str(minimum),
        release_notes_url=_https(feed.get("release_notes_url"), "release_notes_url"),
        download_url=_https(feed.get("download_url"), "download_url"),
        published=published,
        newer=latest > running,
        unsafe=running < minimum,
    )


class UpdateChecker:
    """Checks the feed of ``settings`` at most once a day (``cache_dir`` remembers when).

    ``shipped_key``: the app's own public key (base64), used unless the settings (usually
    provisioning) give ``update_public_key``. ``clock``: seconds since the epoch.
    """

    def __init__(
        self,
        settings: Settings,
        cache_dir: Path,
        running_version: str,
        *,
        shipped_key: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.stamp_file = cache_dir / STAMP_FILE
        self.running_version = running_version
        self.shipped_key = shipped_key
        self._clock = clock

    def _last_check(self) -> float | None:
        try:
            value = json.loads(self.stamp_file.read_text(encoding="utf-8"))["checked_at"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return float(value) if isinstance(value, int | float) else None

    def due(self) -> bool:
        """No check in the last day (a stamp from the future counts as none)."""
        last = self._last_check()
        now = self._clock()
        return last is None or not 0 <= now - last < CHECK_EVERY_S

    def _remember_check(self) -> None:
        try:
            write_private(self.stamp_file, json.dumps({"checked_at": self._clock()}) + "\n")
        except OSError as exc:  # then the next start checks again: no harm
            log.warning("Could not remember the update check: %s", exc)

    def _claim_check(self) -> bool:
        """Whether a check is due; if so, remember it at once (a failing feed is not asked
        again before tomorrow either). Reads and writes the stamp: a worker thread's job."""
        if not self.due():
            return False
        self._remember_check()
        return True

    async def check(self) -> UpdateNotice | None:
        """The notice when the feed is set, due and valid; ``None`` otherwise (logged)."""
        import asyncio

        url = self.settings.update_feed_url
        if not url:
            return None
        if not await asyncio.to_thread(self._claim_check):
            log.debug("Update feed checked less than a day ago")
            return None
        try:
            key = decode_public_key(self.settings.update_public_key or self.shipped_key)
            notice = read_feed(await self._fetch(url), key, self.running_version)
        except (FeedError, ValueError, OSError) as exc:
            log.warning("Update feed ignored: %s", exc)
            return None
        log.info(
            "Update feed: latest %s, minimum safe %s (running %s)",
            notice.latest_version,
            notice.minimum_safe_version,
            self.running_version,
        )
        return notice

    async def _fetch(self, url: str) -> bytes:
        import asyncio

        from ohmygpt_desktop.core.clients import proxy_of

        proxy = proxy_of(self.settings.proxy_mode, self.settings.proxy_url)
        client = await asyncio.to_thread(_feed_client, proxy)
        import httpx  # loaded by now (in the worker thread)

        try:
            async with client, client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise FeedError(f"the feed answered HTTP {response.status_code}")
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_FEED_BYTES:
                        raise FeedError("the feed is too large")
                return bytes(body)
        except httpx.HTTPError as exc:
            raise FeedError(f"the feed could not be read ({type(exc).__name__})") from None


def _feed_client(proxy: str | None) -> httpx.AsyncClient:
    """The feed's HTTP client, built in a worker thread: importing httpx and loading the
    certificate store (~80 ms cold) stay off the GUI thread, as for the API's client."""
    from ohmygpt_desktop.api.client import http_client
    from ohmygpt_desktop.core.clients import warm_http_backend

    client = http_client(timeout=FEED_TIMEOUT_S, proxy=proxy)
    warm_http_backend()
    return client


def shipped_public_key() -> str:
    """The public key shipped in the app (``""`` when the file is missing)."""
    from ohmygpt_desktop.resources import resource_path

    try:
        return resource_path(KEY_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        log.warning("The app's update key %s is missing", KEY_FILE)
        return ""


__all__ = [
    "FeedError",
    "UpdateChecker",
    "UpdateNotice",
    "decode_public_key",
    "read_feed",
    "shipped_public_key",
]
