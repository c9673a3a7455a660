"""OhMyGPT Desktop: sign in to OhMyGPT, see your balance, recharge it."""

__version__ = "0.1.0"
APP_NAME = "OhMyGPT Desktop"
APP_ID = "ohmygpt-desktop"
