"""The screenshot gallery renders every screen and links each picture from its index."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ohmygpt_desktop.sandbox import SandboxServer
from tests.helpers.gallery import render

SCREENS = {
    "first-run", "sign-in", "recharge", "recharge-result", "balance", "about", "accounts", "usage"
}  # fmt: skip


def test_the_gallery_renders_one_language_and_theme(
    qapp: QApplication, sandbox: SandboxServer, tmp_path: Path
) -> None:
    shots = render(tmp_path, languages=["en"], themes=["light"], sandbox=sandbox)
    names = {shot.screen for shot in shots}
    assert names >= SCREENS
    assert "error-banner" in names
    assert any(name.startswith("settings-") for name in names)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for shot in shots:
        picture = tmp_path / shot.file
        image = QImage(str(picture))
        assert picture.stat().st_size > 0, shot.file
        assert not image.isNull(), shot.file
        assert image.width() > 100, shot.file
        assert f'src="{shot.file}"' in unquote(index)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(s.file for s in shots)
