"""The strip under the header that says a newer (or a fixed) version is out.

It only tells: its buttons open the release notes or the download page in the browser
(https:// addresses only, checked when the feed was read); the app never downloads or
installs anything itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from ohmygpt_desktop.ui.banner import NoteStrip

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import UrlOpener
    from ohmygpt_desktop.core.updates import UpdateNotice


class UpdateNoticeBar(NoteStrip):
    """Hidden until :meth:`show_notice` has something to say; its level is "info" (a
    newer version) or "warning" (the running one is below the safe one)."""

    def __init__(self, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__("UpdateNotice", parent)
        self._open_url = open_url
        self.notice: UpdateNotice | None = None
        self.notes_button = QPushButton(self)
        self.notes_button.clicked.connect(lambda: self._open("release_notes_url"))
        self.add_widget(self.notes_button)
        self.download_button = QPushButton(self)
        self.download_button.clicked.connect(lambda: self._open("download_url"))
        self.add_widget(self.download_button)
        self.retranslate()

    def show_notice(self, notice: UpdateNotice | None) -> None:
        """Show what ``notice`` says (nothing when the running version is current)."""
        if notice is None or not (notice.newer or notice.unsafe):
            return
        self.notice = notice
        self.set_level("warning" if notice.unsafe else "info")
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        super().retranslate()
        self.notes_button.setText(self.tr("Release notes"))
        self.download_button.setText(self.tr("Download page"))
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
