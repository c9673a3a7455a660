"""The About dialog: version, where the files are, demo mode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, qVersion

from ohmygpt_desktop import APP_NAME, __version__
from ohmygpt_desktop.app import AppContext, Options
from ohmygpt_desktop.ui.about_dialog import AboutDialog
from tests.helpers.browser import FakeBrowser


def make_dialog(qtbot: Any, ctx: AppContext) -> tuple[AboutDialog, list[Path]]:
    opened: list[Path] = []
    dialog = AboutDialog(ctx, folder_opener=lambda folder: bool(opened.append(folder)) or True)
    qtbot.addWidget(dialog)
    return dialog, opened


def test_about_shows_version_paths_and_qt(qtbot: Any, make_ctx: Callable[..., AppContext]) -> None:
    ctx = make_ctx(sandbox=None)
    dialog, opened = make_dialog(qtbot, ctx)
    assert dialog.name_label.text() == APP_NAME
    assert __version__ in dialog.version_label.text()
    assert "desktop client for the OhMyGPT API service" in dialog.blurb_label.text()
    assert dialog.settings_value.text() == str(ctx.settings.path)
    assert dialog.log_value.text() == str(ctx.paths.log_file)
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.log_value.textInteractionFlags() & selectable
    assert qVersion() in dialog.tech_label.text()
    assert PYSIDE_VERSION in dialog.tech_label.text()
    assert dialog.demo_label.isHidden()

    for _caption, _value, button in dialog._rows:
        button.click()
    assert opened == [ctx.settings.path.parent, ctx.paths.log_file.parent, ctx.paths.data_dir]


def test_about_explains_demo_mode(qtbot: Any, make_ctx: Callable[..., AppContext]) -> None:
    dialog, _ = make_dialog(qtbot, make_ctx())
    assert not dialog.demo_label.isHidden()
    assert "no real money" in dialog.demo_label.text()


def test_about_links_to_the_website_and_to_support(
    qtbot: Any, make_ctx: Callable[..., AppContext], browser: FakeBrowser
) -> None:
    overrides = {"support": "help@acme.example", "organization": "Acme IT"}
    ctx = make_ctx(sandbox=None, options=Options(overrides=overrides))
    dialog, _ = make_dialog(qtbot, ctx)
    assert dialog.website_button.text() == "OhMyGPT website"
    dialog.website_button.click()
    assert browser.opened == ["https://next.ohmygpt.com/"]
    assert not dialog.support_button.isHidden()
    dialog.support_button.click()
    assert browser.opened[-1] == "mailto:help@acme.example"

    web = make_ctx(
        sandbox=None, options=Options(overrides={"support": "https://help.acme.example/desk"})
    )
    dialog, _ = make_dialog(qtbot, web)
    dialog.support_button.click()
    assert browser.opened[-1] == "https://help.acme.example/desk"

    plain, _ = make_dialog(qtbot, make_ctx(sandbox=None))
    assert plain.support_button.isHidden()
