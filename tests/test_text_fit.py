"""Text that fits: no label, button or table cell of any screen is cut, in English,
Chinese and Japanese, with each window at its minimum size (the gallery's screens)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ohmygpt_desktop.sandbox import SandboxServer
from tests.helpers.gallery import LANGUAGES, Shot, render
from tests.helpers.text_fit import clipped_text


def test_every_screen_fits_its_text_at_the_minimum_size(
    qapp: QApplication, sandbox: SandboxServer, tmp_path: Path
) -> None:
    problems: list[str] = []

    def check(shot: Shot, widget: Any) -> None:
        problems.extend(f"{shot.screen} [{shot.language}]: {p}" for p in clipped_text(widget))

    shots = render(
        tmp_path,
        languages=LANGUAGES,
        themes=["light"],
        sandbox=sandbox,
        check=check,
        smallest=True,
    )
    assert {shot.language for shot in shots} == set(LANGUAGES)
    assert "recharge-stopped" in {shot.screen for shot in shots}
    assert not problems, "\n".join(problems)
