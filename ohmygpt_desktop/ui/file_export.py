"""Exporting to a file (the Orders and Usage views' Export): where, and the writing.

:func:`ask_export_path` opens the Save dialog without blocking (``open()``, never
``exec()``). The writing is disk work, so it runs in a worker thread: with tens of
thousands of rows it takes a noticeable moment, and the window keeps drawing meanwhile.
Expected failures (the folder cannot be written) become a message; anything else is a
bug and reaches the crash dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP
from ohmygpt_desktop.ui.tasks import Op

_CTX = "FileExport"
#: The formats an export can be written in: the dialog's filter for each.
FILTERS = {
    "csv": QT_TRANSLATE_NOOP(_CTX, "CSV files (*.csv)"),
    "jsonl": QT_TRANSLATE_NOOP(_CTX, "JSON Lines files (*.jsonl)"),
}


def ask_export_path(
    owner: QWidget,
    *,
    title: str,
    object_name: str,
    stem: str,
    kinds: Sequence[str],
    chosen: Callable[[str], object],
) -> QFileDialog:
    """Open a Save dialog (non-blocking) for ``<stem>-<today>.<kind>`` in the
    Documents folder, one filter per kind in ``kinds`` (picking one sets the suffix);
    ``chosen(path)`` when the person picks a file. Returns the dialog (it deletes
    itself when closed)."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    name = "{}-{}.{}".format(stem, datetime.now().strftime("%Y-%m-%d"), kinds[0])
    dialog = QFileDialog(owner, title, str(Path(folder) / name))
    dialog.setObjectName(object_name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    filters = {QCoreApplication.translate(_CTX, FILTERS[kind]): kind for kind in kinds}
    dialog.setNameFilters(list(filters))
    dialog.setDefaultSuffix(kinds[0])
    dialog.filterSelected.connect(lambda text: dialog.setDefaultSuffix(filters.get(text, kinds[0])))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def export_off_thread(
    owner: QObject,
    write: Callable[[], int],
    *,
    expected: type[Exception],
    succeeded: Callable[[int], None],
    failed: Callable[[Exception], None],
    finished: Callable[[], None],
) -> Op[int]:
    """Run ``write`` (returns the rows written) in a worker thread; then ``succeeded``
    with the count, or ``failed`` with an ``expected`` error; ``finished`` either way."""
    import asyncio  # not before the first paint (it is slow to import)

    def failure(exc: Exception) -> None:
        if not isinstance(exc, expected):
            raise exc  # a bug: Op hands it to the crash dialog
        failed(exc)

    op: Op[int] = Op(asyncio.to_thread, write)
    return op.on_success(succeeded).on_failure(failure).on_done(finished).start(owner)


__all__ = ["FILTERS", "ask_export_path", "export_off_thread"]
