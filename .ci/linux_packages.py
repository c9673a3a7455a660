"""Linux packages made from the PyInstaller onedir bundle (standard library + dpkg-deb).

* :func:`build_tarball`: ``ohmygpt-desktop-<version>-<platform>.tar.gz``, one folder
  ``ohmygpt-desktop-<version>/`` to unpack anywhere and run;
* :func:`build_deb`: ``ohmygpt-desktop_<version>_<arch>.deb`` made with ``dpkg-deb``
  alone. It installs

  ==============================================  ====================================
  ``/opt/ohmygpt-desktop/``                       the bundle
  ``/usr/bin/ohmygpt-desktop``                    symlink to the bundle's executable
  ``/usr/share/applications/ohmygpt-desktop.desktop``  the menu entry
  ``/usr/share/icons/hicolor/<size>/apps/``       the icon (PNGs and the SVG)
  ``/etc/xdg/ohmygpt-desktop/``                   empty: where an administrator puts
                                                  the system-wide ``provisioning.json``
  ``/usr/share/doc/ohmygpt-desktop/``             copyright, changelog
  ==============================================  ====================================

  The provisioning folder ships empty on purpose: a file dpkg owns in /etc would be a
  conffile (kept on remove, prompted about on upgrade). An administrator's
  ``provisioning.json`` there is not the package's: it survives remove and purge
  (dpkg then leaves the folder, saying it is not empty).

  No maintainer scripts: the icon cache and the menu are refreshed by the dpkg
  triggers of hicolor-icon-theme and desktop-file-utils.

Every file in both packages is owned by root and readable by everyone; a file keeps
execute permission (0755) when the build gave it any, else it is 0644, and folders are
0755 (a build may leave owner-only modes behind).

Used by ``python3 .ci/dev.py dist``; tests/test_packaging.py builds from a stand-in bundle.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Sequence
from email.utils import formatdate
from pathlib import Path

NAME = "ohmygpt-desktop"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
#: Where the .deb puts the bundle, and where the app looks for system provisioning.
INSTALL_DIR = f"/opt/{NAME}"
PROVISIONING_DIR = f"/etc/xdg/{NAME}"
#: Set DEBFULLNAME and DEBEMAIL to put a real address in the packages you distribute.
DEFAULT_MAINTAINER = "OhMyGPT Desktop maintainers <maintainers@ohmygpt-desktop.invalid>"

SUMMARY = "desktop client for the OhMyGPT API service"
DESCRIPTION = f"""\
Sign in to an OhMyGPT account with OAuth, see its balance and recharge it
with Stripe Checkout, for one account or several. Every order is written
down before it is sent.
.
This is the self-contained build (Python and Qt included), installed in
{INSTALL_DIR}. An organisation can configure it for all users of this
computer with {PROVISIONING_DIR}/provisioning.json."""

COPYRIGHT = f"""\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: OhMyGPT Desktop
Comment: {INSTALL_DIR} is a PyInstaller bundle. Besides the app (MIT) it
 contains, unchanged and dynamically linked: the Python runtime (PSF-2.0),
 Qt 6 and PySide6 (LGPL-3.0), OpenSSL (Apache-2.0) and the Python libraries
 httpx, httpcore, h11, anyio, qasync, keyring, secretstorage, jeepney,
 cryptography, starlette, uvicorn, python-multipart, platformdirs, segno and
 socksio (BSD/MIT/Apache-2.0), each under its own license.

Files: *
Copyright: {{year}} OhMyGPT Desktop contributors
License: MIT

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software and associated documentation files (the "Software"), to deal
 in the Software without restriction, including without limitation the rights
 to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in
 all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
 THE SOFTWARE.
"""

#: Lintian findings that come with a PyInstaller bundle in /opt (lintian 2.116 on the
#: Debian 12 build, no other finding left). custom-library-search-path: the Python
#: that built the bundle left its own lib folder as RUNPATH (root-owned; removing it
#: needs patchelf).
LINTIAN_OVERRIDES = f"""\
{NAME}: dir-or-file-in-opt
{NAME}: embedded-library
{NAME}: custom-library-search-path
{NAME}: shared-library-lacks-prerequisites
{NAME}: library-not-linked-against-libc
{NAME}: hardening-no-pie
{NAME}: no-manual-page
"""

_PRE_RELEASE = re.compile(r"^(?P<release>\d+(?:\.\d+)*)(?P<rest>.*)$")


def debian_version(version: str) -> str:
    """A Python (PEP 440) version as a Debian one that sorts the same way.

    Pre-releases and development releases sort before the release with ``~``
    (``1.0.0rc1`` → ``1.0.0~rc1``); post-releases after it with ``+``.
    """
    match = _PRE_RELEASE.match(version.strip())
    if match is None:
        raise ValueError(f"not a release version: {version!r}")
    release, rest = match["release"], match["rest"].lstrip(".-_")
    if not rest:
        return release
    if rest.startswith("post"):
        return f"{release}+{rest}"
    if re.fullmatch(r"(a|b|rc|dev|alpha|beta|c|pre|preview)[.\w]*", rest):
        return f"{release}~{rest}"
    raise ValueError(f"cannot express {version!r} as a Debian version")


_SHARED_LIBRARY = re.compile(r"\.so(\.[\d.]+)?$")


def _mode_for(path: Path) -> int:
    """0755 for folders and for programs the build made executable; 0644 otherwise
    (shared libraries too: they are loaded, never run)."""
    if path.is_dir():
        return 0o755
    if _SHARED_LIBRARY.search(path.name):
        return 0o644
    return 0o755 if path.stat().st_mode & 0o111 else 0o644


def _normalise_modes(root: Path) -> None:
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder, name)
            if not path.is_symlink():
                path.chmod(_mode_for(path))
    root.chmod(0o755)


def source_date_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` (the commit's time, set by ``dev.py``), else now."""
    return int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())


def build_tarball(bundle: Path, out_dir: Path, *, version: str, platform_tag: str) -> Path:
    """``<out_dir>/ohmygpt-desktop-<version>-<platform_tag>.tar.gz`` of ``bundle``.

    Reproducible: members sorted, owned by root (uid/gid 0), mtimes clamped to
    :func:`source_date_epoch`, and a gzip header without file name or time, so the same
    bundle and epoch give the same bytes."""
    epoch = source_date_epoch()
    top = f"{NAME}-{version}"
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{top}-{platform_tag}.tar.gz"

    def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = min(int(info.mtime), epoch)
        if info.isdir():
            info.mode = 0o755
        elif not info.issym():
            executable = info.mode & 0o111 and not _SHARED_LIBRARY.search(info.name)
            info.mode = 0o755 if executable else 0o644
        return info

    partial = archive.with_name(archive.name + ".part")
    with (
        partial.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=epoch) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.GNU_FORMAT) as tar,
    ):
        tar.add(bundle, arcname=top, filter=as_root)  # folders are added sorted
    partial.replace(archive)
    return archive


def _control(
    *, version: str, architecture: str, depends: Sequence[str], maintainer: str, size_kib: int
) -> str:
    fields = {
        "Package": NAME,
        "Version": version,
        "Architecture": architecture,
        "Maintainer": maintainer,
        "Installed-Size": str(size_kib),
        "Depends": ", ".join(depends),
        "Suggests": "gnome-keyring | keepassxc | kwalletmanager, fonts-wqy-microhei",
        "Section": "utils",
        "Priority": "optional",
        "Description": SUMMARY + "\n" + "\n".join(f" {line}" for line in DESCRIPTION.splitlines()),
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items() if value)


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def _size_kib(root: Path) -> int:
    """Installed-Size as dpkg-gencontrol counts it: 1 KiB per started KiB of each file."""
    total = 0
    for folder, dirs, files in os.walk(root):
        total += len(dirs) + len(files)  # each entry counts at least 1 KiB
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink():
                total += path.stat().st_size // 1024
    return max(total, 1)


def _md5sums(root: Path) -> str:
    lines = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        if Path(folder) == root and "DEBIAN" in dirs:
            dirs.remove("DEBIAN")
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_symlink():
                continue
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def build_deb(
    bundle: Path,
    out_dir: Path,
    *,
    version: str,
    architecture: str,
    depends: Sequence[str],
    maintainer: str = DEFAULT_MAINTAINER,
    resources: Path = RESOURCES,
    compression: str = "xz",
    level: int = 1,
) -> Path:
    """``<out_dir>/ohmygpt-desktop_<version>_<architecture>.deb`` (see the module doc).

    ``version`` is the app's Python version (turned into a Debian one); ``depends``
    the Debian packages the bundle needs from the system. Raises
    ``subprocess.CalledProcessError`` when dpkg-deb refuses.

    xz at level 1: on the 134 MB bundle (2 cores) 46 MB in 10 s, where dpkg-deb's
    default level 6 takes 41 s for 41 MB; gzip -6 takes 6 s for 56 MB. zstd (4 s for
    50 MB) is read by dpkg since 1.21.18 only, and Debian's tools call it malformed.
    """
    deb_version = debian_version(version)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{NAME}_{deb_version}_{architecture}.deb"
    with tempfile.TemporaryDirectory(prefix="deb-", dir=out_dir) as staging:
        root = Path(staging) / "root"
        shutil.copytree(bundle, root / INSTALL_DIR[1:], symlinks=True)
        launcher = root / "usr" / "bin" / NAME
        launcher.parent.mkdir(parents=True)
        launcher.symlink_to(f"{INSTALL_DIR}/{NAME}")
        share = root / "usr" / "share"
        _write(
            share / "applications" / f"{NAME}.desktop", (resources / f"{NAME}.desktop").read_bytes()
        )
        icons = share / "icons" / "hicolor"
        for png in sorted((resources / "icons").glob(f"{NAME}-*.png")):
            size = png.stem.rsplit("-", 1)[1]
            _write(icons / f"{size}x{size}" / "apps" / f"{NAME}.png", png.read_bytes())
        _write(
            icons / "scalable" / "apps" / f"{NAME}.svg",
            (resources / "icons" / f"{NAME}.svg").read_bytes(),
        )
        (root / PROVISIONING_DIR[1:]).mkdir(parents=True)
        doc = share / "doc" / NAME
        built = float(source_date_epoch())
        _write(
            doc / "copyright", COPYRIGHT.replace("{year}", time.strftime("%Y", time.gmtime(built)))
        )
        when = formatdate(built)
        changelog = (
            f"{NAME} ({deb_version}) unstable; urgency=medium\n\n"
            f"  * Release {version}: see the project's history for the changes.\n\n"
            f" -- {maintainer}  {when}\n"
        )
        _write(doc / "changelog.gz", gzip.compress(changelog.encode(), mtime=0))
        _write(share / "lintian" / "overrides" / NAME, LINTIAN_OVERRIDES)
        _normalise_modes(root)

        control_dir = root / "DEBIAN"
        control_dir.mkdir(mode=0o755)
        control = _control(
            version=deb_version,
            architecture=architecture,
            depends=depends,
            maintainer=maintainer,
            size_kib=_size_kib(root),
        )
        _write(control_dir / "control", control)
        _write(control_dir / "md5sums", _md5sums(root))
        _normalise_modes(control_dir)
        subprocess.run(
            [
                *("dpkg-deb", "--root-owner-group", f"-Z{compression}", f"-z{level}"),
                *("--build", str(root), str(deb)),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            # dpkg-deb dates the ar members with it and clamps the files' mtimes to it.
            env=dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch())),
        )
    return deb
