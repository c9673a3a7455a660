"""The ledger's password: typed in Settings, kept in the keyring, never in the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.ledger import Ledger, password_key
from ohmygpt_desktop.ui.ledger_password import LedgerPasswordDialog
from ohmygpt_desktop.ui.settings_dialog import SettingsDialog
from tests.helpers.asyncutil import until, wait_signal
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.postgres import PostgresCluster

Runner = Callable[..., Any]
PASSWORD = "pw-ledger-7f3a"


def test_password_set_in_settings_reaches_the_ledger_and_no_file(
    qtbot: Any,
    run: Runner,
    make_ctx: Callable[..., AppContext],
    postgres_cluster: PostgresCluster,
    keyring_backend: MemoryKeyring,
) -> None:
    role = postgres_cluster.new_role(PASSWORD)
    url = postgres_cluster.new_database(owner=role)
    ctx = make_ctx(sandbox=None)
    ctx.settings.set("ledger_url", url)
    ctx.settings.save()

    # Without the password the server says no, and the app says why.
    async def refused_without_it() -> Ledger:
        refused = Ledger(url, ctx.history, password=ctx.ledger_password)
        await refused.start()
        try:
            await until(lambda: refused.status.offline, timeout=10)
            return refused
        finally:
            await refused.aclose()

    problem = run(refused_without_it(), 15).status.problem
    assert problem is not None
    assert "password" in str(problem)

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.ledger_password_button.text() == "Set ledger password…"
    dialog.ledger_password_button.click()
    box = dialog.ledger_password_dialog
    assert isinstance(box, LedgerPasswordDialog)
    assert box.isVisible()
    assert role in box.intro.text()
    save = box.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    box.edit.setText(PASSWORD)
    save.click()
    (result,) = run(wait_signal(box.finished, timeout=10), timeout=15)
    assert result == QDialog.DialogCode.Accepted
    host, user = password_key(url)
    assert (host, user) == ("127.0.0.1", role)
    assert run(ctx.tokens.load_ledger_password(host, user)).reveal() == PASSWORD

    ledger = ctx.ledger
    assert ledger is not None

    async def connected_with_it() -> None:
        await ledger.start()
        try:
            await until(lambda: ledger.status.connected, timeout=10)
        finally:
            await ledger.aclose()

    run(connected_with_it(), 15)
    dialog.reject()
    assert keyring_backend.get_password(f"ohmygpt-desktop-ledger:{host}", role) == PASSWORD
    folders = (ctx.paths.config_dir, ctx.paths.data_dir, ctx.paths.log_dir, ctx.paths.cache_dir)
    for path in (p for folder in folders for p in folder.rglob("*")):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path
