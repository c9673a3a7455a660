"""Server and user text made safe to show: nothing in it can hide or reorder what is seen.

An email address, user id, order number, host or server message is shown to the
person who is about to pay, so what they read must be exactly the value the app
uses. Characters that draw nothing or change how the text around them is drawn
(bidi overrides and isolates, zero-width spaces and joiners, the byte order mark,
control characters, line separators, unassigned code points, and the other
default-ignorable code points such as variation selectors and Hangul fillers) are
replaced by a visible escape in Python's notation (``\\u202e``). Every other
character is kept, so ordinary addresses are shown unchanged.

Markup (``<b>``, ``&amp;``) is not touched here: the widgets show these values as
plain text (see ``ohmygpt_desktop.ui.plain``). Imports no Qt.
"""

from __future__ import annotations

import unicodedata

#: Categories shown as escapes: controls, format characters (bidi controls, zero-width
#: characters, U+FEFF, tags), surrogates, private use, unassigned, line/paragraph
#: separators.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

#: Default-ignorable code points outside those categories: they draw nothing either.
_IGNORABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong/jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0100, 0xE01EF),  # variation selectors supplement
)

#: What :func:`visible_text` keeps as it is with ``multiline=True``.
_LINE_BREAKS = frozenset("\n\t")


def _hidden(char: str) -> bool:
    if unicodedata.category(char) in _ESCAPED_CATEGORIES:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _IGNORABLE_RANGES)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible_text(text: str, *, multiline: bool = False) -> str:
    """``text`` with every invisible or reordering character shown as ``\\uXXXX``.

    ``multiline`` keeps newlines and tabs (for a details pane); otherwise they are
    escaped too, so a one-line value stays one line.
    """
    if text.isascii() and text.isprintable():  # the common case: nothing to do
        return text
    return "".join(
        _escape(char) if _hidden(char) and not (multiline and char in _LINE_BREAKS) else char
        for char in text
    )


__all__ = ["visible_text"]
