"""Addresses of the service's own web pages, for links the app offers.

The service's web pages live on the host of its sign-in pages (the configured
``auth_base_url``; in demo mode the sandbox), so every address here is derived from
it and follows a switch of service or region.

- :func:`website`: the service's home page.
- :func:`orders_page`: where a person sees their recharge orders. ASSUMED: the
  service documents no such page; ``/pay`` is its documented recharge page (the one
  its balance errors point to), which is where its orders are expected to be listed.
  The sandbox serves a page there listing its orders.
- :func:`support_address`: the provisioned ``support`` contact as a link (``mailto:``
  for an e-mail address).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from ohmygpt_desktop.api.endpoints import ORDERS_PAGE

if TYPE_CHECKING:
    from ohmygpt_desktop.core.settings import Settings


def web_base(settings: Settings) -> str:
    """``scheme://host`` of the service's web pages."""
    parts = urlsplit(settings.auth_base_url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def website(settings: Settings) -> str:
    return f"{web_base(settings)}/"


def orders_page(settings: Settings) -> str:
    return f"{web_base(settings)}{ORDERS_PAGE}"


def support_address(settings: Settings) -> str:
    """The support contact as a link: ``mailto:`` an e-mail address, an https://
    address as it is; ``""`` when none is set."""
    support = settings.support
    if not support or "://" in support:
        return support
    return f"mailto:{support}"


__all__ = ["orders_page", "support_address", "web_base", "website"]
