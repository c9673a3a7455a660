"""The token-exchange service over HTTP, in a background thread."""

from __future__ import annotations

from ohmygpt_desktop.exchange.app import create_app
from ohmygpt_desktop.exchange.config import ExchangeConfig
from ohmygpt_desktop.serving import BackgroundServer


class ExchangeServer(BackgroundServer):
    """``create_app(config)`` on ``http://HOST:PORT`` (plain HTTP: put TLS in front).

    ``forwarded_allow_ips``: the reverse proxies (addresses, networks or ``*``) whose
    ``X-Forwarded-For`` names the real client, for the rate limit; ``None`` or ``""``
    trusts no such header.
    """

    def __init__(
        self,
        config: ExchangeConfig,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        forwarded_allow_ips: str | None = None,
        log_level: str | None = None,
    ) -> None:
        self.config = config
        super().__init__(
            create_app(config),
            host,
            port,
            access_log=False,  # the app logs requests itself, without query strings
            log_level=log_level,
            lifespan="on",
            forwarded_allow_ips=forwarded_allow_ips,
            name="token-exchange",
        )
