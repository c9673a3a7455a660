"""The screenshot gallery: every main screen in each language and theme, grabbed offscreen.

``render(out)`` builds the app as it starts (``build_context`` on a temporary home,
talking to the embedded sandbox), drives each screen into its state, grabs it to a PNG
in ``out`` and writes ``out/index.html``, a contact sheet linking every picture.
:func:`render_web_pages` adds the sandbox's web pages as headless Chromium shows them
in each language. ``python3 .ci/dev.py screenshots`` runs both (``.ci/screenshots.py``);
the tests reuse them.
"""

from __future__ import annotations

import asyncio
import html
import inspect
import os
import tempfile
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tests.helpers.postgres import PostgresCluster

LANGUAGES: tuple[str, ...] = ("en", "zh_CN", "ja")
THEMES: tuple[str, ...] = ("light", "dark")


@dataclass(frozen=True)
class Shot:
    """One picture: which screen, in which language and theme, and its file in ``out``."""

    screen: str
    language: str
    theme: str
    file: str


def _name(screen: str, language: str, theme: str) -> str:
    return f"{screen}-{language}-{theme}.png"


def render(
    out: Path,
    *,
    languages: Iterable[str] = LANGUAGES,
    themes: Iterable[str] = THEMES,
    sandbox: Any = None,
    check: Check | None = None,
    smallest: bool = False,
    new_ledger: Callable[[], str] | None = None,
) -> list[Shot]:
    """Grab every screen for each language × theme into ``out``; write ``out/index.html``.

    ``sandbox``: a running sandbox to use (its state is reset per pass); else one is
    started and stopped here. ``check(shot, widget)`` looks at each screen as it is
    grabbed (a coroutine function may await the loop); ``smallest``: each window at
    its minimum size instead of a roomy one; ``new_ledger``: makes an empty team ledger
    database (its URL) for each pass, for the Team screen (none without it).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from ohmygpt_desktop.sandbox import SandboxConfig, SandboxServer
    from ohmygpt_desktop.ui.i18n import LanguageManager, apply_theme

    app = QApplication.instance() or QApplication(["ohmygpt-gallery"])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # closing one screen must not end the run
    out.mkdir(parents=True, exist_ok=True)
    own_sandbox = sandbox is None
    if own_sandbox:
        sandbox = SandboxServer(config=SandboxConfig(credit_delay=0)).start()
    shots: list[Shot] = []
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with tempfile.TemporaryDirectory(prefix="ohmygpt-gallery-") as scratch:
            # Held for the whole run: its translators vanish once it is collected.
            manager = LanguageManager(app, cache_dir=Path(scratch) / "translations")
            for language in languages:
                for theme in themes:
                    manager.apply(language)
                    apply_theme(app, theme)
                    sandbox.state.reset()
                    home = Path(tempfile.mkdtemp(prefix=f"{language}-{theme}-", dir=scratch))

                    async def save(
                        screen: str, widget: Any, lang: str = language, th: str = theme
                    ) -> None:
                        # Turns of the loop lay out what changed, until the window keeps
                        # its size (never processEvents() inside a task: it would step
                        # other tasks re-entrantly). A window that grows for its text
                        # takes a few.
                        await _settled(widget)
                        name = _name(screen, lang, th)
                        if not widget.grab().save(str(out / name)):
                            raise OSError(f"could not write {out / name}")
                        shot = Shot(screen, lang, th, name)
                        shots.append(shot)
                        if check is not None:
                            looked = check(shot, widget)
                            if inspect.isawaitable(looked):
                                await looked

                    loop.run_until_complete(
                        asyncio.wait_for(
                            _one_pass(
                                home,
                                sandbox,
                                save,
                                smallest=smallest,
                                ledger_url=new_ledger() if new_ledger is not None else None,
                            ),
                            timeout=120,
                        )
                    )
            manager.apply("en")
            apply_theme(app, "system")
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        if own_sandbox:
            sandbox.stop()
    write_index(out, shots)
    return shots


async def _settled(widget: Any, turns: int = 30, calm: int = 3) -> None:
    """Let the loop turn until ``widget``'s size stays the same for ``calm`` turns in
    a row (at most ``turns``)."""
    before, same = None, 0
    for _ in range(turns):
        await asyncio.sleep(0)
        now = (widget.size(), widget.minimumSize())
        same = same + 1 if now == before else 0
        if same >= calm:
            return
        before = now


Save = Callable[[str, Any], Awaitable[None]]
#: Looks at a screen as it is grabbed; may be a coroutine (to let the loop turn).
Check = Callable[[Shot, Any], Awaitable[None] | None]

#: The signed-in account's e-mail: long, as some are, so the screens show how they cope.
LONG_EMAIL = "alexandra.konstantinopoulou-vanderberg@research.example-university.org"


async def _one_pass(
    home: Path, sandbox: Any, save: Save, *, smallest: bool = False, ledger_url: str | None = None
) -> None:
    """Every screen once, in the language and theme in force."""
    from PySide6.QtTest import QTest

    from ohmygpt_desktop.app import AppContext, Options, build_context, profile_paths
    from ohmygpt_desktop.core.paths import AppPaths
    from ohmygpt_desktop.ui.about_dialog import AboutDialog
    from ohmygpt_desktop.ui.account_status import AccountStatusDialog
    from ohmygpt_desktop.ui.main_window import MainWindow
    from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
    from ohmygpt_desktop.ui.settings_dialog import SettingsDialog
    from tests.helpers.asyncutil import until
    from tests.helpers.browser import FakeBrowser
    from tests.helpers.keyrings import MemoryKeyring
    from tests.helpers.signed_in import sign_in
    from tests.helpers.signin import until_idle

    contexts: list[AppContext] = []
    windows: list[Any] = []

    def make(folder: str, *, with_sandbox: bool = True, **extra: Any) -> AppContext:
        ctx = build_context(
            Options(),
            paths=AppPaths.under(home / folder),
            env={"XDG_CONFIG_DIRS": str(home / "no-system-config")},
            open_url=FakeBrowser(),
            keyring_backend=MemoryKeyring(),
            sandbox=sandbox if with_sandbox else None,
            payment_intervals=(3600,),  # no balance checks while the pictures are taken
            **extra,
        )
        contexts.append(ctx)
        return ctx

    async def shown(widget: Any, width: int, height: int) -> Any:
        windows.append(widget)
        if smallest:
            least = widget.minimumSize().expandedTo(widget.minimumSizeHint())
            width, height = least.width(), least.height()
        widget.resize(width, height)
        widget.show()
        await until(widget.isVisible, message="never shown")
        return widget

    try:
        first = await shown(MainWindow(make("first-run", with_sandbox=False)), 760, 640)
        first.start()
        await until_idle(lambda: first.login_panel.first_run.isVisible() and first._header_built)
        await save("first-run", first)

        signin = await shown(MainWindow(make("sign-in")), 760, 640)
        signin.start()
        await until_idle(lambda: signin.pages.currentWidget() is signin.login_panel)
        await save("sign-in", signin)
        # Waiting for the person to approve in the browser.
        signin.login_panel.sign_in_button.click()
        await until_idle(signin.login_panel.waiting_label.isVisible, message="not waiting")
        await save("sign-in-waiting", signin)

        ctx = make("signed-in")
        sandbox.state.add_user("4242", LONG_EMAIL, balance="120000")
        account = await sign_in(ctx, sandbox, user_id="4242")
        recharge = await shown(RechargeDialog(ctx, account.key), 520, 560)
        QTest.keyClicks(recharge.amount_edit, "10")
        await until(recharge.can_submit, message="the amount was not accepted")
        await save("recharge", recharge)
        recharge.create_button.click()
        await until_idle(lambda: recharge.pages.currentWidget() is recharge.result_page)
        await save("recharge-result", recharge)

        # Pay that order in the sandbox, so the picture shows a settled account: the
        # order paid, the balance after it, nothing waiting or refreshing.
        (record,) = ctx.history.list()
        (order,) = [o for o in sandbox.state.orders() if o["order_no"] == record.order_no]
        sandbox.state.pay_order(order["kind"], order["session_id"])
        main = await shown(MainWindow(ctx), 880, 640)
        main.start()
        await until_idle(lambda: main.pages.currentWidget() is main.account_page)
        view = main.balance_view
        main.on_activated()  # checks the balance now, as a person coming back would
        await until_idle(
            lambda: (
                all(r.status.value == "paid" for r in ctx.history.list())
                and not ctx.watcher.watching(account.key)
            ),
            message="the payment was not seen",
        )
        await until_idle(lambda: main.history_view.isVisible() and not view.refreshing())
        await until_idle(lambda: not view.is_stale(), message="the balance stayed stale")
        await save("balance", main)

        settings = await shown(SettingsDialog(ctx), 720, 640)
        for index in range(settings.tabs.count()):
            settings.tabs.setCurrentIndex(index)
            await save(f"settings-{index + 1}", settings)

        await save("about", await shown(AboutDialog(ctx), 520, 420))
        await save("account-status", await shown(AccountStatusDialog(ctx, account.key), 560, 420))

        # Stopped waiting for a slow order: the dialog says what happens to the request.
        sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=1.0)
        stopped = await shown(RechargeDialog(ctx, account.key), 520, 560)
        QTest.keyClicks(stopped.amount_edit, "10")
        await until(stopped.can_submit, message="the amount was not accepted")
        stopped.create_button.click()
        await until(lambda: stopped.busy, message="the order was not sent")
        stopped.stop_waiting()
        await until_idle(stopped.info_label.isVisible, message="no note after stopping")
        await save("recharge-stopped", stopped)

        # An order whose outcome is unknown: the dialog's advice, and its row in Orders
        # (once the order given up on above is created: the fault is for the next one).
        await until_idle(
            lambda: all(r.status.value != "creating" for r in ctx.history.list()),
            message="the order given up on was never created",
        )
        sandbox.state.set_fault("checkout_order", "missing_field", times=1)
        unknown = await shown(RechargeDialog(ctx, account.key), 520, 560)
        QTest.keyClicks(unknown.amount_edit, "20")
        await until(unknown.can_submit, message="the amount was not accepted")
        unknown.create_button.click()
        # The order given up on is still open: the dialog asks before a second one.
        await until_idle(unknown.duplicate_box.isVisible, message="no duplicate warning")
        await save("recharge-duplicate", unknown)
        unknown.create_button.click()
        await until_idle(unknown.unknown_box.isVisible, message="the outcome was not unknown")
        await save("recharge-unknown", unknown)
        await until_idle(lambda: main.history_view.model.rowCount() >= 3)
        await save("orders-unknown", main)

        # The balance could not be updated: one line, one Retry, the last figure kept.
        sandbox.state.set_fault("balance", "status", status=503)
        view.refresh()
        await until_idle(view.notice.isVisible, message="no balance error shown")
        await save("balance-error", main)
        sandbox.state.clear_faults()

        # A second customer: the Accounts page beside the orders, every balance read.
        sandbox.state.add_user("4343", "bea@desk.example", balance="3400000")
        await sign_in(ctx, sandbox, user_id="4343")
        main.show_accounts()
        page = main.accounts_page
        page.refresh_all_button.click()
        await until_idle(
            lambda: page.table.model().rowCount() == 2 and not page.refreshing(),
            message="the accounts were not read",
        )
        await save("accounts", main)

        # Twelve days of spending with a top-up on day 6: the Usage tab and the card's
        # sparkline. The samples are stamped on a clock of their own (the sandbox's
        # clock stays as it is for the other screens); the last one is now.
        stamp = [datetime.now(UTC) - timedelta(days=12)]
        spender = make("usage", usage_clock=lambda: stamp[0])
        sandbox.state.add_user("5151", "carol@usage.example", balance="340000")
        carol = await sign_in(spender, sandbox, user_id="5151")
        credits = Decimal(340_000)
        for step in range(4 * 12):  # a read every 6 hours, 24,000 credits a day
            credits += -6000 + (200_000 if step == 4 * 6 else 0)
            stamp[0] += timedelta(hours=6)
            spender.usage.record(carol.key, credits)
        stamp[0] = datetime.now(UTC)
        sandbox.state.set_balance("5151", credits)
        usage = await shown(MainWindow(spender), 880, 760)
        usage.start()
        await until_idle(lambda: usage.pages.currentWidget() is usage.account_page)
        usage.tabs.setCurrentWidget(usage.usage_view)
        await until_idle(
            lambda: usage.usage_view.isVisible() and not usage.balance_view.refreshing()
        )
        await save("usage", usage)

        if ledger_url is not None:
            await _team_screen(make, shown, save, sandbox, ledger_url)

        # A damaged account list: the window says so in its banner.
        damaged = profile_paths(AppPaths.under(home / "damaged"), demo=True).accounts_file
        damaged.parent.mkdir(parents=True)
        damaged.write_bytes(b"{,,")
        broken = await shown(MainWindow(make("damaged")), 760, 640)
        broken.start()
        await until_idle(broken.banner.isVisible, message="no error banner")
        await save("error-banner", broken)
    finally:
        for widget in windows:
            widget.close()
            widget.deleteLater()
        for ctx in contexts:
            if not ctx.clients.closed:
                await ctx.aclose()


async def _team_screen(
    make: Callable[..., Any],
    shown: Callable[[Any, int, int], Awaitable[Any]],
    save: Save,
    sandbox: Any,
    ledger_url: str,
) -> None:
    """The Orders tab's Team scope on a real ledger: a desk's orders, searched."""
    from ohmygpt_desktop.ui.main_window import MainWindow
    from ohmygpt_desktop.ui.team_history import SCOPE_TEAM, HistoryScopes
    from tests.helpers.asyncutil import until
    from tests.helpers.signed_in import sign_in
    from tests.helpers.signin import until_idle

    team = make("team")
    team.settings.set("ledger_url", ledger_url)
    team.settings.set("operator", "Ann")
    team.settings.save()
    sandbox.state.add_user("6161", "dana@team.example", balance="90000")
    dana = await sign_in(team, sandbox, user_id="6161")
    window = await shown(MainWindow(team), 880, 640)
    window.start()
    await until_idle(lambda: window.pages.currentWidget() is window.account_page)
    ledger = team.ledger
    assert ledger is not None
    for amount, reference in ((10, "ZD-4711 refund"), (25, "ZD-4712"), (5, "ZD-4790")):
        await team.recharge.create_order(dana.key, Decimal(amount), reference=reference)
    await until(lambda: len(ledger.team_orders()) == 3, timeout=15, message="no team orders")
    scopes = window.findChild(HistoryScopes)
    assert scopes is not None
    scopes.set_scope(SCOPE_TEAM)
    scopes.team_view.search_edit.setText("zd-471")
    await until_idle(lambda: scopes.team_view.model.rowCount() == 2)
    await save("orders-team", window)


#: The web pages' pictures: what a demo user sees in the browser (``web-…`` screens).
WEB_SCREENS: tuple[str, ...] = ("web-authorize", "web-code", "web-checkout", "web-paid")
#: Shown on the code page's picture instead of a real authorization code.
EXAMPLE_CODE = "EXAMPLE-CODE-NOT-REAL"


def render_web_pages(
    out: Path, *, languages: Iterable[str] = LANGUAGES, sandbox: Any = None
) -> list[Shot]:
    """The sandbox's authorization, code, checkout and paid pages as a real browser
    (headless Chromium) in each language shows them, grabbed into ``out``."""
    from ohmygpt_desktop.api import build_authorization_url
    from ohmygpt_desktop.api.endpoints import CODE_PAGE, DEFAULT_ENDPOINTS
    from ohmygpt_desktop.sandbox import DEFAULT_APP, SandboxConfig, SandboxServer
    from tests.helpers.real_browser import chromium, click, wait_for
    from tests.helpers.sandbox_browser import new_client

    out.mkdir(parents=True, exist_ok=True)
    own_sandbox = sandbox is None
    if own_sandbox:
        sandbox = SandboxServer(config=SandboxConfig(credit_delay=0)).start()
    base = sandbox.base_url
    shots: list[Shot] = []
    try:
        for language in languages:
            sandbox.state.reset()
            with chromium(language) as chrome:

                def save(screen: str, lang: str = language, browser: Any = chrome) -> None:
                    name = _name(screen, lang, "light")
                    if not browser.save_screenshot(str(out / name)):
                        raise OSError(f"could not write {out / name}")
                    shots.append(Shot(screen, lang, "light", name))

                chrome.get(
                    build_authorization_url(
                        base,
                        client_id=DEFAULT_APP.client_id,
                        redirect_uri=f"{base}{CODE_PAGE}",
                        scope=DEFAULT_APP.scope,
                        state="gallery",
                    )
                )
                wait_for(chrome, "#authorize")
                save("web-authorize")
                click(chrome, "button[value=authorize]")
                wait_for(chrome, "#code")
                # The picture shows an example, never a real code.
                chrome.get(f"{base}{CODE_PAGE}?code={EXAMPLE_CODE}&state=gallery")
                wait_for(chrome, "#code")
                save("web-code")
                token = sandbox.state.issue_token("888")
                with new_client(base) as http:
                    reply = http.post(
                        DEFAULT_ENDPOINTS.checkout_order,
                        headers={"Authorization": f"Bearer {token}"},
                        data={"amount": "10"},
                    )
                chrome.get(reply.json()["data"]["checkout_url"])
                wait_for(chrome, "#checkout")
                save("web-checkout")
                click(chrome, "button.pay")
                wait_for(chrome, "#paid")
                save("web-paid")
    finally:
        if own_sandbox:
            sandbox.stop()
    return shots


def write_index(out: Path, shots: list[Shot]) -> Path:
    """``out/index.html``: one row per screen, one column per language × theme."""
    screens = list(dict.fromkeys(shot.screen for shot in shots))
    columns = list(dict.fromkeys((shot.language, shot.theme) for shot in shots))
    found = {(s.screen, s.language, s.theme): s for s in shots}
    head = "".join(f"<th>{html.escape(f'{lang} · {theme}')}</th>" for lang, theme in columns)
    rows = []
    for screen in screens:
        cells = []
        for lang, theme in columns:
            shot = found.get((screen, lang, theme))
            if shot is None:
                cells.append("<td></td>")
                continue
            caption = html.escape(f"{screen} — {lang}, {theme}")
            link = html.escape(quote(shot.file), quote=True)
            cells.append(
                f'<td><a href="{link}"><img src="{link}" alt="{caption}" width="320"></a>'
                f"<br>{caption}</td>"
            )
        rows.append(f"<tr><th>{html.escape(screen)}</th>{''.join(cells)}</tr>")
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        "<title>OhMyGPT Desktop screenshots</title></head><body>\n"
        "<h1>OhMyGPT Desktop screenshots</h1>\n"
        f'<table border="1"><tr><th></th>{head}</tr>\n' + "\n".join(rows) + "\n</table>\n"
        "</body></html>\n"
    )
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def main() -> int:
    """Render the whole gallery into ``artifacts/screenshots/`` of the checkout."""
    out = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
    try:
        cluster = PostgresCluster()
    except RuntimeError as exc:  # no PostgreSQL server here: no Team screen
        print(f"No Team screen: {exc}")
        shots = render(out)
    else:
        try:
            cluster.start()
            shots = render(out, new_ledger=cluster.new_database)
            cluster.stop()
        finally:
            cluster.remove()
    shots += render_web_pages(out)
    write_index(out, shots)
    print(f"{len(shots)} screenshots and {out / 'index.html'}")
    return 0
