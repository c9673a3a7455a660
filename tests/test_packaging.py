"""The Linux packages (``python3 .ci/dev.py dist``) and the developer commands' set-up.

The packaging functions run here on a tiny stand-in for the PyInstaller bundle (no
PyInstaller), and the results are read back with ``dpkg-deb`` and ``tarfile``, as an
installer would see them. CI builds the real packages and installs the .deb.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from ohmygpt_desktop import __version__
from tests.helpers.ci import load_ci_script

ROOT = Path(__file__).resolve().parent.parent
ICON_SIZES = (16, 32, 48, 64, 128, 256)

needs_dpkg = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed (not Debian/Ubuntu)"
)


@pytest.fixture(scope="module")
def pkgs() -> ModuleType:
    return load_ci_script("linux_packages")


@pytest.fixture(scope="module")
def dev() -> ModuleType:
    return load_ci_script("dev")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A stand-in for dist/ohmygpt-desktop with the modes a build may leave behind."""
    root = tmp_path / "bundle" / "ohmygpt-desktop"
    internal = root / "_internal"
    (internal / "resources" / "icons").mkdir(parents=True)
    exe = root / "ohmygpt-desktop"
    exe.write_text("#!/bin/sh\necho hello\n")
    exe.chmod(0o775)
    lib = internal / "libpython3.11.so.1.0"
    lib.write_bytes(b"\x7fELF fake")
    lib.chmod(0o700)  # owner-only and executable: readable by all once installed, not run
    icon = internal / "resources" / "icons" / "ohmygpt-desktop-16.png"
    icon.write_bytes(b"png")
    icon.chmod(0o600)
    (internal / "libpython3.so").symlink_to("libpython3.11.so.1.0")
    root.chmod(0o700)
    return root


def deb_listing(deb: Path) -> dict[str, tuple[str, str, str]]:
    """``dpkg-deb -c``: {path: (mode, owner/group, link target or "")}."""
    out = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    entries = {}
    for line in out.splitlines():
        mode, owner, _size, _date, _time, rest = line.split(None, 5)
        path, _, target = rest.partition(" -> ")
        entries[path.removeprefix(".").rstrip("/") or "/"] = (mode, owner, target)
    return entries


def deb_field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


@needs_dpkg
def test_deb_installs_bundle_launcher_menu_entry_icons_and_provisioning_folder(
    pkgs: ModuleType, bundle: Path, tmp_path: Path
) -> None:
    deb = pkgs.build_deb(
        bundle, tmp_path / "out", version="1.2.3", architecture="amd64", depends=["libegl1"]
    )
    assert deb.name == "ohmygpt-desktop_1.2.3_amd64.deb"
    entries = deb_listing(deb)

    assert {owner for _mode, owner, _target in entries.values()} == {"root/root"}
    for path, (mode, _owner, _target) in entries.items():
        if mode.startswith("d"):
            assert mode == "drwxr-xr-x", path  # the package root too, not the temp dir's 0700
    opt = "/opt/ohmygpt-desktop"
    assert entries[f"{opt}/ohmygpt-desktop"][0] == "-rwxr-xr-x"
    assert entries[f"{opt}/_internal/libpython3.11.so.1.0"][0] == "-rw-r--r--"  # loaded, not run
    assert entries[f"{opt}/_internal/resources/icons/ohmygpt-desktop-16.png"][0] == "-rw-r--r--"
    assert entries[f"{opt}/_internal/libpython3.so"][2] == "libpython3.11.so.1.0"

    launcher = entries["/usr/bin/ohmygpt-desktop"]
    assert launcher[0].startswith("l")
    assert launcher[2] == f"{opt}/ohmygpt-desktop"
    assert entries["/usr/share/applications/ohmygpt-desktop.desktop"][0] == "-rw-r--r--"
    for size in ICON_SIZES:
        icon = f"/usr/share/icons/hicolor/{size}x{size}/apps/ohmygpt-desktop.png"
        assert entries[icon][0] == "-rw-r--r--", icon
    assert "/usr/share/icons/hicolor/scalable/apps/ohmygpt-desktop.svg" in entries
    assert entries["/etc/xdg/ohmygpt-desktop"][0] == "drwxr-xr-x"
    assert "/usr/share/doc/ohmygpt-desktop/copyright" in entries
    # Nothing of the build machine's temp folders or the source tree leaks in.
    assert all(path == "/" or path.split("/")[1] in {"opt", "usr", "etc"} for path in entries), (
        sorted(entries)
    )

    # The menu entry starts the launcher on PATH.
    with tarfile.open(fileobj=_data_tar(deb)) as data:
        member = data.extractfile("./usr/share/applications/ohmygpt-desktop.desktop")
        assert member is not None
        desktop = member.read().decode()
    assert "\nExec=ohmygpt-desktop" in desktop
    assert "\nIcon=ohmygpt-desktop\n" in desktop


def _data_tar(deb: Path) -> object:
    """The package's data.tar (uncompressed) as a file object."""
    import io

    data = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True
    ).stdout
    return io.BytesIO(data)


@needs_dpkg
def test_deb_control_file_names_version_architecture_and_qt_libraries(
    pkgs: ModuleType, dev: ModuleType, bundle: Path, tmp_path: Path
) -> None:
    depends = dev.deb_depends()
    deb = pkgs.build_deb(
        bundle, tmp_path / "out", version=__version__, architecture="arm64", depends=depends
    )
    assert deb_field(deb, "Package") == "ohmygpt-desktop"
    assert deb_field(deb, "Version") == __version__
    assert deb_field(deb, "Architecture") == "arm64"
    assert "@" in deb_field(deb, "Maintainer")
    assert deb_field(deb, "Description").startswith("desktop client for the OhMyGPT API")
    assert int(deb_field(deb, "Installed-Size")) >= 1
    names = [item.split()[0] for item in deb_field(deb, "Depends").split(", ")]
    assert "libc6" in names
    assert {"libegl1", "libgl1", "libfontconfig1", "libxcb-cursor0", "libxkbcommon0"} <= set(names)
    assert not [name for name in names if name.startswith("fonts-")]
    assert not set(names) & set(dev.TEST_DEBS)
    # dpkg itself accepts the package (control syntax, md5sums).
    info = subprocess.run(["dpkg-deb", "-I", str(deb)], capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    assert "md5sums" in info.stdout
    assert not info.stderr


@pytest.mark.parametrize(
    ("python", "debian"),
    [
        ("0.1.0", "0.1.0"),
        ("1.0.0rc1", "1.0.0~rc1"),
        ("1.0.0a2", "1.0.0~a2"),
        ("2.1.dev3", "2.1~dev3"),
        ("2.1.0.post1", "2.1.0+post1"),
    ],
)
def test_debian_version_sorts_prereleases_before_the_release(
    pkgs: ModuleType, python: str, debian: str
) -> None:
    assert pkgs.debian_version(python) == debian


def test_tarball_holds_one_versioned_folder_readable_by_everyone(
    pkgs: ModuleType, bundle: Path, tmp_path: Path
) -> None:
    archive = pkgs.build_tarball(
        bundle, tmp_path / "out", version="1.2.3", platform_tag="linux-x86_64"
    )
    assert archive.name == "ohmygpt-desktop-1.2.3-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = "ohmygpt-desktop-1.2.3"
    assert {name.split("/")[0] for name in members} == {top}
    assert members[top].mode == 0o755
    assert members[f"{top}/ohmygpt-desktop"].mode == 0o755
    assert members[f"{top}/_internal/resources/icons/ohmygpt-desktop-16.png"].mode == 0o644
    assert members[f"{top}/_internal/libpython3.so"].issym()
    assert {(m.uid, m.gid, m.uname, m.gname) for m in members.values()} == {(0, 0, "root", "root")}


# ------------------------------------------------------------------ dev.py set-up


def test_runtime_commands_are_satisfied_by_any_install_test_needs_its_extra(
    dev: ModuleType, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    venv.mkdir()
    assert dev.installed_extras(venv, "digest") is None  # nothing installed yet
    (venv / ".deps-base").write_text("digest")
    assert dev.installed_extras(venv, "digest") == set()
    (venv / ".deps-test,build").write_text("digest")
    assert dev.installed_extras(venv, "digest") == {"test", "build"}
    assert dev.installed_extras(venv, "another pyproject") is None  # stale stamps
    locks = dev.ROOT / ".ci" / "requirements"
    assert dev.lock.lock_file("") == locks / "runtime.txt"
    assert dev.lock.lock_file("test") == locks / "test.txt"
    assert dev.lock.lock_file("build") == locks / "build.txt"
    install = dev.pip_install_locked(locks / "test.txt")
    assert "--require-hashes" in install
    assert install[-2:] == ["-r", str(locks / "test.txt")]


def test_a_long_quiet_step_still_reports_progress(
    dev: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    quiet = "import sys, time; print('Collecting x', flush=True); time.sleep(0.8)"
    dev.run_step("installing", [sys.executable, "-c", quiet], heartbeat=0.2)
    out = capsys.readouterr().out
    assert "[dev] installing" in out
    assert "Collecting x" in out
    assert "still installing" in out
    assert "installing: done in" in out


def test_run_step_failure_says_which_step(
    dev: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as failed:
        dev.run_step("creating things", [sys.executable, "-c", "raise SystemExit(3)"])
    assert failed.value.code == 3
    assert "creating things failed (exit status 3)" in capsys.readouterr().err


@pytest.mark.slow
def test_dev_sandbox_says_where_the_demo_keeps_its_state_and_how_to_reset(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OHMYGPT_DESKTOP_HOME"}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / ".ci" / "dev.py"),
            "sandbox",
            "--home",
            str(tmp_path),
            "--version",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert __version__ in result.stdout
    assert str(tmp_path / "data" / "sandbox") in result.stdout
    assert "--sandbox-reset" in result.stdout
