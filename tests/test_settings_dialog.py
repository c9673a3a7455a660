"""The Settings dialog: round trip to the file, validation, overrides, secret, latency."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel

from ohmygpt_desktop.app import AppContext, Options
from ohmygpt_desktop.core.settings import (
    SETTINGS,
    SPECS,
    Applies,
    Settings,
    Tab,
    Unit,
    Widget,
)
from ohmygpt_desktop.core.tokens import client_secret_service
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.settings_dialog import (
    API_LINES,
    AUTH_HOSTS,
    CLIENT_SECRET,
    SettingsDialog,
)
from tests.helpers.asyncutil import until
from tests.helpers.keyrings import MemoryKeyring, RaisingKeyring

SECRET_TEXT = "cs-Very-Secret-Value-42"


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


@pytest.fixture
def plain_ctx(make_ctx: Callable[..., AppContext]) -> AppContext:
    """A context for the real service (no sandbox overrides): every field is editable."""
    return make_ctx(sandbox=None)


def open_dialog(qtbot: Any, ctx: AppContext, **kwargs: Any) -> SettingsDialog:
    dialog = SettingsDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def choose_custom_api(dialog: SettingsDialog, url: str) -> None:
    dialog.api_combo.setCurrentIndex(dialog.api_combo.count() - 1)
    dialog.api_field.custom.setText(url)


def file_data(ctx: AppContext) -> dict[str, Any]:
    return json.loads(ctx.settings.path.read_text(encoding="utf-8"))


def items(combo: QComboBox) -> list[tuple[Any, str]]:
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


# ------------------------------------------------- rows made from the declarations


def test_every_declared_setting_on_a_tab_has_its_row(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    tabs = list(Tab)
    for spec in SETTINGS:
        if spec.tab is None:
            with pytest.raises(KeyError):
                dialog.field(spec.name)
            continue
        field = dialog.field(spec.name)
        assert field.caption.text() == spec.label
        assert dialog.tab_of(spec.name) == tabs.index(spec.tab)
        assert dialog.tabs.widget(tabs.index(spec.tab)).isAncestorOf(field)
        if spec.help and "{" not in spec.help:  # (+ "Takes effect the next time…")
            assert field.hint.text().startswith(spec.help)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Service", "OAuth app", "Network", "Appearance", "Balance && recharge"
    ]  # fmt: skip


def test_spin_boxes_allow_exactly_the_declared_range(qtbot: Any, plain_ctx: AppContext) -> None:
    """They used to allow 0–999999 where the settings allow 30–86400 seconds."""
    dialog = open_dialog(qtbot, plain_ctx)
    for spec in SETTINGS:
        if spec.widget is not Widget.SPIN:
            continue
        spin = dialog.field(spec.name).input
        assert (spin.minimum(), spin.maximum()) == spec.range, spec.name
        assert spin.suffix() == spec.unit.value
    refresh = dialog.field("refresh_interval_s").input
    assert (refresh.minimum(), refresh.maximum(), refresh.suffix()) == (30, 86400, " seconds")
    refresh.setValue(5)
    assert refresh.value() == 30
    refresh.setValue(10**6)
    assert refresh.value() == 86400
    assert dialog.ok_button.isEnabled()
    watch = dialog.field("payment_watch_minutes").input
    assert (watch.minimum(), watch.maximum(), watch.suffix()) == (1, 1440, " minutes")


def test_choices_are_the_declared_ones(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    assert items(dialog.field("theme").input) == [
        ("system", "System"), ("light", "Light"), ("dark", "Dark")
    ]  # fmt: skip
    assert items(dialog.field("language").input) == [
        ("system", "System default"), ("en", "English"), ("zh_CN", "中文 (简体)"), ("ja", "日本語")
    ]  # fmt: skip
    proxy = dialog.proxy_field.buttons
    assert [(value, radio.text()) for value, radio in proxy.items()] == [
        ("system", "Use the system proxy settings"),
        ("none", "No proxy"),
        ("custom", "Custom proxy"),
    ]
    for name in ("theme", "language"):
        declared = [choice.value for choice in SPECS[name].choices]
        assert declared == [value for value, _ in items(dialog.field(name).input)]
    assert list(proxy) == [choice.value for choice in SPECS["proxy_mode"].choices]
    assert items(dialog.field("auth_base_url").combo) == [
        ("https://next.ohmygpt.com", "Main — next.ohmygpt.com"),
        ("https://next.aigptx.top", "Alternative for some regions — next.aigptx.top"),
        (None, "Custom…"),
    ]


def test_amounts_show_their_unit_and_numbers_their_example(
    qtbot: Any, plain_ctx: AppContext
) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    for name in ("recharge_min", "recharge_max", "low_balance_usd"):
        assert SPECS[name].unit is Unit.USD
        units = [label.text() for label in dialog.field(name).findChildren(QLabel)]
        assert "USD" in units, name
    assert dialog.field("recharge_presets").hint.text() == (
        "USD amounts separated by commas, e.g. 5, 10, 20."
    )
    dialog.field("credits_per_usd").input.setText("lots")
    assert dialog.errors()["credits_per_usd"] == "Enter a number, for example 34000."


def test_the_request_time_limit_has_its_row(qtbot: Any, plain_ctx: AppContext) -> None:
    """Shown from its declaration alone: on the Network tab, within 1–600 seconds, and
    OK gives the next request the new limit (a new client)."""
    dialog = open_dialog(qtbot, plain_ctx)
    field = dialog.field("request_deadline_s")
    assert dialog.tab_of("request_deadline_s") == dialog.TAB_NETWORK
    assert field.caption.text() == "Give up a request after:"
    assert field.hint.text().startswith("However slowly the reply arrives.")
    spin = field.input
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1.0, 600.0, 60.0)
    assert spin.suffix() == " seconds"
    spin.setValue(20.0)
    dialog.ok_button.click()
    assert file_data(plain_ctx) == {"request_deadline_s": 20.0}
    assert plain_ctx.client.deadline == 20.0


def test_a_value_finer_than_the_spin_box_is_kept(qtbot: Any, plain_ctx: AppContext) -> None:
    plain_ctx.settings.set("request_deadline_s", 2.55)  # a valid value from the file
    dialog = open_dialog(qtbot, plain_ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    dialog.ok_button.click()
    assert applied == [[]]  # not rounded to the spin box's 2.6 behind the user's back
    assert plain_ctx.settings.request_deadline_s == 2.55


def test_a_setting_that_applies_after_a_restart_says_so(
    qtbot: Any, plain_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Declared with a tab, a widget and ``applies=RESTART``: its row says when the new
    value takes effect, and OK says it again."""
    import ohmygpt_desktop.ui.settings_dialog as settings_dialog

    later = dataclasses.replace(
        SPECS["keyring_timeout_s"],
        tab=Tab.NETWORK,
        widget=Widget.SPIN,
        label="Wait for the keyring:",
        applies=Applies.RESTART,
    )
    monkeypatch.setitem(SPECS, later.name, later)
    monkeypatch.setattr(
        settings_dialog, "SETTINGS", tuple(later if s.name == later.name else s for s in SETTINGS)
    )
    dialog = open_dialog(qtbot, plain_ctx)
    field = dialog.field("keyring_timeout_s")
    assert field.hint.text() == "Takes effect the next time you start the app."
    assert (field.input.minimum(), field.input.maximum()) == (0.1, 60.0)
    field.input.setValue(10.0)
    dialog.ok_button.click()
    assert file_data(plain_ctx) == {"keyring_timeout_s": 10.0}
    assert plain_ctx.messages.history[-1][1] == (
        "The keyring timeout: the new value takes effect the next time you start the app."
    )


def test_ok_reaches_the_components_that_follow_the_settings(
    qtbot: Any, plain_ctx: AppContext, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No if-chain: the window's timer and the API client follow the settings they use;
    three network settings changed at once build one new client."""
    from ohmygpt_desktop.ui.main_window import MainWindow

    window = MainWindow(plain_ctx)
    qtbot.addWidget(window)
    rebuilds: list[str] = []
    rebuild = plain_ctx.clients.rebuild
    monkeypatch.setattr(
        plain_ctx.clients, "rebuild", lambda: (rebuilds.append("new client"), rebuild())
    )
    dialog = open_dialog(qtbot, plain_ctx)
    choose_custom_api(dialog, sandbox.base_url)
    dialog.proxy_field.buttons["custom"].setChecked(True)
    dialog.field("proxy_url").input.setText("socks5://127.0.0.1:1080")
    dialog.field("refresh_interval_s").input.setValue(600)
    dialog.ok_button.click()
    assert rebuilds == ["new client"]
    assert plain_ctx.client.base_url == sandbox.base_url
    assert window._refresh_timer.interval() == 600_000


# ---------------------------------------------------------------- round trip


def test_documented_lines_and_hosts_are_offered(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    urls = [dialog.api_combo.itemData(i) for i in range(dialog.api_combo.count())]
    assert urls == [url for url, _ in API_LINES] + [None]
    assert urls[:6] == [
        "https://api.ohmygpt.com",
        "https://cfcus02.opapi.win",
        "https://cfwus02.opapi.win",
        "https://c-z0-api-01.hash070.com",
        "https://www.aigptx.top",
        "https://cn2us02.opapi.win",
    ]
    hosts = [
        dialog.field("auth_base_url").combo.itemData(i)
        for i in range(dialog.field("auth_base_url").combo.count())
    ]
    assert hosts == [url for url, _ in AUTH_HOSTS] + [None]
    assert hosts[:2] == ["https://next.ohmygpt.com", "https://next.aigptx.top"]
    # The default is the first line, and Custom… keeps its URL field hidden until chosen.
    assert dialog.api_combo.currentData() == "https://api.ohmygpt.com"
    assert dialog.api_field.custom.isHidden()
    texts = [
        dialog.field("language").input.itemText(i)
        for i in range(dialog.field("language").input.count())
    ]
    assert texts[1:] == ["English", "中文 (简体)", "日本語"]


def test_round_trip_through_the_file(
    qtbot: Any, plain_ctx: AppContext, sandbox: SandboxServer
) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)

    choose_custom_api(dialog, sandbox.base_url + "/")
    assert not dialog.api_field.custom.isHidden()
    dialog.field("auth_base_url").combo.setCurrentIndex(
        dialog.field("auth_base_url").combo.findData("https://next.aigptx.top")
    )
    dialog.field("language").input.setCurrentIndex(dialog.field("language").input.findData("zh_CN"))
    dialog.field("theme").input.setCurrentIndex(dialog.field("theme").input.findData("dark"))
    dialog.field("recharge_presets").input.setText("7, 15.50 ,30")
    dialog.field("refresh_interval_s").input.setValue(600)
    dialog.proxy_field.buttons["custom"].setChecked(True)
    dialog.field("proxy_url").input.setText("socks5://127.0.0.1:1080")
    assert dialog.ok_button.isEnabled(), dialog.errors()
    dialog.ok_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(applied) == 1
    assert set(applied[0]) == {
        "api_base_url",
        "auth_base_url",
        "language",
        "theme",
        "recharge_presets",
        "refresh_interval_s",
        "proxy_mode",
        "proxy_url",
    }
    data = file_data(plain_ctx)
    assert data["api_base_url"] == sandbox.base_url  # normalised: no trailing slash
    assert data["auth_base_url"] == "https://next.aigptx.top"
    assert data["language"] == "zh_CN"
    assert data["recharge_presets"] == ["7", "15.50", "30"]
    # Unchanged values are not written (defaults stay defaults).
    assert "recharge_min" not in data
    assert "scope" not in data

    again = Settings.load(plain_ctx.settings.path, env={})
    assert again.api_base_url == sandbox.base_url
    assert again.recharge_presets == [Decimal("7"), Decimal("15.50"), Decimal("30")]
    assert again.theme == "dark"

    reopened = open_dialog(qtbot, plain_ctx)
    assert reopened.api_combo.currentData() is None  # Custom…
    assert reopened.api_field.custom.text() == sandbox.base_url
    assert reopened.field("language").input.currentData() == "zh_CN"
    assert reopened.field("recharge_presets").input.text() == "7, 15.50, 30"
    assert reopened.field("proxy_url").input.isEnabled()


def test_credits_per_usd_is_shown_as_not_from_the_docs(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    assert dialog.field("credits_per_usd").input.text() == "34000"
    assert dialog.field("credits_per_usd").caption.text() == "Credits per US dollar:"
    assert "documentation does not state this rate" in dialog.field("credits_per_usd").hint.text()
    dialog.field("credits_per_usd").input.setText("36000")
    dialog.ok_button.click()
    assert applied == [["credits_per_usd"]]
    assert file_data(plain_ctx)["credits_per_usd"] == "36000"
    assert plain_ctx.settings.credits_per_usd == Decimal(36000)


def test_ok_without_changes_writes_nothing(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    dialog.ok_button.click()
    assert applied == [[]]
    assert not plain_ctx.settings.path.exists()


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("setup", "field", "words"),
    [
        (lambda d: choose_custom_api(d, "ftp://example.com"), "api_base_url", "must start with"),
        (lambda d: choose_custom_api(d, "http://example.com"), "api_base_url", "https://"),
        (lambda d: d.field("recharge_min").input.setText("abc"), "recharge_min", "amount"),
        (
            lambda d: d.field("recharge_min").input.setText("1.005"),
            "recharge_min",
            "2 decimal places",
        ),
        (
            lambda d: d.field("recharge_max").input.setText("0.5"),
            "recharge_max",
            "less than the minimum",
        ),
        (
            lambda d: d.field("recharge_presets").input.setText("5, ten"),
            "recharge_presets",
            "“ten”",
        ),
        (lambda d: d.field("recharge_presets").input.setText("5, 5"), "recharge_presets", "twice"),
        (
            lambda d: d.field("recharge_presets").input.setText("5, 5000"),
            "recharge_presets",
            "5000",
        ),
        (lambda d: d.field("scope").input.setText("  "), "scope", "must not be empty"),
        (
            lambda d: d.field("redirect_uri").input.setText("not a url"),
            "redirect_uri",
            "must start with",
        ),
        (lambda d: d.proxy_field.buttons["custom"].setChecked(True), "proxy_url", "address"),
        (
            lambda d: d.field("credits_per_usd").input.setText("34,000"),
            "credits_per_usd",
            "Enter a number",
        ),
        (lambda d: d.field("credits_per_usd").input.setText("0"), "credits_per_usd", "more than 0"),
    ],
)
def test_invalid_values_block_ok_with_a_message(
    qtbot: Any,
    plain_ctx: AppContext,
    setup: Callable[[SettingsDialog], None],
    field: str,
    words: str,
) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    assert dialog.ok_button.isEnabled()
    setup(dialog)
    assert not dialog.ok_button.isEnabled()
    message = dialog.errors()[field]
    assert words in message
    label = dialog.field(field).error
    assert not label.isHidden()
    assert label.text() == message
    assert "Traceback" not in message
    assert dialog.status_label.text()  # points at the tab with the problem

    dialog.apply_and_accept()  # e.g. Enter pressed: still refused
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == dialog.tab_of(field)
    assert not plain_ctx.settings.path.exists()


def test_fixing_the_value_enables_ok_again(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    dialog.field("low_balance_usd").input.setText("-1")
    assert not dialog.ok_button.isEnabled()
    dialog.field("low_balance_usd").input.setText("2.50")
    assert dialog.ok_button.isEnabled()
    assert dialog.field("low_balance_usd").error.isHidden()
    assert dialog.status_label.text() == ""


# ----------------------------------------------------------------- overrides


def test_overridden_values_are_read_only_and_say_why(
    qtbot: Any, make_ctx: Callable[..., AppContext]
) -> None:
    ctx = make_ctx(
        sandbox=None,
        env={"OHMYGPT_LANGUAGE": "ja", "OHMYGPT_RECHARGE_MAX": "500"},
        options=Options(overrides={"client_id": "cli-app"}),
    )
    dialog = open_dialog(qtbot, ctx)
    language = dialog.field("language")
    assert not dialog.field("language").input.isEnabled()
    assert dialog.field("language").input.currentData() == "ja"
    assert not language.note.isHidden()
    assert "OHMYGPT_LANGUAGE" in language.note.text()
    assert dialog.field("client_id").input.isReadOnly()
    assert dialog.field("client_id").input.text() == "cli-app"
    assert "command line" in dialog.field("client_id").note.text()
    assert dialog.field("theme").note.isHidden()
    assert dialog.field("theme").input.isEnabled()

    # Cross-checks use the overriding value: presets above 500 are refused.
    dialog.field("recharge_presets").input.setText("5, 600")
    assert "600" in dialog.errors()["recharge_presets"]
    dialog.field("recharge_presets").input.setText("5, 50")

    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    dialog.field("theme").input.setCurrentIndex(dialog.field("theme").input.findData("light"))
    dialog.ok_button.click()
    assert len(applied) == 1
    assert set(applied[0]) == {"theme", "recharge_presets"}
    data = file_data(ctx)
    assert data["theme"] == "light"
    for name in ("language", "client_id", "recharge_max"):
        assert name not in data  # overriding values never reach the file


def test_demo_mode_fields_say_so(qtbot: Any, make_ctx: Callable[..., AppContext]) -> None:
    ctx = make_ctx()  # on the sandbox
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.api_combo.isEnabled()
    assert dialog.api_field.custom.isReadOnly()
    assert "demo mode" in dialog.field("api_base_url").note.text()
    assert not dialog.secret_edit.isEnabled()
    assert "Demo mode" in dialog.secret_hint.text()


# ------------------------------------------------------------- client secret


def test_client_secret_goes_to_the_keyring_not_the_file(
    qtbot: Any, plain_ctx: AppContext, keyring_backend: MemoryKeyring, run: Any
) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    assert "system keyring" in dialog.secret_hint.text()
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)

    dialog.secret_edit.setText(SECRET_TEXT)
    assert "client id first" in dialog.secret_error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.field("client_id").input.setText("my-app")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    run(until(lambda: applied, message="the dialog never applied"))

    assert set(applied[0]) == {"client_id", CLIENT_SECRET}
    assert dialog.result() == QDialog.DialogCode.Accepted
    service = client_secret_service("api.ohmygpt.com")
    assert keyring_backend.entries[(service, "my-app")] == SECRET_TEXT
    assert threading.main_thread().name not in keyring_backend.threads
    text = plain_ctx.settings.path.read_text(encoding="utf-8")
    assert SECRET_TEXT not in text
    assert json.loads(text) == {"client_id": "my-app"}
    assert run(plain_ctx.client_secret()).reveal() == SECRET_TEXT

    # Opened again: it says a secret is stored, and never shows it.
    again = open_dialog(qtbot, plain_ctx)
    run(until(lambda: not again.forget_secret.isHidden()))
    assert again.secret_edit.text() == ""
    assert "Stored" in again.secret_edit.placeholderText()


def test_switching_line_carries_the_secret_along(
    qtbot: Any,
    plain_ctx: AppContext,
    keyring_backend: MemoryKeyring,
    sandbox: SandboxServer,
    run: Any,
) -> None:
    plain_ctx.settings.set("client_id", "my-app")
    keyring_backend.entries[(client_secret_service("api.ohmygpt.com"), "my-app")] = SECRET_TEXT
    dialog = open_dialog(qtbot, plain_ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    choose_custom_api(dialog, sandbox.base_url)
    dialog.ok_button.click()
    run(until(lambda: applied))
    host = sandbox.base_url.split("://", 1)[1]
    assert keyring_backend.entries[(client_secret_service(host), "my-app")] == SECRET_TEXT
    assert set(applied[0]) == {"api_base_url", CLIENT_SECRET}


def test_forgetting_the_secret(
    qtbot: Any, plain_ctx: AppContext, keyring_backend: MemoryKeyring, run: Any
) -> None:
    plain_ctx.settings.set("client_id", "my-app")
    key = (client_secret_service("api.ohmygpt.com"), "my-app")
    keyring_backend.entries[key] = SECRET_TEXT
    dialog = open_dialog(qtbot, plain_ctx)
    run(until(lambda: not dialog.forget_secret.isHidden()))
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    dialog.forget_secret.setChecked(True)
    dialog.ok_button.click()
    run(until(lambda: applied))
    assert key not in keyring_backend.entries
    assert applied == [[CLIENT_SECRET]]


def test_keyring_failure_keeps_the_dialog_open(
    qtbot: Any, make_ctx: Callable[..., AppContext], run: Any
) -> None:
    ctx = make_ctx(sandbox=None, keyring_backend=RaisingKeyring(echo_password=True))
    dialog = open_dialog(qtbot, ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    dialog.field("client_id").input.setText("my-app")
    dialog.secret_edit.setText(SECRET_TEXT)
    dialog.ok_button.click()
    run(until(lambda: "could not be saved" in dialog.status_label.text()))
    run(until(lambda: dialog.ok_button.isEnabled()))
    assert dialog.isVisible()
    assert applied == []
    assert SECRET_TEXT not in dialog.status_label.text()
    assert dialog.tabs.currentIndex() == SettingsDialog.TAB_OAUTH
    assert not ctx.settings.path.exists()


# ------------------------------------------------------------------- latency


def test_latency_test_measures_each_line(
    qtbot: Any, plain_ctx: AppContext, sandbox: SandboxServer, run: Any
) -> None:
    closed = f"http://127.0.0.1:{closed_port()}"
    lines = [(sandbox.base_url, "Sandbox"), (closed, "Closed port")]
    dialog = open_dialog(qtbot, plain_ctx, api_lines=lines, latency_timeout=2.0)
    assert dialog.latency_tree.isHidden()
    dialog.test_button.click()
    assert not dialog.latency_tree.isHidden()
    assert dialog.latency_text(sandbox.base_url) == "testing…"
    assert not dialog.test_button.isEnabled()
    run(until(lambda: not dialog.latency_running, message="latency test did not finish"))

    fast = dialog.latency_text(sandbox.base_url)
    assert fast.endswith(" ms")
    assert fast[:-3].isdigit(), fast
    assert dialog.latency_text(closed) == "unreachable"
    tree = dialog.latency_tree
    assert tree.topLevelItem(0).text(1) == fast
    assert tree.topLevelItem(1).text(1) == "unreachable"
    assert dialog.test_button.isEnabled()

    dialog.api_combo.setCurrentIndex(1)
    assert dialog.fastest_line() == sandbox.base_url
    assert not dialog.fastest_button.isHidden()
    dialog.fastest_button.click()
    assert dialog.api_combo.currentData() == sandbox.base_url


def test_in_demo_mode_the_line_test_measures_the_sandbox(
    qtbot: Any, make_ctx: Callable[..., AppContext], sandbox: SandboxServer, run: Any
) -> None:
    ctx = make_ctx()
    assert ctx.demo_mode
    assert ctx.settings.api_base_url.startswith(sandbox.base_url)
    dialog = open_dialog(qtbot, ctx, latency_timeout=2.0)
    dialog.test_button.click()
    run(until(lambda: not dialog.latency_running, message="latency test did not finish"))
    tree = dialog.latency_tree
    assert tree.topLevelItemCount() == 1
    (row,) = [tree.topLevelItem(0)]
    assert row.data(0, Qt.ItemDataRole.UserRole) == ctx.settings.api_base_url
    assert row.text(0).startswith("Demo sandbox on this computer")
    assert row.text(1).endswith(" ms")
