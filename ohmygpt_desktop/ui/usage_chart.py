"""The balance chart, drawn with QPainter: the balance over time as a line, top-ups
as markers, the forecast as a dashed line down to zero and, in the full chart,
spending per day as bars with hover values.

The chart keeps a small *model* (:class:`ChartData` plus the geometry helpers
:meth:`UsageChart.x_for` / :meth:`UsageChart.y_for`) that tests check along with
the pixels. Colours come from the palette only, so light and dark follow the
theme as it changes; QPainter scales with the screen's device pixel ratio.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ohmygpt_desktop.core.usage import Forecast, ForecastState, Sample, SampleKind
from ohmygpt_desktop.ui.formatting import (
    format_credits,
    format_local_date,
    format_local_datetime,
)
from ohmygpt_desktop.ui.plain import tooltip_text

_CTX = "UsageChart"
_tr = QCoreApplication.translate


def runs_out_text(forecast: Forecast) -> str:
    """ "Runs out in ~12 days", a range when noisy, "not enough data yet", or "" when
    the balance is not falling."""
    state = forecast.state
    if state is ForecastState.NOT_ENOUGH_DATA:
        return _tr(_CTX, "Not enough data yet for a forecast")
    if state is ForecastState.RAN_OUT:
        return _tr(_CTX, "The balance has run out")
    if state is ForecastState.NOT_FALLING or forecast.days is None:
        return ""
    if forecast.days > 365:
        return _tr(_CTX, "Lasts more than a year at this rate")
    if forecast.days < 1:
        return _tr(_CTX, "Runs out within a day")
    if forecast.noisy and forecast.runs_out_in is not None:
        low, high = forecast.runs_out_in
        if not math.isfinite(high) or high > 365:
            return _tr(_CTX, "Runs out in {low} days or later").format(low=max(1, round(low)))
        return _tr(_CTX, "Runs out in {low}–{high} days").format(
            low=max(1, round(low)), high=max(1, round(high))
        )
    return _tr(_CTX, "Runs out in ~{days} days").format(days=max(1, round(forecast.days)))


def runs_out_short(forecast: Forecast) -> str:
    """The runs-out estimate in a few characters, for a table cell ("~12 d", "3–9 d")."""
    state = forecast.state
    if state is ForecastState.RAN_OUT:
        return _tr(_CTX, "run out")
    if state is not ForecastState.FALLING or forecast.days is None:
        return "—" if state is ForecastState.NOT_FALLING else _tr(_CTX, "no data")
    if forecast.days > 365:
        return _tr(_CTX, "> 1 year")
    if forecast.noisy and forecast.runs_out_in is not None:
        low, high = forecast.runs_out_in
        if math.isfinite(high) and high <= 365:
            return _tr(_CTX, "{low}–{high} d").format(low=round(low), high=round(high))
    return _tr(_CTX, "~{days} d").format(days=round(forecast.days))


@dataclass
class ChartData:
    """What the chart shows."""

    #: The first and last moment on the time axis.
    start: datetime
    end: datetime
    samples: list[Sample] = field(default_factory=list)
    #: The forecast line starts at the newest sample.
    forecast: Forecast | None = None
    #: Credits spent per day (full chart only).
    spending: list[tuple[date, Decimal]] = field(default_factory=list)


class UsageChart(QWidget):
    """A balance chart; ``compact`` for the sparkline in the balance card."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        now = datetime.now().astimezone()
        self.data = ChartData(now - timedelta(days=30), now)
        self._range: tuple[float, float] | None = None
        # Shows a balance for the hover text (the view sets credits or USD).
        self.value_text: Callable[[Decimal], str] = lambda v: _tr(_CTX, "{credits} credits").format(
            credits=format_credits(v)
        )
        self.setMouseTracking(not compact)
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.Fixed if compact else QSizePolicy.Policy.Expanding,
        )
        self.setMinimumHeight(36 if compact else 220)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(240, 36) if self.compact else QSize(560, 260)

    def retranslate(self) -> None:
        self.setAccessibleName(
            _tr(_CTX, "Balance trend") if self.compact else _tr(_CTX, "Balance history chart")
        )
        self._describe()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.update()
        super().changeEvent(event)

    # ------------------------------------------------------------------ model

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self._range = None
        self._describe()
        self.update()

    def _describe(self) -> None:
        samples = self.data.samples
        if not samples:
            self.setAccessibleDescription(_tr(_CTX, "No balance readings in this period."))
            return
        text = _tr(_CTX, "{count} readings from {first} to {last}.").format(
            count=len(samples),
            first=self.value_text(samples[0].balance),
            last=self.value_text(samples[-1].balance),
        )
        if self.data.forecast is not None and runs_out_text(self.data.forecast):
            text += " " + runs_out_text(self.data.forecast) + "."
        self.setAccessibleDescription(text)

    def plot_rect(self) -> QRectF:
        """Where the balance line is drawn (widget coordinates)."""
        r = QRectF(self.rect())
        if self.compact:
            return r.adjusted(2, 4, -2, -4)
        bars = self._bar_height()
        return r.adjusted(8, 10, -8, -(bars + 22))

    def _bar_height(self) -> float:
        return 0.0 if self.compact or not self.data.spending else max(30.0, self.height() * 0.22)

    def bars_rect(self) -> QRectF:
        r = QRectF(self.rect())
        height = self._bar_height()
        return QRectF(r.left() + 8, r.bottom() - height - 18, r.width() - 16, height)

    def x_for(self, moment: datetime) -> float:
        plot = self.plot_rect()
        span = (self.data.end - self.data.start).total_seconds() or 1.0
        share = (moment - self.data.start).total_seconds() / span
        return plot.left() + share * plot.width()

    def _value_range(self) -> tuple[float, float]:
        """The balances the vertical axis spans (computed once per :meth:`set_data`)."""
        if self._range is None:
            values = [float(s.balance) for s in self.data.samples] or [0.0]
            low, high = min(values), max(values)
            forecast = self.data.forecast
            if forecast is not None and forecast.state is ForecastState.FALLING:
                low = 0.0
            if high - low < 1e-9:
                pad = abs(high) * 0.1 or 1.0
                self._range = (low - pad, high + pad)
            else:
                self._range = (low, high + (high - low) * 0.05)
        return self._range

    def y_for(self, value: Decimal | float) -> float:
        plot = self.plot_rect()
        low, high = self._value_range()
        share = (float(value) - low) / (high - low)
        return plot.bottom() - share * plot.height()

    def line_points(self) -> list[QPointF]:
        return [QPointF(self.x_for(s.at), self.y_for(s.balance)) for s in self.data.samples]

    def topup_xs(self) -> list[float]:
        return [self.x_for(s.at) for s in self.data.samples if s.kind is SampleKind.TOPUP]

    def forecast_line(self) -> tuple[QPointF, QPointF] | None:
        """From the newest reading toward zero, ending at the chart's right edge."""
        forecast, samples = self.data.forecast, self.data.samples
        if forecast is None or forecast.state is not ForecastState.FALLING or not samples:
            return None
        if forecast.spent_per_day is None or forecast.spent_per_day <= 0:
            return None
        newest = samples[-1]
        start = QPointF(self.x_for(newest.at), self.y_for(newest.balance))
        days = float(newest.balance / forecast.spent_per_day)
        zero_at = newest.at + timedelta(days=days)
        end_at = min(zero_at, self.data.end)
        left = float(newest.balance) - float(forecast.spent_per_day) * (
            (end_at - newest.at).total_seconds() / 86400
        )
        return start, QPointF(self.x_for(end_at), self.y_for(left))

    # ---------------------------------------------------------------- drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if not self.compact:
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            self._draw_frame(painter, palette)
        if self.data.samples:
            if self.data.spending and not self.compact:
                self._draw_bars(painter, palette)
            self._draw_line(painter, palette)
            self._draw_forecast(painter, palette)
            self._draw_topups(painter, palette)
        elif not self.compact:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.plot_rect(),
                Qt.AlignmentFlag.AlignCenter,
                _tr(_CTX, "No balance readings in this period yet."),
            )
        painter.end()

    def _draw_frame(self, painter: QPainter, palette: QPalette) -> None:
        plot = self.plot_rect()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        metrics = self.fontMetrics()
        bottom = self.rect().bottom() - 2
        for text, align in zip(
            self.axis_dates(),
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight),
            strict=True,
        ):
            box = QRectF(plot.left(), bottom - metrics.height(), plot.width(), metrics.height())
            painter.drawText(box, align, text)
        if self.data.samples:
            _low, high = self._value_range()
            painter.drawText(
                plot.adjusted(2, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                self.value_text(Decimal(str(round(high, 2)))),
            )

    def _line_colour(self, palette: QPalette) -> QColor:
        return palette.color(QPalette.ColorRole.Highlight)

    def _draw_line(self, painter: QPainter, palette: QPalette) -> None:
        points = self.line_points()
        pen = QPen(self._line_colour(palette), 1.6 if self.compact else 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if len(points) == 1:
            painter.drawEllipse(points[0], 2, 2)
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.drawPath(path)

    def _draw_forecast(self, painter: QPainter, palette: QPalette) -> None:
        line = self.forecast_line()
        if line is None:
            return
        pen = QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1.4)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(*line)

    def _draw_topups(self, painter: QPainter, palette: QPalette) -> None:
        colour = palette.color(QPalette.ColorRole.Link)
        plot = self.plot_rect()
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        size = 3.0 if self.compact else 5.0
        for sample in self.data.samples:
            if sample.kind is not SampleKind.TOPUP:
                continue
            x, y = self.x_for(sample.at), self.y_for(sample.balance)
            if not self.compact:
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            triangle = QPainterPath(QPointF(x, y - size * 1.6))
            triangle.lineTo(QPointF(x - size, y))
            triangle.lineTo(QPointF(x + size, y))
            triangle.closeSubpath()
            painter.drawPath(triangle)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def bar_rects(self) -> list[tuple[QRectF, date, Decimal]]:
        spending = self.data.spending
        if not spending or self.compact:
            return []
        area = self.bars_rect()
        top = max((v for _, v in spending), default=Decimal(0))
        width = area.width() / len(spending)
        out = []
        for i, (day, value) in enumerate(spending):
            height = 0.0 if top <= 0 else float(value / top) * area.height()
            rect = QRectF(area.left() + i * width + 1, area.bottom() - height, width - 2, height)
            out.append((rect, day, value))
        return out

    def _draw_bars(self, painter: QPainter, palette: QPalette) -> None:
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        colour.setAlphaF(0.35)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for rect, _day, _value in self.bar_rects():
            painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    # ------------------------------------------------------------------ hover

    def axis_dates(self) -> tuple[str, str]:
        """The first and last day of the time axis, as its labels show them."""
        return format_local_date(self.data.start), format_local_date(self.data.end)

    def hover_text(self, x: float, y: float) -> str:
        """What the tooltip says at a point: the day's spending over a bar, else the
        nearest reading."""
        for rect, day, value in self.bar_rects():
            if rect.left() <= x <= rect.right() and y >= self.bars_rect().top():
                return _tr(_CTX, "{day}: spent {amount}").format(
                    day=format_local_date(day), amount=self.value_text(value)
                )
        samples: Sequence[Sample] = self.data.samples
        if not samples:
            return ""
        nearest = min(samples, key=lambda s: abs(self.x_for(s.at) - x))
        text = _tr(_CTX, "{time}: {balance}").format(
            time=format_local_datetime(nearest.at), balance=self.value_text(nearest.balance)
        )
        if nearest.kind is SampleKind.TOPUP and nearest.topup is not None:
            text += "\n" + _tr(_CTX, "Top-up: +{amount}").format(
                amount=self.value_text(nearest.topup)
            )
        return text

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.hover_text(event.position().x(), event.position().y())
            if text:
                QToolTip.showText(event.globalPos(), tooltip_text(text), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.compact and QToolTip.isVisible():
            position = event.position()
            text = tooltip_text(self.hover_text(position.x(), position.y()))
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        super().mouseMoveEvent(event)


__all__ = ["ChartData", "UsageChart", "runs_out_short", "runs_out_text"]
