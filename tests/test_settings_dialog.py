"""The Settings dialog: round trip to the file, validation, overrides, secret, latency."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from ohmygpt_desktop.app import AppContext, Options
from ohmygpt_desktop.core.settings import Settings
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
    dialog.api_custom.setText(url)


def file_data(ctx: AppContext) -> dict[str, Any]:
    return json.loads(ctx.settings.path.read_text(encoding="utf-8"))


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
    hosts = [dialog.auth_combo.itemData(i) for i in range(dialog.auth_combo.count())]
    assert hosts == [url for url, _ in AUTH_HOSTS] + [None]
    assert hosts[:2] == ["https://next.ohmygpt.com", "https://next.aigptx.top"]
    # The default is the first line, and Custom… keeps its URL field hidden until chosen.
    assert dialog.api_combo.currentData() == "https://api.ohmygpt.com"
    assert dialog.api_custom.isHidden()
    texts = [dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())]
    assert texts[1:] == ["English", "中文 (简体)", "日本語"]


def test_round_trip_through_the_file(
    qtbot: Any, plain_ctx: AppContext, sandbox: SandboxServer
) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)

    choose_custom_api(dialog, sandbox.base_url + "/")
    assert not dialog.api_custom.isHidden()
    dialog.auth_combo.setCurrentIndex(dialog.auth_combo.findData("https://next.aigptx.top"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.presets_edit.setText("7, 15.50 ,30")
    dialog.refresh_spin.setValue(600)
    dialog.proxy_radios["custom"].setChecked(True)
    dialog.proxy_url_edit.setText("socks5://127.0.0.1:1080")
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
    assert reopened.api_custom.text() == sandbox.base_url
    assert reopened.language_combo.currentData() == "zh_CN"
    assert reopened.presets_edit.text() == "7, 15.50, 30"
    assert reopened.proxy_url_edit.isEnabled()


def test_credits_per_usd_is_shown_as_not_from_the_docs(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    assert dialog.rate_edit.text() == "34000"
    assert dialog.rate_caption.text() == "Credits per US dollar:"
    assert "documentation does not state this rate" in dialog.rate_hint.text()
    dialog.rate_edit.setText("36000")
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
        (lambda d: d.min_edit.setText("abc"), "recharge_min", "amount"),
        (lambda d: d.min_edit.setText("1.005"), "recharge_min", "2 decimal places"),
        (lambda d: d.max_edit.setText("0.5"), "recharge_max", "less than the minimum"),
        (lambda d: d.presets_edit.setText("5, ten"), "recharge_presets", "“ten”"),
        (lambda d: d.presets_edit.setText("5, 5"), "recharge_presets", "twice"),
        (lambda d: d.presets_edit.setText("5, 5000"), "recharge_presets", "5000"),
        (lambda d: d.refresh_spin.setValue(5), "refresh_interval_s", "between 30 and 86400"),
        (lambda d: d.scope_edit.setText("  "), "scope", "must not be empty"),
        (lambda d: d.redirect_edit.setText("not a url"), "redirect_uri", "must start with"),
        (lambda d: d.proxy_radios["custom"].setChecked(True), "proxy_url", "address"),
        (lambda d: d.rate_edit.setText("34,000"), "credits_per_usd", "Enter a number"),
        (lambda d: d.rate_edit.setText("0"), "credits_per_usd", "more than 0"),
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
    label = dialog._fields[field].error
    assert not label.isHidden()
    assert label.text() == message
    assert "Traceback" not in message
    assert dialog.status_label.text()  # points at the tab with the problem

    dialog.apply_and_accept()  # e.g. Enter pressed: still refused
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == dialog._fields[field].tab
    assert not plain_ctx.settings.path.exists()


def test_fixing_the_value_enables_ok_again(qtbot: Any, plain_ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, plain_ctx)
    dialog.low_edit.setText("-1")
    assert not dialog.ok_button.isEnabled()
    dialog.low_edit.setText("2.50")
    assert dialog.ok_button.isEnabled()
    assert dialog._fields["low_balance_usd"].error.isHidden()
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
    language = dialog._fields["language"]
    assert not dialog.language_combo.isEnabled()
    assert dialog.language_combo.currentData() == "ja"
    assert not language.note.isHidden()
    assert "OHMYGPT_LANGUAGE" in language.note.text()
    assert dialog.client_id_edit.isReadOnly()
    assert dialog.client_id_edit.text() == "cli-app"
    assert "command line" in dialog._fields["client_id"].note.text()
    assert dialog._fields["theme"].note.isHidden()
    assert dialog.theme_combo.isEnabled()

    # Cross-checks use the overriding value: presets above 500 are refused.
    dialog.presets_edit.setText("5, 600")
    assert "600" in dialog.errors()["recharge_presets"]
    dialog.presets_edit.setText("5, 50")

    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
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
    assert dialog.api_custom.isReadOnly()
    assert "demo mode" in dialog._fields["api_base_url"].note.text()
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
    dialog.client_id_edit.setText("my-app")
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
    dialog.client_id_edit.setText("my-app")
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
