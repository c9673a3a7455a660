"""About: what this app is, its version, and where it keeps its files."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop import APP_NAME
from ohmygpt_desktop.core.service_pages import support_address, website
from ohmygpt_desktop.ui.crash_dialog import FolderOpener, open_folder
from ohmygpt_desktop.ui.errors import support_line
from ohmygpt_desktop.ui.fit import keep_wrapped_text_whole
from ohmygpt_desktop.ui.formatting import shown
from ohmygpt_desktop.ui.plain import ElidedLabel, PlainLabel, tooltip_text
from ohmygpt_desktop.ui.styles import link_button, set_themed_style
from ohmygpt_desktop.version import build_info

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext


class AboutDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        folder_opener: FolderOpener = open_folder,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AboutDialog")
        self._open_folder = folder_opener
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(8)

        self.name_label = PlainLabel(APP_NAME, self)
        self.name_label.setObjectName("AboutName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        layout.addWidget(self.name_label)
        self.version_label = PlainLabel(self)
        self.version_label.setObjectName("AboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.version_label)
        self.blurb_label = PlainLabel(self)
        self.blurb_label.setWordWrap(True)
        layout.addWidget(self.blurb_label)

        self.demo_label = PlainLabel(self)
        self.demo_label.setObjectName("AboutDemo")
        self.demo_label.setWordWrap(True)
        set_themed_style(
            self.demo_label,
            "#AboutDemo { background: $warning_bg; color: $warning_fg; border-radius: 6px;"
            " padding: 6px; }",
        )
        self.demo_label.setVisible(ctx.demo_mode)
        layout.addWidget(self.demo_label)
        # Who set the app up and where to get help (provisioned), as plain text.
        self.organization_label = PlainLabel(self)
        self.organization_label.setObjectName("AboutOrganization")
        self.organization_label.setWordWrap(True)
        self.organization_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.organization_label.setVisible(bool(ctx.settings.organization))
        layout.addWidget(self.organization_label)
        self.support_label = PlainLabel(self)
        self.support_label.setObjectName("AboutSupport")
        self.support_label.setWordWrap(True)
        self.support_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.support_label.setVisible(bool(ctx.settings.support))
        layout.addWidget(self.support_label)
        links = QHBoxLayout()
        links.setSpacing(16)
        self.website_button = self._link_button("AboutWebsite", website(ctx.settings))
        links.addWidget(self.website_button)
        self.support_button = self._link_button("AboutSupportLink", support_address(ctx.settings))
        self.support_button.setVisible(bool(ctx.settings.support))
        links.addWidget(self.support_button)
        links.addStretch(1)
        layout.addLayout(links)

        layout.addSpacing(6)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self._rows: list[tuple[QLabel, QLabel, QPushButton]] = []
        self.settings_path = Path(ctx.settings.path)
        self.log_path = Path(ctx.paths.log_file)
        self.data_path = Path(ctx.paths.data_dir)
        for row, (path, folder) in enumerate(
            (
                (self.settings_path, self.settings_path.parent),
                (self.log_path, self.log_path.parent),
                (self.data_path, self.data_path),
            )
        ):
            caption = PlainLabel(self)
            # A long path loses its middle; the tooltip has it whole.
            value = ElidedLabel(shown(str(path)), self, mode=Qt.TextElideMode.ElideMiddle)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setMinimumWidth(260)
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, f=folder: self._open_folder(f))
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(button, row, 2)
            self._rows.append((caption, value, button))
        layout.addLayout(grid)
        self.settings_value = self._rows[0][1]
        self.log_value = self._rows[1][1]
        self.data_value = self._rows[2][1]

        layout.addSpacing(6)
        self.tech_label = PlainLabel(self)
        self.tech_label.setObjectName("AboutTech")
        self.tech_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_themed_style(self.tech_label, "#AboutTech { color: $muted; }")
        layout.addWidget(self.tech_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        keep_wrapped_text_whole(self)
        self.retranslate()

    def _link_button(self, name: str, address: str) -> QPushButton:
        """A button drawn as a link that opens ``address`` in the browser."""
        button = link_button(name, self)
        button.setToolTip(tooltip_text(shown(address)))
        button.clicked.connect(lambda _=False: self.ctx.open_url(address))
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        build = build_info()  # git once, from a source checkout; opened after the first paint
        if build.commit:
            version = self.tr("Version {version} (commit {commit}, {date})").format(
                version=build.version, commit=build.short_commit, date=build.date
            )
        else:
            version = self.tr("Version {version}").format(version=build.version)
        self.version_label.setText(version)
        self.blurb_label.setText(
            self.tr(
                "A desktop client for the OhMyGPT API service: sign in with your OhMyGPT "
                "account, see your balance and recharge it."
            )
        )
        self.demo_label.setText(
            self.tr(
                "Demo mode: the app talks to a built-in stand-in of the OhMyGPT service on "
                "this computer. Its users, balances and payments are made up; no real money "
                "is involved. Demo mode keeps its own settings and order history."
            )
        )
        self.organization_label.setText(
            self.tr("Set up for you by {organization}.").format(
                organization=shown(self.ctx.settings.organization)
            )
        )
        self.support_label.setText(support_line(self.ctx.settings))
        self.website_button.setText(self.tr("OhMyGPT website"))
        self.support_button.setText(self.tr("Contact support"))
        captions = (self.tr("Settings file:"), self.tr("Log file:"), self.tr("Data folder:"))
        for (caption, _value, button), text in zip(self._rows, captions, strict=True):
            caption.setText(text)
            button.setText(self.tr("Open folder"))
        self.tech_label.setText(
            self.tr("Qt {qt} · PySide6 {pyside} · Python {python}").format(
                qt=qVersion(), pyside=PYSIDE_VERSION, python=platform.python_version()
            )
        )
