"""Text that fits: no label, button or table cell of any screen is cut, in English,
Chinese and Japanese, with each window at its minimum size (the gallery's screens)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.plain import ElidedLabel
from tests.helpers.gallery import LANGUAGES, Shot, render
from tests.helpers.postgres import PostgresCluster
from tests.helpers.text_fit import clipped_text


def test_every_screen_fits_its_text_at_the_minimum_size(
    qapp: QApplication, sandbox: SandboxServer, tmp_path: Path, postgres_cluster: PostgresCluster
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
        new_ledger=postgres_cluster.new_database,
    )
    assert {shot.language for shot in shots} == set(LANGUAGES)
    assert {"recharge-stopped", "orders-team"} <= {shot.screen for shot in shots}
    assert not problems, "\n".join(problems)


def test_an_elided_label_shows_one_line_and_keeps_the_whole_text(qtbot: Any) -> None:
    whole = "alexandra.konstantinopoulou-vanderberg@research.example-university.org"
    label = ElidedLabel(whole, mode=Qt.TextElideMode.ElideMiddle)
    qtbot.addWidget(label)
    label.resize(160, 30)
    label.show()
    assert label.text() == whole
    assert label.is_elided()
    assert "…" in label.shown_text()
    assert label.fontMetrics().horizontalAdvance(label.shown_text()) <= 160
    assert whole in label.toolTip()
    assert label.minimumSizeHint().width() < 160 < label.sizeHint().width()

    label.resize(label.sizeHint().width() + 10, 30)
    assert label.shown_text() == whole
    assert label.toolTip() == ""

    label.setText("first line\nsecond line")
    assert label.text() == "first line\nsecond line"
    assert label.shown_text() == "first line second line"
    assert not label.is_elided()
    assert clipped_text(label) == []
