"""The strip under the header that says a newer (or a fixed) version is out.

It only tells: its buttons open the release notes or the download page in the browser
(https:// addresses only, checked when the feed was read); the app never downloads or
installs anything itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.styles import set_themed_style

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import UrlOpener
    from ohmygpt_desktop.core.updates import UpdateNotice

#: The strip in the theme's note colours of its level ("info" or "warning").
_STYLE = (
    "#UpdateNotice {{ background: ${level}_bg; border-bottom: 1px solid ${level}_border; }}"
    "#UpdateNotice QLabel {{ color: ${level}_fg; }}"
)


class UpdateNoticeBar(QFrame):
    """Hidden until :meth:`show_notice` has something to say."""

    def __init__(self, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UpdateNotice")
        self._open_url = open_url
        self.notice: UpdateNotice | None = None
        #: "info" (a newer version) or "warning" (the running one is below the safe one).
        self.level = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        self.label = PlainLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.notes_button = QPushButton(self)
        self.notes_button.clicked.connect(lambda: self._open("release_notes_url"))
        layout.addWidget(self.notes_button)
        self.download_button = QPushButton(self)
        self.download_button.clicked.connect(lambda: self._open("download_url"))
        layout.addWidget(self.download_button)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_notice(self, notice: UpdateNotice | None) -> None:
        """Show what ``notice`` says (nothing when the running version is current)."""
        if notice is None or not (notice.newer or notice.unsafe):
            return
        self.notice = notice
        self.level = "warning" if notice.unsafe else "info"
        set_themed_style(self, _STYLE.format(level=self.level))
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.notes_button.setText(self.tr("Release notes"))
        self.download_button.setText(self.tr("Download page"))
        self.close_button.setToolTip(self.tr("Dismiss"))
        notice = self.notice
        if notice is None:
            return
        self.notes_button.setToolTip(notice.release_notes_url)
        self.download_button.setToolTip(notice.download_url)
        if notice.unsafe:
            text = self.tr(
                "This version has known problems that version {minimum} and later fix. "
                "Please install version {version}."
            )
        else:
            text = self.tr("Version {version} is available.")
        self.label.setText(
            text.format(version=notice.latest_version, minimum=notice.minimum_safe_version)
        )

    def _open(self, which: str) -> None:
        if self.notice is not None:
            self._open_url(getattr(self.notice, which))
