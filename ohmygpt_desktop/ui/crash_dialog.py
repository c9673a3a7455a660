"""The one place unexpected errors end up: a calm dialog, a redacted traceback, the log.

:func:`install_crash_handler` routes every kind of unhandled error here:

* ``sys.excepthook`` – plain Qt slots, and ``qasync.asyncSlot`` coroutines (qasync
  reports their failures through ``sys.excepthook``);
* ``threading.excepthook`` – worker threads (delivered to the GUI thread by a
  queued signal);
* :func:`ohmygpt_desktop.ui.tasks.set_unexpected_error_handler` – ``Op`` callbacks
  and ops without ``on_failure``;
* the asyncio loop's exception handler – callbacks on the loop and tasks whose
  exception nobody retrieved.

Only one dialog is ever open: further errors are appended to it ("and 3 more").
The traceback shown is passed through :func:`ohmygpt_desktop.core.logs.redact`
and is only visible in the collapsed *Details*; the error is also logged (the
log's filter redacts it again).
"""

from __future__ import annotations

import asyncio
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop import APP_NAME, __version__
from ohmygpt_desktop.core.display import visible_text
from ohmygpt_desktop.core.logs import redact
from ohmygpt_desktop.ui import tasks
from ohmygpt_desktop.ui.errors import support_text
from ohmygpt_desktop.ui.formatting import sentence_gap
from ohmygpt_desktop.ui.plain import PlainLabel, tooltip_text

log = logging.getLogger(__name__)

#: Tracebacks kept for the Details pane; later errors are only counted.
MAX_KEPT_REPORTS = 20

FolderOpener = Callable[[Path], bool]
ParentGetter = Callable[[], QWidget | None]


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the platform's file manager; False when that is not possible."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def format_redacted(exc: BaseException, tb: TracebackType | None = None) -> str:
    """The traceback of ``exc`` as text, with tokens, secrets and links removed."""
    try:
        lines = traceback.format_exception(type(exc), exc, tb or exc.__traceback__)
        text = "".join(lines)
    except Exception:  # formatting must never be the second crash
        text = f"{type(exc).__name__} (the traceback could not be formatted)\n"
    return redact(text)


@dataclass
class CrashReport:
    """One unexpected error, already redacted."""

    context: str
    text: str
    fatal: bool = False
    when: datetime = field(default_factory=datetime.now)

    @classmethod
    def from_exception(
        cls,
        exc: BaseException,
        context: str = "",
        *,
        tb: TracebackType | None = None,
        fatal: bool = False,
    ) -> CrashReport:
        return cls(context=redact(context), text=format_redacted(exc, tb), fatal=fatal)


def environment_summary() -> str:
    return (
        f"{APP_NAME} {__version__} · Python {platform.python_version()} · "
        f"Qt {qVersion()} · PySide6 {PYSIDE_VERSION} · {platform.platform()}"
    )


class CrashDialog(QDialog):
    """Shows one or more unexpected errors. Never shows an unredacted traceback."""

    #: The person acknowledged a fatal error: the app should now close.
    quitRequested = Signal()

    def __init__(
        self,
        log_path: Path | None = None,
        parent: QWidget | None = None,
        *,
        folder_opener: FolderOpener = open_folder,
        support: tuple[str, str] = ("", ""),
    ) -> None:
        """``support``: the organisation and its support address, if provisioned."""
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self._support = support
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._log_path = Path(log_path) if log_path else None
        self._open_folder = folder_opener
        self._reports: list[CrashReport] = []
        self._count = 0
        self._fatal = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)

        top = QHBoxLayout()
        top.setSpacing(14)
        self.icon_label = PlainLabel(self)
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.icon_label)
        text_column = QVBoxLayout()
        text_column.setSpacing(6)
        self.title_label = PlainLabel(self)
        self.title_label.setObjectName("CrashTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        text_column.addWidget(self.title_label)
        self.summary_label = PlainLabel(self)
        self.summary_label.setObjectName("CrashSummary")
        self.summary_label.setWordWrap(True)
        text_column.addWidget(self.summary_label)
        #: What to do next, and whom to ask when the deployment names a contact.
        self.next_label = PlainLabel(self)
        self.next_label.setObjectName("CrashNext")
        self.next_label.setWordWrap(True)
        self.next_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_column.addWidget(self.next_label)
        self.more_label = PlainLabel(self)
        self.more_label.setObjectName("CrashMore")
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        text_column.addWidget(self.more_label)
        top.addLayout(text_column, 1)
        layout.addLayout(top)

        log_row = QHBoxLayout()
        self.log_caption = PlainLabel(self)
        log_row.addWidget(self.log_caption)
        self.log_path_label = PlainLabel(self)
        self.log_path_label.setObjectName("CrashLogPath")
        self.log_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        log_row.addWidget(self.log_path_label, 1)
        self.open_log_button = QPushButton(self)
        self.open_log_button.setObjectName("OpenLogFolder")
        self.open_log_button.clicked.connect(self._open_log_folder)
        log_row.addWidget(self.open_log_button)
        layout.addLayout(log_row)
        if self._log_path is None:
            self.log_caption.hide()
            self.log_path_label.hide()
            self.open_log_button.hide()
        else:
            self.log_path_label.setText(visible_text(str(self._log_path)))
            self.log_path_label.setToolTip(tooltip_text(visible_text(str(self._log_path))))

        self.details_toggle = QToolButton(self)
        self.details_toggle.setObjectName("DetailsToggle")
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.toggled.connect(self.set_details_visible)
        layout.addWidget(self.details_toggle)

        self.details = QPlainTextEdit(self)
        self.details.setObjectName("CrashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(240)
        self.details.hide()
        layout.addWidget(self.details, 1)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("CopyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addWidget(self.copy_button)
        self.copied_label = PlainLabel(self)
        self.copied_label.setObjectName("CopiedNote")
        self.copied_label.hide()
        buttons.addWidget(self.copied_label)
        buttons.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("CloseButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.timeout.connect(self.copied_label.hide)

        self.setMinimumWidth(560)
        self.finished.connect(self._on_finished)
        self.retranslate()

    # ------------------------------------------------------------- content

    @property
    def count(self) -> int:
        """How many errors this dialog has received."""
        return self._count

    @property
    def fatal(self) -> bool:
        return self._fatal

    def add_report(self, report: CrashReport) -> None:
        self._count += 1
        if len(self._reports) < MAX_KEPT_REPORTS:
            self._reports.append(report)
        if report.fatal:
            self._fatal = True
        self._refresh()

    def details_text(self) -> str:
        """Everything in the Details pane (redacted), as copied to the clipboard."""
        parts = [environment_summary(), ""]
        total = self._count
        for index, report in enumerate(self._reports, start=1):
            where = f" in {report.context}" if report.context else ""
            heading = f"--- Error {index} of {total} at {report.when:%Y-%m-%d %H:%M:%S}{where} ---"
            parts.append(heading)
            parts.append(report.text.rstrip("\n"))
            parts.append("")
        hidden = total - len(self._reports)
        if hidden > 0:
            parts.append(f"... and {hidden} more errors (see the log file)")
        # Every piece was redacted when it arrived (redacting twice is not idempotent).
        return "\n".join(parts).rstrip("\n") + "\n"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copied_label.show()
        self._copied_timer.start(3000)

    def set_details_visible(self, visible: bool) -> None:
        if self.details_toggle.isChecked() != visible:
            self.details_toggle.setChecked(visible)  # re-enters through toggled
            return
        self.details_toggle.setArrowType(
            Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
        )
        self.details.setVisible(visible)
        self._retranslate_toggle()
        if visible:
            self.resize(max(self.width(), 760), max(self.height(), self.sizeHint().height()))
        else:
            self.adjustSize()

    def _refresh(self) -> None:
        scroll = self.details.verticalScrollBar()
        at_end = scroll.value() >= scroll.maximum() - 2
        # Shown with every character visible (copied as it is).
        self.details.setPlainText(visible_text(self.details_text(), multiline=True))
        if at_end:
            scroll.setValue(scroll.maximum())
        self.retranslate()

    def _open_log_folder(self) -> None:
        if self._log_path is not None:
            self._open_folder(self._log_path.parent)

    def _on_finished(self, _result: int) -> None:
        if self._fatal:
            self.quitRequested.emit()

    # ---------------------------------------------------------- translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        style = self.style()
        icon = style.standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical
            if self._fatal
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self.icon_label.setPixmap(icon.pixmap(40, 40))
        self.setWindowTitle(self.tr("Unexpected error – {app}").format(app=APP_NAME))
        help_line = support_text(*self._support)
        if self._fatal:
            self.title_label.setText(self.tr("The app has to close"))
            self.summary_label.setText(
                self.tr(
                    "It ran into a problem it cannot recover from. Your settings and order "
                    "history are saved."
                )
            )
            steps = self.tr("Start the app again.")
            self.close_button.setText(self.tr("Quit"))
        else:
            self.title_label.setText(self.tr("Something went wrong"))
            self.summary_label.setText(
                self.tr(
                    "The app is still running: close this window and keep working. Your "
                    "settings and order history are safe."
                )
            )
            steps = ""
            self.close_button.setText(self.tr("Close"))
        if help_line:
            again = self.tr(
                "If this keeps happening, copy the details and send them with your question."
            )
            steps = f"{steps}{sentence_gap()}{again}" if steps else again
            steps = f"{steps}\n{help_line}"
        elif not steps:
            steps = self.tr("If this keeps happening, restarting the app usually helps.")
        self.next_label.setText(steps)
        more = self._count - 1
        if more > 0:
            if more == 1:
                text = self.tr("One more error happened since this window opened.")
            else:
                text = self.tr("{count} more errors happened since this window opened.")
            self.more_label.setText(text.format(count=more))
            self.more_label.show()
        else:
            self.more_label.hide()
        self.log_caption.setText(self.tr("Log file:"))
        self.open_log_button.setText(self.tr("Open folder"))
        self.copy_button.setText(self.tr("Copy details"))
        self.copy_button.setToolTip(
            self.tr("Copy the details (tokens and secrets removed) to the clipboard.")
        )
        self.copied_label.setText(self.tr("Copied."))
        self._retranslate_toggle()

    def _retranslate_toggle(self) -> None:
        self.details_toggle.setText(
            self.tr("Hide details") if self.details_toggle.isChecked() else self.tr("Details")
        )


class CrashHandler(QObject):
    """Collects unexpected errors from every source into one :class:`CrashDialog`."""

    #: A report, delivered to the GUI thread (queued, also from the GUI thread itself).
    _received = Signal(object)
    #: Emitted when a dialog opens (tests and the main window may want it).
    dialogShown = Signal(object)

    def __init__(
        self,
        log_path: Path | None,
        parent_getter: ParentGetter | None = None,
        *,
        folder_opener: FolderOpener = open_folder,
        support: tuple[str, str] = ("", ""),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.support = support
        self._parent_getter = parent_getter or (lambda: None)
        self._folder_opener = folder_opener
        self._dialog: CrashDialog | None = None
        self._local = threading.local()
        self._installed = False
        self._previous_excepthook: Callable[..., Any] | None = None
        self._previous_threading_hook: Callable[..., Any] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_loop_handler: Any = None
        #: Called after the person closed a fatal-error dialog (app.py closes the app).
        self.on_fatal: Callable[[], None] | None = None
        self._received.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------ reporting

    @property
    def dialog(self) -> CrashDialog | None:
        """The open dialog, if any."""
        if self._dialog is not None and not isValid(self._dialog):
            self._dialog = None
        return self._dialog

    def report(
        self,
        exc: BaseException,
        context: str = "",
        *,
        tb: TracebackType | None = None,
        fatal: bool = False,
    ) -> None:
        """Log ``exc`` and show it in the dialog. Safe to call from any thread."""
        if getattr(self._local, "busy", False):  # an error while reporting an error
            sys.__excepthook__(type(exc), exc, tb or exc.__traceback__)
            return
        self._local.busy = True
        try:
            log.error(
                "Unexpected error%s",
                f" in {context}" if context else "",
                exc_info=(type(exc), exc, tb or exc.__traceback__),
            )
            report = CrashReport.from_exception(exc, context, tb=tb, fatal=fatal)
            if isValid(self):
                self._received.emit(report)
        except Exception:
            sys.__excepthook__(type(exc), exc, tb or exc.__traceback__)
        finally:
            self._local.busy = False

    def _show(self, report: CrashReport) -> None:
        try:
            dialog = self.dialog
            if dialog is None:
                # Over a modal dialog when one is open (else it could not be reached).
                parent = QApplication.activeModalWidget() or self._parent_getter()
                if parent is not None and not isValid(parent):
                    parent = None
                dialog = CrashDialog(
                    self.log_path, parent, folder_opener=self._folder_opener, support=self.support
                )
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.finished.connect(self._on_dialog_finished)
                dialog.quitRequested.connect(self._on_quit_requested)
                self._dialog = dialog
                dialog.add_report(report)
                dialog.show()
                dialog.raise_()
                dialog.activateWindow()
                self.dialogShown.emit(dialog)
            else:
                dialog.add_report(report)
        except Exception:
            log.exception("The error dialog could not be shown")

    def _on_dialog_finished(self, _result: int) -> None:
        self._dialog = None

    def _on_quit_requested(self) -> None:
        if self.on_fatal is not None:
            self.on_fatal()

    # ---------------------------------------------------------------- hooks

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if not isinstance(exc, Exception):  # KeyboardInterrupt and friends
            (self._previous_excepthook or sys.__excepthook__)(exc_type, exc, tb)
            return
        self.report(exc, "", tb=tb)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        exc = args.exc_value
        if exc is None or not isinstance(exc, Exception):
            (self._previous_threading_hook or threading.__excepthook__)(args)
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(exc, f"thread {name}", tb=args.exc_traceback)

    def unexpected(self, exc: BaseException, context: str) -> None:
        """``ui.tasks`` handler: failures nobody handled, errors in Op callbacks."""
        if not isinstance(exc, Exception):
            log.error("Unhandled %s in %s", type(exc).__name__, context, exc_info=exc)
            return
        self.report(exc, context)

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        exc = context.get("exception")
        message = str(context.get("message") or "asyncio")
        if isinstance(exc, Exception):
            self.report(exc, message)
        else:
            log.warning("asyncio: %s", redact(message))

    # -------------------------------------------------------- installation

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        if not self._installed:
            self._previous_excepthook = sys.excepthook
            self._previous_threading_hook = threading.excepthook
            sys.excepthook = self.excepthook
            threading.excepthook = self.threading_excepthook
            tasks.set_unexpected_error_handler(self.unexpected)
            self._installed = True
        if loop is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
        if loop is not None:
            self.attach_loop(loop)

    def attach_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        """Route ``loop``'s unhandled errors here (call again for a new loop)."""
        if self._loop is loop:
            return
        self._detach_loop()
        self._loop = loop
        self._previous_loop_handler = loop.get_exception_handler()
        loop.set_exception_handler(self.loop_exception_handler)

    def _detach_loop(self) -> None:
        loop, self._loop = self._loop, None
        # (qasync's loop does not report its handler through get_exception_handler().)
        if loop is not None and not loop.is_closed():
            loop.set_exception_handler(self._previous_loop_handler)
        self._previous_loop_handler = None

    def uninstall(self) -> None:
        """Put back the hooks there were before (tests, shutdown)."""
        if self._installed:
            if sys.excepthook == self.excepthook:
                sys.excepthook = self._previous_excepthook or sys.__excepthook__
            if threading.excepthook == self.threading_excepthook:
                threading.excepthook = self._previous_threading_hook or threading.__excepthook__
            tasks.set_unexpected_error_handler(None)
            self._installed = False
        self._detach_loop()


def install_crash_handler(
    ctx_or_log_path: Any,
    parent_getter: ParentGetter | None = None,
    *,
    loop: asyncio.AbstractEventLoop | None = None,
    folder_opener: FolderOpener = open_folder,
    support: tuple[str, str] = ("", ""),
) -> CrashHandler:
    """Send every unexpected error to one crash dialog; returns the handler.

    ``ctx_or_log_path``: the :class:`~ohmygpt_desktop.core.context.AppContext` (its log file
    is shown), a path to the log file, or ``None``. ``parent_getter`` returns the
    window to put the dialog over (called when a dialog opens). ``loop``: the
    asyncio loop to watch; default the running loop, if any (else call
    :meth:`CrashHandler.attach_loop` later). ``support``: the organisation and its support
    address (provisioned), for the dialog to say where to get help.
    """
    paths = getattr(ctx_or_log_path, "paths", None)
    if paths is not None:
        log_path: Path | None = paths.log_file
    elif ctx_or_log_path is None:
        log_path = None
    else:
        log_path = Path(ctx_or_log_path)
    handler = CrashHandler(log_path, parent_getter, folder_opener=folder_opener, support=support)
    handler.install(loop)
    return handler


__all__ = [
    "CrashDialog",
    "CrashHandler",
    "CrashReport",
    "format_redacted",
    "install_crash_handler",
    "open_folder",
]
