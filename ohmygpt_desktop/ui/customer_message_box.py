"""“Message for the customer”: a ready-to-send text with the payment link, in a
language the agent picks (independent of the app's), copied to the clipboard or
opened as an e-mail draft (``mailto:``) through the app's URL opener."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale, QTimer, QTimeZone
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from ohmygpt_desktop.core.customer_message import LANGUAGES, CustomerMessage, customer_message
from ohmygpt_desktop.core.orders import OrderRecord
from ohmygpt_desktop.ui.plain import PlainLabel

log = logging.getLogger(__name__)


def ui_message_language() -> str:
    """The message language that matches the app's language (English otherwise)."""
    name = QLocale().name()
    if name.startswith("zh"):
        return "zh_CN"
    if name.startswith("ja"):
        return "ja"
    return "en"


def agent_zone() -> tzinfo:
    """This computer's time zone (named, e.g. Europe/Berlin → CET), else its UTC offset."""
    try:
        return ZoneInfo(bytes(QTimeZone.systemTimeZoneId().data()).decode())
    except Exception:  # no IANA name, or no time zone data for it
        return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


class CustomerMessageBox(QWidget):
    """A language picker, “Copy message” and “E-mail draft…” for one order.

    ``open_url`` opens the ``mailto:`` draft (the app's browser opener; returns False
    when nothing could open it).
    """

    def __init__(self, open_url: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CustomerMessageBox")
        self._open_url = open_url
        self._record: OrderRecord | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = PlainLabel(self)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("MessageLanguage")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.caption.setBuddy(self.language_combo)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("CopyMessageButton")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_message)
        self.email_button = QPushButton(self)
        self.email_button.setObjectName("EmailDraftButton")
        self.email_button.setAutoDefault(False)
        self.email_button.clicked.connect(self.open_email_draft)
        self.status_label = PlainLabel(self)
        self.status_label.setObjectName("MessageStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.language_combo)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.email_button)
        layout.addWidget(self.status_label, 1)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(4000)
        self._status_timer.timeout.connect(self.status_label.clear)
        self.set_language(ui_message_language())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Message for the customer in:"))
        self.language_combo.setAccessibleName(self.tr("Language of the message"))
        self.copy_button.setText(self.tr("Copy message"))
        self.copy_button.setToolTip(
            self.tr("Copy a ready-to-send text with the amount, the link and until when it works")
        )
        self.email_button.setText(self.tr("E-mail draft…"))
        self.email_button.setToolTip(self.tr("Open the message in your e-mail program"))

    def set_record(self, record: OrderRecord | None) -> None:
        """The order the message is about; no link, no message."""
        self._record = record
        usable = record is not None and bool(record.checkout_url)
        for widget in (self.language_combo, self.copy_button, self.email_button):
            widget.setEnabled(usable)
        self.status_label.clear()

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def set_language(self, code: str) -> None:
        index = self.language_combo.findData(code)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def message(self) -> CustomerMessage | None:
        record = self._record
        if record is None or not record.checkout_url:
            return None
        return customer_message(record, self.language(), agent_zone())

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self._status_timer.start()

    def copy_message(self) -> None:
        message = self.message()
        if message is None:
            return
        QGuiApplication.clipboard().setText(f"{message.subject}\n\n{message.body}")
        self._say(self.tr("Copied."))

    def open_email_draft(self) -> None:
        message = self.message()
        if message is None or self._record is None:
            return
        try:
            opened = bool(self._open_url(message.mailto(self._record.email)))
        except Exception as exc:  # no traceback: the draft carries the payment link
            log.warning("Could not open an e-mail draft (%s)", type(exc).__name__)
            opened = False
        if opened:
            self._say(self.tr("The draft opened in your e-mail program."))
        else:
            self._say(self.tr("No e-mail program could be opened: use “Copy message” instead."))
