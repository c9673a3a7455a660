"""A token-exchange service: the OAuth client secret stays with the organisation.

``python -m ohmygpt_desktop.exchange`` runs it (docs/operations.md#token-exchange-service).
The app sends it the authorization code the person got; the service exchanges the code
at OhMyGPT's issue-token endpoint with the secret only it holds, and answers with the
grant. No Qt.

    from ohmygpt_desktop.exchange import ExchangeConfig, ExchangeServer, SecretSource

    config = ExchangeConfig(
        client_id="…", client_secret=SecretSource.from_file(path), api_base_url="https://…"
    )
    with ExchangeServer(config, port=0) as server:
        server.base_url  # "http://127.0.0.1:PORT"; POST {base_url}/v1/token
"""

from ohmygpt_desktop.exchange.app import HEALTH_PATH, TOKEN_PATH, create_app
from ohmygpt_desktop.exchange.config import ExchangeConfig, SecretSource
from ohmygpt_desktop.exchange.ratelimit import RateLimiter
from ohmygpt_desktop.exchange.server import ExchangeServer

__all__ = [
    "HEALTH_PATH",
    "TOKEN_PATH",
    "ExchangeConfig",
    "ExchangeServer",
    "RateLimiter",
    "SecretSource",
    "create_app",
]
