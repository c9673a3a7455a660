"""The message a support agent sends a customer with a payment link. Plain Python (no Qt).

The agent picks the message's language independently of the app's (a Japanese
customer of a desk that works in English), so the three texts live here as data,
not in the app's translation files. Each names the amount, the account, the link,
the order number and, for a checkout link, until when it works, in the agent's
time zone (named, with its offset from UTC).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from urllib.parse import quote

from ohmygpt_desktop.core.orders import OrderRecord

#: The languages a message can be written in: code → its name in that language.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "中文", "ja": "日本語"}

_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class _Template:
    subject: str
    greeting: str
    intro: str
    order_line: str
    until_line: str
    closing: str
    amount: str
    when: str
    zone: str


_TEMPLATES: dict[str, _Template] = {
    "en": _Template(
        subject="Your OhMyGPT top-up of {amount}: payment link",
        greeting="Hello,",
        intro="Here is the link to pay {amount} into your OhMyGPT account {email}:",
        order_line="Order number: {order_no}",
        until_line="The link works until {when}.",
        closing="If you have any questions, just reply to this message.",
        amount="${amount}",
        when="{day} {month_name} {year}, {hour:02d}:{minute:02d} ({zone})",
        zone="{name}, UTC{offset}",
    ),
    "zh_CN": _Template(
        subject="您的 OhMyGPT 充值（{amount}）付款链接",
        greeting="您好，",
        intro="请通过以下链接为您的 OhMyGPT 账户 {email} 充值 {amount}：",
        order_line="订单号：{order_no}",
        until_line="该链接的有效期至 {when}。",
        closing="如有任何问题，请直接回复此邮件。",
        amount="{amount} 美元",
        when="{year}年{month}月{day}日 {hour:02d}:{minute:02d}（{zone}）",
        zone="{name}，UTC{offset}",
    ),
    "ja": _Template(
        subject="OhMyGPT へのチャージ（{amount}）のお支払いリンク",
        greeting="こんにちは。",
        intro="OhMyGPT アカウント {email} に {amount} をチャージするためのお支払いリンクです：",
        order_line="注文番号：{order_no}",
        until_line="このリンクの有効期限：{when}",
        closing="ご不明な点がございましたら、このメールにそのままご返信ください。",
        amount="{amount} 米ドル",
        when="{year}年{month}月{day}日 {hour:02d}:{minute:02d}（{zone}）",
        zone="{name}、UTC{offset}",
    ),
}


@dataclass(frozen=True)
class CustomerMessage:
    subject: str
    body: str

    def mailto(self, to: str = "") -> str:
        """A ``mailto:`` URL that opens this message as an e-mail draft (RFC 6068:
        every part percent-encoded as UTF-8, line breaks as CRLF)."""

        def enc(text: str) -> str:
            return quote(text, safe="")

        body = self.body.replace("\r\n", "\n").replace("\n", "\r\n")
        return f"mailto:{quote(to, safe='@')}?subject={enc(self.subject)}&body={enc(body)}"


def _zone_text(moment: datetime, template: str) -> str:
    offset = moment.utcoffset()
    minutes = 0 if offset is None else int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    offset_text = f"{sign}{hours:02d}:{rest:02d}"
    name = moment.tzname() or ""
    if not name or (name in {"UTC", "GMT"} and minutes == 0):
        return "UTC"
    if name.startswith(("+", "-")):  # a zone with no abbreviation names its offset
        return f"UTC{offset_text}"
    return template.format(name=name, offset=offset_text)


def format_until(moment: datetime, language: str, zone: tzinfo) -> str:
    """``moment`` as the ``language`` message writes it, in ``zone``, the zone named."""
    template = _TEMPLATES[language]
    local = moment.astimezone(zone)
    return template.when.format(
        year=local.year,
        month=local.month,
        month_name=_EN_MONTHS[local.month - 1],
        day=local.day,
        hour=local.hour,
        minute=local.minute,
        zone=_zone_text(local, template.zone),
    )


def _amount(value: Decimal, language: str) -> str:
    figures = f"{value.quantize(Decimal('0.01')):,}"
    return _TEMPLATES[language].amount.format(amount=figures)


def customer_message(record: OrderRecord, language: str, zone: tzinfo) -> CustomerMessage:
    """The message for ``record`` (an order with a payment link) in ``language``
    (a key of :data:`LANGUAGES`), times in ``zone`` (the agent's)."""
    template = _TEMPLATES[language]
    amount = _amount(record.amount, language)
    lines = [
        template.greeting,
        "",
        template.intro.format(amount=amount, email=record.email),
        "",
        record.checkout_url or "",
        "",
        template.order_line.format(order_no=record.order_no or ""),
    ]
    if record.expires_at is not None:
        lines.append(
            template.until_line.format(when=format_until(record.expires_at, language, zone))
        )
    lines += ["", template.closing]
    return CustomerMessage(template.subject.format(amount=amount), "\n".join(lines))


__all__ = ["LANGUAGES", "CustomerMessage", "customer_message", "format_until"]
