"""What a release holds besides the packages (standard library only).

* :func:`write_bundle_requirements` (called by ``build.spec``): the Python
  distributions whose modules went into the bundle, ``name==version`` per line, in
  ``dist/ohmygpt-desktop.requirements.txt`` (beside the bundle, not in it);
* :func:`write_sbom`: a CycloneDX JSON SBOM of those packages, made by the kept tool
  ``cyclonedx-py`` (the ``build`` extra) in its reproducible mode (no timestamp, no
  random serial number), with the app as the main component;
* :func:`write_sha256sums`: ``SHA256SUMS`` as ``sha256sum -c`` reads it;
* :func:`bundle_build_info`: the version, commit and commit time ``build.spec`` baked
  into a bundle (``dist`` names and dates the packages with them, not with the checkout).

Used by ``python3 .ci/dev.py build`` / ``dist``; tests/test_release_files.py.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

#: Our own package: the SBOM's main component, not one of its libraries.
OWN_PACKAGE = "ohmygpt_desktop"


def bundled_distributions(modules: Iterable[str]) -> dict[str, str]:
    """``{distribution: version}`` of the installed distributions that provide
    ``modules`` (dotted names, as PyInstaller lists them); the standard library and our
    own package are left out."""
    providers = metadata.packages_distributions()
    found: dict[str, str] = {}
    for top in sorted({module.split(".", 1)[0] for module in modules}):
        if top == OWN_PACKAGE:
            continue
        for name in providers.get(top, []):
            found[name] = metadata.version(name)
    return dict(sorted(found.items(), key=lambda item: item[0].lower()))


def write_bundle_requirements(pure: Iterable[Sequence[Any]], path: Path) -> Path:
    """``path`` lists the distributions of the modules in PyInstaller's ``a.pure`` TOC."""
    packages = bundled_distributions(entry[0] for entry in pure)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{name}=={version}\n" for name, version in packages.items()))
    return path


def write_sbom(requirements: Path, out: Path, *, tool: Path, pyproject: Path, version: str) -> Path:
    """``out``: the CycloneDX JSON SBOM of ``requirements`` made by ``tool``
    (``cyclonedx-py``), the app (named by ``pyproject``) at ``version`` as its main
    component. Raises ``subprocess.CalledProcessError`` when the tool fails."""
    subprocess.run(
        [
            *(str(tool), "requirements", "--of", "JSON", "--output-reproducible"),
            *("--pyproject", str(pyproject), "--mc-type", "application"),
            *("-o", str(out), str(requirements)),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    # The version is dynamic in pyproject.toml, so the tool cannot read it: the bundle's.
    bom = json.loads(out.read_text(encoding="utf-8"))
    bom.setdefault("metadata", {}).setdefault("component", {})["version"] = version
    out.write_text(json.dumps(bom, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return out


def write_sha256sums(files: Iterable[Path], out: Path) -> Path:
    """``out`` (``SHA256SUMS``): one ``<sha256>  <name>`` line per file, sorted by name;
    each file must be in ``out``'s folder (``sha256sum -c`` runs there)."""
    lines = []
    for path in sorted(files, key=lambda p: p.name):
        if path.parent.resolve() != out.parent.resolve():
            raise ValueError(f"{path} is not beside {out}")
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
        lines.append(f"{digest.hexdigest()}  {path.name}\n")
    out.write_text("".join(lines))
    return out


def bundle_build_info(bundle: Path) -> dict[str, Any]:
    """What ``build.spec`` baked into ``bundle`` (``version``, ``commit``, ``date``,
    ``epoch``); raises ``OSError``/``ValueError`` when it is missing or unreadable."""
    found = sorted(bundle.glob("**/resources/build-info.json"))
    if not found:
        raise OSError(f"no resources/build-info.json in {bundle}: rebuild it")
    info = json.loads(found[0].read_text(encoding="utf-8"))
    if not isinstance(info, dict) or not all(k in info for k in ("version", "commit", "epoch")):
        raise ValueError(f"{found[0]} is not a build-info file")
    return info
