"""Baking a provisioning file into the bundle (standard library only).

``python3 .ci/dev.py build --provisioning FILE`` checks FILE with the app itself
(``--show-config``, which refuses a bad file with exit status 2), copies it to
``build/provisioning/provisioning.json`` (:func:`stage`) and names that copy in the
environment variable :data:`ENV` for ``build.spec``, whose :func:`datas` entry puts
it at ``resources/provisioning.json`` in the bundle: the app's lowest provisioning
layer (``ohmygpt_desktop/core/provisioning.py``).

Whatever is baked in can be read by anyone who has the bundle, a client secret too
(README, *Provisioning*).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

#: Names the staged provisioning file for build.spec.
ENV = "OHMYGPT_BUNDLE_PROVISIONING"
#: The name the app looks for in its resources folder.
FILE_NAME = "provisioning.json"


def stage(source: Path, build_dir: Path) -> Path:
    """Copy ``source`` to ``build_dir/provisioning/provisioning.json`` (readable by all:
    the bundle is installed for every user); the copy's path."""
    folder = build_dir / "provisioning"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / FILE_NAME
    shutil.copyfile(source, target)
    os.chmod(target, 0o644)
    return target


def datas(environ: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """The PyInstaller ``datas`` entry for the staged file (none when not asked for)."""
    environ = os.environ if environ is None else environ
    named = environ.get(ENV, "").strip()
    if not named:
        return []
    path = Path(named)
    if path.name != FILE_NAME or not path.is_file():
        raise SystemExit(
            f"{ENV}={named}: not a staged {FILE_NAME} (use dev.py build --provisioning)"
        )
    return [(str(path), "resources")]
