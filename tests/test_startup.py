"""Start-up: the first paint is the usable screen, it works at once, and it needs
none of the slow parts (HTTP client, keyring, event loop), which come after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ohmygpt_desktop.app import STARTUP_TRACE_ENV, Options, first_screen, parse_args
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.sandbox import SandboxServer
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.signin import approve_in_browser, click, paste, until_idle

ROOT = Path(__file__).resolve().parent.parent

#: What the first paint must not wait for (each is imported after it, when needed).
SLOW_FOR_THE_FIRST_PAINT = [
    "asyncio",
    "qasync",
    "httpx",
    "keyring",
    "http.server",
    "ohmygpt_desktop.api.client",
    "ohmygpt_desktop.ui.crash_dialog",
    "ohmygpt_desktop.ui.history_view",
    "ohmygpt_desktop.ui.account_switcher",
    "ohmygpt_desktop.core.logs",
    "ohmygpt_desktop.sandbox",
    "ohmygpt_desktop.cli",
    "ohmygpt_desktop.ui.accounts_page",
    "ohmygpt_desktop.ui.usage_view",
    "ohmygpt_desktop.core.ledger",
    "psycopg",
    # An OAuth app is configured (the probe below): the first-run page is never shown.
    "ohmygpt_desktop.ui.first_run",
    "ohmygpt_desktop.core.app_check",
    "ohmygpt_desktop.ui.setting_fields",
]


def test_no_arguments_mean_the_defaults() -> None:
    """A launch without arguments skips building the parser: same options either way."""
    assert parse_args([]) == Options()


def test_sign_in_works_when_clicked_right_after_the_first_paint(
    qtbot: Any,
    run: Any,
    home: Path,
    sandbox: SandboxServer,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
) -> None:
    ctx, window = first_screen(
        Options(),
        paths=AppPaths.under(home),
        env={},
        open_url=browser,
        keyring_backend=keyring_backend,
        sandbox=sandbox,
    )
    assert window is not None
    qtbot.addWidget(window)
    assert window.usable_shown, "the sign-in button was not painted by the first paint"
    panel = window.login_panel
    assert window.pages.currentWidget() is panel

    # Clicked before anything else ran: no event loop turn, no service started.
    click(qtbot, panel.sign_in_button)
    query = parse_qs(urlsplit(browser.last).query)
    assert browser.last.startswith(sandbox.base_url)
    assert query["client_id"] == [ctx.settings.client_id]
    assert query["state"] == [ctx.attempts.current.state]

    # The rest of the start-up, then the sign-in completes from that click.
    window.start()
    run(until_idle())
    code, _ = approve_in_browser(browser, "888")
    paste(qtbot, panel, code)
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    assert ctx.accounts.current() is not None
    assert ctx.accounts.current().key == "888@sandbox"
    window.close()
    run(ctx.aclose())


def test_the_first_paint_imports_none_of_the_slow_parts(tmp_path: Path) -> None:
    """The real ``main()`` in a fresh process, stopped at the sign-in button's paint."""
    probe = (
        "import os, sys\n"
        "slow = sys.argv[1].split(',')\n"
        "class Stop:\n"
        "    def write(self, text):\n"
        "        if text.startswith('startup-trace usable'):\n"
        "            loaded = [m for m in slow if m in sys.modules]\n"
        "            sys.__stdout__.write('loaded:' + ','.join(loaded) + '\\n')\n"
        "            sys.__stdout__.flush()\n"
        "            os._exit(0)\n"
        "        return len(text)\n"
        "    def flush(self):\n"
        "        pass\n"
        "sys.stderr = Stop()\n"
        "from ohmygpt_desktop.app import main\n"
        "main([])\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DBUS_SESSION_BUS_ADDRESS="disabled:",
        OHMYGPT_DESKTOP_HOME=str(tmp_path / "home"),
        OHMYGPT_CLIENT_ID="test-app",
    )
    env[STARTUP_TRACE_ENV] = "1"
    out = subprocess.run(
        [sys.executable, "-c", probe, ",".join(SLOW_FOR_THE_FIRST_PAINT)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    ).stdout
    assert "loaded:" in out, "the sign-in button was never painted"
    assert out.split("loaded:", 1)[1].strip() == ""
