#!/usr/bin/env python3
"""Sign an update feed: ``python3 .ci/dev.py sign-feed FEED.json --key PRIVATE_KEY``.

Reads the feed (a JSON object: latest_version, minimum_safe_version, release_notes_url,
download_url, published), checks that it says what the app expects, and prints the
signed envelope ``{"payload": "<base64 of the feed's bytes>", "signature": "<base64>"}``
(or writes it to ``--output``). The private key is an Ed25519 key in PEM (PKCS#8), read
from the file ``--key`` or, without it, from the environment variable
``OHMYGPT_FEED_SIGNING_KEY`` (the PEM text itself, for CI secrets). It never belongs in
the repository: only the public key is (``resources/update-feed-key.pub``).

Needs ``cryptography`` (the app's own dependency): dev.py runs it with the project's
virtual environment. ``--new-key FILE`` writes a fresh private key (owner-only) and
prints its public key, for a new project key or a test.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path

KEY_ENV = "OHMYGPT_FEED_SIGNING_KEY"
REQUIRED = ("latest_version", "minimum_safe_version", "release_notes_url", "download_url")


def public_key_of(private_pem: bytes) -> str:
    """The base64 public key (what the app ships or provisions) of a PEM private key."""
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(private_pem, password=None)
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def new_key(path: Path) -> str:
    """Write a new Ed25519 private key to ``path`` (0600); return its public key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return public_key_of(pem)


def check_feed(payload: bytes) -> None:
    """ValueError unless ``payload`` is a feed object with every field the app needs."""
    feed = json.loads(payload)
    if not isinstance(feed, dict):
        raise ValueError("the feed must be a JSON object")
    missing = [name for name in REQUIRED if not isinstance(feed.get(name), str)]
    if missing:
        raise ValueError(f"the feed lacks {', '.join(missing)}")
    for name in ("release_notes_url", "download_url"):
        if not feed[name].startswith("https://"):
            raise ValueError(f"{name} must be an https:// address")


def sign(payload: bytes, private_pem: bytes) -> bytes:
    """The signed envelope of ``payload`` (JSON bytes, ending in a newline)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = serialization.load_pem_private_key(private_pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the key is not an Ed25519 private key")
    envelope = {
        "payload": base64.b64encode(payload).decode("ascii"),
        "signature": base64.b64encode(key.sign(payload)).decode("ascii"),
    }
    return (json.dumps(envelope, indent=2) + "\n").encode("ascii")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py sign-feed", description=__doc__.split("\n")[0])
    parser.add_argument("feed", nargs="?", type=Path, help="the feed's JSON file")
    parser.add_argument("--key", type=Path, help=f"the private key (PEM); else ${KEY_ENV}")
    parser.add_argument("--output", "-o", type=Path, help="write the envelope here")
    parser.add_argument("--new-key", type=Path, metavar="FILE", help="make a new key pair")
    args = parser.parse_args(argv)
    try:
        if args.new_key:
            print(new_key(args.new_key))
            return 0
        if args.feed is None:
            parser.error("give the feed's JSON file")
        if args.key is not None:
            private_pem = args.key.read_bytes()
        elif os.environ.get(KEY_ENV):
            private_pem = os.environ[KEY_ENV].encode("ascii")
        else:
            parser.error(f"give --key FILE or set {KEY_ENV}")
        payload = args.feed.read_bytes()
        check_feed(payload)
        envelope = sign(payload, private_pem)
    except (OSError, ValueError, TypeError) as exc:
        print(f"sign-feed: {exc}", file=sys.stderr)
        return 1
    if args.output:
        args.output.write_bytes(envelope)
        print(f"sign-feed: wrote {args.output} (public key {public_key_of(private_pem)})")
    else:
        sys.stdout.write(envelope.decode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
