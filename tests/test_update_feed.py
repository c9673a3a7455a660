"""Signed update notices, through the real window and the sandbox's feed.

Each test makes its own Ed25519 key pair (``.ci/sign_feed.py``, what ``dev.py sign-feed``
runs), provisions its public key with ``update_feed_url`` pointing at the sandbox's
``/_sandbox/update-feed``, publishes a feed there through the sandbox's control API and
starts the window: what the person sees, and what the sandbox was asked, are checked.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ohmygpt_desktop import __version__
from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.sandbox.app import UPDATE_FEED_PATH
from tests.helpers.asyncutil import until
from tests.helpers.browser import FakeBrowser
from tests.helpers.ci import CI, load_ci_script
from tests.helpers.recharging import Widgets, click, widget_scope
from tests.test_a11y import unnamed

sign_feed = load_ci_script("sign_feed")

MakeCtx = Callable[..., AppContext]
NOTES = "https://example.com/releases/99.0"
DOWNLOAD = "https://example.com/download"


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


@pytest.fixture
def key(tmp_path: Path) -> tuple[Path, str]:
    """A fresh signing key (its PEM file) and its public key, as a release would have."""
    path = tmp_path / "feed-key.pem"
    return path, sign_feed.new_key(path)


def feed(latest: str, minimum: str = "0.0.1") -> dict[str, Any]:
    return {
        "latest_version": latest,
        "minimum_safe_version": minimum,
        "release_notes_url": NOTES,
        "download_url": DOWNLOAD,
        "published": "2026-11-20",
    }


def publish(sandbox: SandboxServer, body: bytes) -> None:
    """Through the sandbox's control API, as a demo or another test would."""
    reply = httpx.put(sandbox.base_url + UPDATE_FEED_PATH, content=body)
    assert reply.status_code == 200, reply.text


def signed(data: dict[str, Any], pem: Path) -> bytes:
    return sign_feed.sign(json.dumps(data).encode(), pem.read_bytes())


def start_window(
    make_ctx: MakeCtx,
    tmp_path: Path,
    widgets: Widgets,
    run: Callable[..., Any],
    *,
    feed_url: str,
    public_key: str,
) -> Any:
    """Start the app on a provisioning with this feed and key; wait for its check."""
    from ohmygpt_desktop.ui.main_window import MainWindow

    provisioning = tmp_path / "org" / "provisioning.json"
    provisioning.parent.mkdir(parents=True, exist_ok=True)
    provisioning.write_text(
        json.dumps({"update_feed_url": feed_url, "update_public_key": public_key}),
        encoding="utf-8",
    )
    env = {
        "XDG_CONFIG_DIRS": str(tmp_path / "no-system-config"),
        "OHMYGPT_PROVISIONING": str(provisioning),
    }
    ctx = make_ctx(sandbox=None, env=env)
    window = widgets.add(MainWindow(ctx))
    window.show()
    window.start()
    run(until(lambda: window.update_check is not None))
    run(window.update_check.task)
    return window


def feed_url(sandbox: SandboxServer) -> str:
    return sandbox.base_url + UPDATE_FEED_PATH


def test_a_newer_version_is_announced_with_its_links(
    qtbot, make_ctx, run, sandbox, tmp_path, widgets, key, browser: FakeBrowser
) -> None:
    pem, public = key
    publish(sandbox, signed(feed("99.0"), pem))
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    bar = window.update_notice
    assert bar.isVisible()
    assert bar.level == "info"
    assert bar.label.text() == "Version 99.0 is available."
    click(qtbot, bar.notes_button)
    click(qtbot, bar.download_button)
    assert browser.opened == [NOTES, DOWNLOAD]
    assert sandbox.state.request_counts["update_feed"] == 1
    assert unnamed(bar) == []  # ✕ included: a screen reader says "Dismiss"


@pytest.mark.parametrize("latest", ["0.0.1", __version__])
def test_an_older_or_the_same_version_shows_nothing(
    make_ctx, run, sandbox, tmp_path, widgets, key, latest: str
) -> None:
    pem, public = key
    publish(sandbox, signed(feed(latest), pem))
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    assert window.update_check.task.result() is not None  # read and verified
    assert not window.update_notice.isVisible()
    assert sandbox.state.request_counts["update_feed"] == 1


def test_a_version_below_the_minimum_safe_one_is_a_warning(
    make_ctx, run, sandbox, tmp_path, widgets, key
) -> None:
    pem, public = key
    publish(sandbox, signed(feed("99.0", minimum="98.0"), pem))
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    bar = window.update_notice
    assert bar.isVisible()
    assert bar.level == "warning"
    assert "98.0" in bar.label.text()
    assert "99.0" in bar.label.text()


def _ignored(
    caplog: pytest.LogCaptureFixture, window: Any, banner_before: list[Any], why: str
) -> None:
    assert window.update_check.task.result() is None
    assert not window.update_notice.isVisible()
    assert not window.banner.isVisible()  # never shown as an error
    assert window.ctx.messages.history == banner_before
    assert any(
        "Update feed ignored" in r.getMessage() and why in r.getMessage() for r in caplog.records
    ), [r.getMessage() for r in caplog.records]


def test_a_feed_signed_with_another_key_is_logged_and_ignored(
    make_ctx, run, sandbox, tmp_path, widgets, key, caplog
) -> None:
    caplog.set_level(logging.INFO)
    _pem, public = key
    other = tmp_path / "other.pem"
    sign_feed.new_key(other)
    publish(sandbox, signed(feed("99.0", minimum="98.0"), other))
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    _ignored(caplog, window, [], "signature")
    assert sandbox.state.request_counts["update_feed"] == 1


def test_a_tampered_payload_is_logged_and_ignored(
    make_ctx, run, sandbox, tmp_path, widgets, key, caplog
) -> None:
    caplog.set_level(logging.INFO)
    pem, public = key
    envelope = json.loads(signed(feed("0.0.1"), pem))
    envelope["payload"] = sign_feed.base64.b64encode(json.dumps(feed("99.0")).encode()).decode()
    publish(sandbox, json.dumps(envelope).encode())
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    _ignored(caplog, window, [], "signature")


@pytest.mark.parametrize(
    "body",
    [b"<html>Service unavailable</html>", b'{"payload": 1}', b"\xff\xfe", b"[]"],
    ids=["html", "bad-envelope", "binary", "array"],
)
def test_garbage_is_logged_and_ignored(
    make_ctx, run, sandbox, tmp_path, widgets, key, caplog, body: bytes
) -> None:
    caplog.set_level(logging.INFO)
    publish(sandbox, body)
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=key[1]
    )
    _ignored(caplog, window, [], "not a feed")


def test_a_signed_feed_with_nonsense_inside_is_ignored(
    make_ctx, run, sandbox, tmp_path, widgets, key, caplog
) -> None:
    caplog.set_level(logging.INFO)
    pem, public = key
    bad = {**feed("99.0"), "download_url": "javascript:alert(1)"}
    publish(sandbox, signed(bad, pem))
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    _ignored(caplog, window, [], "https://")


def test_an_unreachable_feed_is_logged_and_ignored(
    make_ctx, run, sandbox, tmp_path, widgets, key, caplog
) -> None:
    caplog.set_level(logging.INFO)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window = start_window(
        make_ctx,
        tmp_path,
        widgets,
        run,
        feed_url=f"http://127.0.0.1:{port}/feed",
        public_key=key[1],
    )
    _ignored(caplog, window, [], "could not be read")


def test_no_feed_published_is_logged_and_ignored(
    make_ctx, run, sandbox, tmp_path, widgets, key, caplog
) -> None:
    caplog.set_level(logging.INFO)
    window = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=key[1]
    )
    _ignored(caplog, window, [], "HTTP 404")


def test_the_feed_is_asked_at_most_once_a_day(
    make_ctx, run, sandbox, tmp_path, widgets, key
) -> None:
    pem, public = key
    publish(sandbox, signed(feed("99.0"), pem))
    first = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    assert first.update_notice.isVisible()
    first.close()
    run(first.ctx.aclose())
    second = start_window(
        make_ctx, tmp_path, widgets, run, feed_url=feed_url(sandbox), public_key=public
    )
    assert second.update_check.task.result() is None
    assert sandbox.state.request_counts["update_feed"] == 1  # the second start did not ask
    # A day later it asks again.
    stamp = second.ctx.updates.stamp_file
    stamp.write_text(json.dumps({"checked_at": 0}), encoding="utf-8")
    assert second.ctx.updates.due()


def test_sign_feed_command_signs_what_the_app_verifies(tmp_path: Path, key) -> None:
    """``dev.py sign-feed`` runs this script with the project's Python."""
    from ohmygpt_desktop.core.updates import decode_public_key, read_feed

    pem, public = key
    source = tmp_path / "feed.json"
    source.write_text(json.dumps(feed("99.0")), encoding="utf-8")
    out = tmp_path / "feed.signed.json"
    done = subprocess.run(
        [sys.executable, str(CI / "sign_feed.py"), str(source), "--key", str(pem), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    notice = read_feed(out.read_bytes(), decode_public_key(public), "1.0")
    assert notice.newer
    assert notice.latest_version == "99.0"
    # A feed without its links is refused before it is signed.
    source.write_text(json.dumps({"latest_version": "2.0"}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(CI / "sign_feed.py"), str(source), "--key", str(pem)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "lacks" in done.stderr


def test_the_shipped_key_is_a_public_key_only() -> None:
    from ohmygpt_desktop.core.updates import decode_public_key, shipped_public_key

    assert len(decode_public_key(shipped_public_key())) == 32
    for path in Path(__file__).resolve().parent.parent.joinpath("resources").rglob("*"):
        if path.is_file() and path.suffix in {".pem", ".key", ".txt", ".pub"}:
            assert b"PRIVATE KEY" not in path.read_bytes(), path
