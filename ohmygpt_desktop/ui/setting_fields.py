"""One row of the Settings dialog per setting, made from its declaration.

:func:`make_field` picks the widget for ``spec.widget`` (a line edit, a spin box
within ``spec.range``, a drop-down list or radio buttons of ``spec.choices``, a
URL list of ``spec.suggestions`` with "Custom…", amounts in ``spec.unit``…) and
gives it the spec's label and help, in the user's language. A field only reads
and shows values; the dialog checks them with the setting's own validation.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.core.settings import FORM_CONTEXT, Applies, Choice, SettingSpec, Widget
from ohmygpt_desktop.translatable import format_template
from ohmygpt_desktop.ui.a11y import name_by_label
from ohmygpt_desktop.ui.formatting import sentence_gap, shown
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.styles import ERROR_TEXT_STYLE, MUTED_TEXT_STYLE, set_themed_style

_CTX = "SettingsDialog"
_tr = QCoreApplication.translate

#: Width of the inputs that hold a short value (a number, an amount, a choice).
_NARROW = 160
_CHOICE_WIDTH = 220


def form_text(text: str) -> str:
    """A label, help text or choice declared with a setting, in the user's language."""
    return _tr(FORM_CONTEXT, text)


def choice_text(choice: Choice) -> str:
    return choice.label if choice.native else form_text(choice.label)


def object_name(name: str) -> str:
    """``refresh_interval_s`` → ``RefreshIntervalS`` (for style sheets and tests)."""
    return "".join(part.capitalize() for part in name.split("_"))


def hint_label(parent: QWidget) -> QLabel:
    """A muted, wrapping line of help."""
    label = PlainLabel(parent)
    label.setWordWrap(True)
    label.setObjectName("Hint")
    set_themed_style(label, MUTED_TEXT_STYLE)
    return label


class SecretBox(QWidget):
    """The OAuth client secret's input (Settings and the first-run form): a password
    field, a hint and an error line, and, where a stored secret can be dropped, a
    "forget" check box. Its owner words them."""

    def __init__(self, parent: QWidget, *, clear_button: bool = False, forget: bool = False):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("ClientSecret")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setClearButtonEnabled(clear_button)
        column.addWidget(self.edit)
        self.hint = hint_label(self)
        self.hint.setObjectName("SecretHint")
        column.addWidget(self.hint)
        self.forget: QCheckBox | None = None
        if forget:
            self.forget = QCheckBox(self)
            self.forget.setObjectName("ForgetSecret")
            self.forget.hide()
            column.addWidget(self.forget)
        self.error = PlainLabel(self)
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        set_themed_style(self.error, ERROR_TEXT_STYLE)
        self.error.hide()
        column.addWidget(self.error)


class SettingField(QWidget):
    """A setting's input(s), then its help, an error line and a "set by …" note."""

    #: The user changed the value.
    changed = Signal()

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(object_name(spec.name) + "Field")
        self.caption = PlainLabel(parent)
        #: The widgets the user edits (made read-only when something else decides).
        self.inputs: list[QWidget] = []
        self._help_params: dict[str, str] = {}
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(3)
        self._build()
        self.hint = hint_label(self)
        self.body.addWidget(self.hint)
        self.error = PlainLabel(self)
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        set_themed_style(self.error, ERROR_TEXT_STYLE)
        self.error.hide()
        self.body.addWidget(self.error)
        self.note = PlainLabel(self)
        self.note.setObjectName("OverrideNote")
        self.note.setWordWrap(True)
        font = self.note.font()
        font.setItalic(True)
        self.note.setFont(font)
        set_themed_style(self.note, MUTED_TEXT_STYLE)
        self.note.hide()
        self.body.addWidget(self.note)

    # ---- per kind

    def _build(self) -> None:
        raise NotImplementedError

    def read(self) -> Any:
        """The value as entered (checked by the setting's validation); ``ValueError``
        with a translated message when it cannot even be read (e.g. not a number)."""
        raise NotImplementedError

    def write(self, value: Any) -> None:
        raise NotImplementedError

    def _retranslate_input(self) -> None:
        """Texts of the input itself (choices, units)."""

    # ---- common

    def set_overridden(self, overridden: bool, *, locked: bool = False) -> None:
        """Something else decides the value: show it, read-only (``locked``, by the
        provisioning: disabled)."""
        for widget in self.inputs:
            if isinstance(widget, QLineEdit) and not locked:
                widget.setReadOnly(overridden)
                widget.setEnabled(True)
                if overridden:
                    widget.setClearButtonEnabled(False)
                # The read-only look comes from a style sheet rule on readOnly.
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            else:
                widget.setEnabled(not overridden)
        self.note.setVisible(overridden)

    def add_below_input(self, item: QWidget | QLayout) -> None:
        """More of the row (a custom part) between the input and the help."""
        index = self.body.indexOf(self.hint)
        if isinstance(item, QWidget):
            self.body.insertWidget(index, item)
        else:
            self.body.insertLayout(index, item)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def set_help_params(self, **params: str) -> None:
        """Values for the ``{placeholders}`` of the help text."""
        self._help_params = params
        self._retranslate_hint()

    def retranslate(self) -> None:
        self.caption.setText(form_text(self.spec.label))
        name_by_label(self.caption)
        self._retranslate_input()
        self._retranslate_hint()

    def _retranslate_hint(self) -> None:
        parts = []
        if self.spec.help:
            parts.append(format_template(form_text(self.spec.help), self._help_params, str))
        if self.spec.applies is Applies.RESTART:
            parts.append(_tr(_CTX, "Takes effect the next time you start the app."))
        self.hint.setText(sentence_gap().join(parts))
        self.hint.setVisible(bool(parts))

    def _line(self, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(object_name(self.spec.name))
        edit.setPlaceholderText(self.spec.placeholder)
        edit.textChanged.connect(self.changed)
        self.inputs.append(edit)
        return edit

    def _with_unit(self, edit: QWidget) -> QWidget:
        """``edit`` then its unit ("USD"), kept narrow."""
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit.setParent(row)
        edit.setMaximumWidth(_NARROW)
        line.addWidget(edit)
        if self.spec.unit is not None:
            line.addWidget(PlainLabel(self.spec.unit.value, row))
        line.addStretch(1)
        return row


class TextField(SettingField):
    def _build(self) -> None:
        self.input = self._line(self)
        self.body.addWidget(self.input)

    def read(self) -> str:
        return self.input.text()

    def write(self, value: Any) -> None:
        self.input.setText(value)


class SpinField(SettingField):
    """Whole numbers (``int``) or tenths (``float``), only within the setting's range."""

    def _build(self) -> None:
        low, high = self.spec.range or (0, 0)
        if self.spec.type is float:
            spin: QSpinBox | QDoubleSpinBox = QDoubleSpinBox(self)
            spin.setDecimals(1)
            spin.setRange(float(low), float(high))
        else:
            spin = QSpinBox(self)
            spin.setRange(int(low), int(high))
        spin.setObjectName(object_name(self.spec.name))
        spin.setMaximumWidth(_NARROW)
        spin.valueChanged.connect(self.changed)
        self.input = spin
        self._loaded: tuple[Any, Any] = (None, None)  # a value written, as the box shows it
        self.inputs.append(spin)
        self.body.addWidget(spin)

    def read(self) -> int | float:
        value, shown_as = self._loaded
        # Untouched: the value itself, not its rounding to the spin box's decimals.
        return value if self.input.value() == shown_as else self.input.value()

    def write(self, value: Any) -> None:
        self.input.setValue(value)
        self._loaded = (value, self.input.value())

    def _retranslate_input(self) -> None:
        if self.spec.unit is not None:
            self.input.setSuffix(form_text(self.spec.unit.value))


class ComboField(SettingField):
    def _build(self) -> None:
        self.input = QComboBox(self)
        self.input.setObjectName(object_name(self.spec.name))
        self.input.setMinimumWidth(_CHOICE_WIDTH)
        self.input.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for choice in self.spec.choices:
            self.input.addItem(choice_text(choice), choice.value)
        self.input.currentIndexChanged.connect(self.changed)
        self.inputs.append(self.input)
        self.body.addWidget(self.input)

    def read(self) -> Any:
        return self.input.currentData()

    def write(self, value: Any) -> None:
        self.input.setCurrentIndex(max(self.input.findData(value), 0))

    def _retranslate_input(self) -> None:
        for index, choice in enumerate(self.spec.choices):
            self.input.setItemText(index, choice_text(choice))


class RadioField(SettingField):
    def _build(self) -> None:
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for choice in self.spec.choices:
            radio = QRadioButton(self)
            radio.setObjectName(f"{object_name(self.spec.name)}_{choice.value}")
            self.group.addButton(radio)
            self.buttons[choice.value] = radio
            self.inputs.append(radio)
            self.body.addWidget(radio)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())

    def read(self) -> str:
        for value, radio in self.buttons.items():
            if radio.isChecked():
                return value
        return self.spec.choices[0].value

    def write(self, value: Any) -> None:
        self.buttons.get(value, next(iter(self.buttons.values()))).setChecked(True)

    def _retranslate_input(self) -> None:
        for choice in self.spec.choices:
            self.buttons[choice.value].setText(choice_text(choice))


class UrlChoiceField(SettingField):
    """The listed URLs (``suggestions``), then "Custom…" with a line edit for any other."""

    def __init__(
        self,
        spec: SettingSpec,
        parent: QWidget | None = None,
        *,
        suggestions: tuple[Choice, ...] | None = None,
    ) -> None:
        self.suggestions = tuple(
            Choice(choice.value.rstrip("/"), choice.label, choice.native)
            for choice in (spec.suggestions if suggestions is None else suggestions)
        )
        super().__init__(spec, parent)

    def _build(self) -> None:
        self.combo = QComboBox(self)
        self.combo.setObjectName(object_name(self.spec.name))
        for choice in self.suggestions:
            self.combo.addItem("", choice.value)
        self.combo.addItem("", None)  # Custom…
        self.combo.currentIndexChanged.connect(self.changed)
        self.inputs.append(self.combo)
        self.row = QHBoxLayout()
        self.row.addWidget(self.combo, 1)
        self.body.addLayout(self.row)
        self.custom = self._line(self)
        self.custom.setObjectName(object_name(self.spec.name) + "Custom")
        self.custom.setClearButtonEnabled(True)
        self.body.addWidget(self.custom)
        self.combo.currentIndexChanged.connect(self._show_custom)

    def _show_custom(self) -> None:
        self.custom.setVisible(self.combo.currentData() is None)

    def read(self) -> str:
        data = self.combo.currentData()
        return data if data is not None else self.custom.text()

    def write(self, value: Any) -> None:
        index = self.combo.findData(value.rstrip("/"))
        if index < 0:
            self.combo.setCurrentIndex(self.combo.count() - 1)
            self.custom.setText(value)
        else:
            self.combo.setCurrentIndex(index)
        self._show_custom()

    def label_of(self, url: str) -> str:
        """ "US main site, direct — api.ohmygpt.com" for a listed URL, else the URL."""
        for choice in self.suggestions:
            if choice.value == url:
                return _tr(_CTX, "{label} — {host}").format(
                    label=choice_text(choice), host=url.split("://", 1)[-1]
                )
        return shown(url)

    def _retranslate_input(self) -> None:
        for index, choice in enumerate(self.suggestions):
            self.combo.setItemText(index, self.label_of(choice.value))
            self.combo.setItemData(index, choice.value, Qt.ItemDataRole.ToolTipRole)
        self.combo.setItemText(self.combo.count() - 1, _tr(_CTX, "Custom…"))
        self.custom.setAccessibleName(
            _tr(_CTX, "{label}: custom address").format(label=form_text(self.spec.label))
        )


class AmountField(SettingField):
    """An amount of money (a comma works as the decimal point; a leading $ is fine)."""

    def _build(self) -> None:
        self.input = self._line(self)
        self.body.addWidget(self._with_unit(self.input))

    def read(self) -> Decimal:
        text = self.input.text().strip().replace(",", ".")
        if text.startswith("$"):
            text = text[1:].strip()
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(
                _tr(_CTX, "Enter an amount in USD, for example 10 or 12.50.")
            ) from None

    def write(self, value: Any) -> None:
        self.input.setText(format(value, "f"))


class AmountsField(SettingField):
    """Amounts separated by commas (ASCII or full-width)."""

    def _build(self) -> None:
        self.input = self._line(self)
        self.body.addWidget(self.input)

    def read(self) -> list[Decimal]:
        amounts: list[Decimal] = []
        for part in self.input.text().replace("，", ",").split(","):
            item = part.strip().lstrip("$").strip()
            if not item:
                continue
            try:
                amounts.append(Decimal(item))
            except InvalidOperation:
                raise ValueError(
                    _tr(_CTX, "“{item}” is not an amount. Separate amounts with commas.").format(
                        item=item
                    )
                ) from None
        return amounts

    def write(self, value: Any) -> None:
        self.input.setText(", ".join(format(amount, "f") for amount in value))


class NumberField(SettingField):
    def _build(self) -> None:
        self.input = self._line(self)
        self.input.setMaximumWidth(_NARROW)
        self.body.addWidget(self.input)

    def read(self) -> Decimal:
        try:
            return Decimal(self.input.text().strip())
        except InvalidOperation:
            raise ValueError(
                _tr(_CTX, "Enter a number, for example {example}.").format(
                    example=format(self.spec.default, "f")
                )
            ) from None

    def write(self, value: Any) -> None:
        self.input.setText(format(value, "f"))


_FIELDS: dict[Widget, type[SettingField]] = {
    Widget.TEXT: TextField,
    Widget.SPIN: SpinField,
    Widget.COMBO: ComboField,
    Widget.RADIO: RadioField,
    Widget.URL_CHOICE: UrlChoiceField,
    Widget.AMOUNT: AmountField,
    Widget.AMOUNTS: AmountsField,
    Widget.NUMBER: NumberField,
}


def make_field(spec: SettingSpec, parent: QWidget | None = None) -> SettingField:
    """The row for ``spec`` (which has a ``widget``)."""
    if spec.widget is None:
        raise ValueError(f"{spec.name} has no widget")
    return _FIELDS[spec.widget](spec, parent)


__all__ = [
    "AmountField",
    "AmountsField",
    "ComboField",
    "NumberField",
    "RadioField",
    "SettingField",
    "SpinField",
    "TextField",
    "UrlChoiceField",
    "choice_text",
    "form_text",
    "hint_label",
    "make_field",
    "object_name",
]
