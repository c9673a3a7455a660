"""Release files: the version and commit (--version, About), reproducible tarballs,
SHA256SUMS, the SBOM, compare_builds and the CHANGELOG rule. No PyInstaller here: the
packaging runs on a stand-in bundle; CI builds the real one twice and compares."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ohmygpt_desktop import __version__
from ohmygpt_desktop import version as build_version
from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.ui.about_dialog import AboutDialog
from tests.helpers.ci import load_ci_script

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def release() -> ModuleType:
    return load_ci_script("release_files")


@pytest.fixture(scope="module")
def pkgs() -> ModuleType:
    return load_ci_script("linux_packages")


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_version_flag_names_the_version_and_the_checkouts_commit(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ohmygpt_desktop", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    head = git("rev-parse", "--short=7", "HEAD")
    match = re.fullmatch(
        rf"ohmygpt-desktop {re.escape(__version__)} \(commit {head}(\+dirty)?, "
        r"(\d{4}-\d\d-\d\d)\)",
        result.stdout.strip(),
    )
    assert match, result.stdout
    assert match[2] == git("log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d")


def test_a_bundle_reads_the_commit_baked_in_at_build_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = build_version.BuildInfo("0.1.0", "abc1234def5678" + "0" * 26, "2026-12-01", 1)
    baked = build_version.write(info, tmp_path / build_version.FILE_NAME)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(build_version, "resource_path", lambda name: tmp_path / name)
    build_version.build_info.cache_clear()
    try:
        assert build_version.build_info() == info
        assert info.describe() == "0.1.0 (commit abc1234, 2026-12-01)"
        baked.write_text("garbage")
        build_version.build_info.cache_clear()
        assert build_version.build_info().describe() == __version__  # version alone
    finally:
        build_version.build_info.cache_clear()


def test_a_release_tag_that_disagrees_with_the_version_is_refused(tmp_path: Path) -> None:
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "f").write_text("x")
    git("add", "f", cwd=tmp_path)
    env_args = ("-c", "user.name=t", "-c", "user.email=t@t.invalid")
    git(*env_args, "commit", "-qm", "x", cwd=tmp_path)
    git(*env_args, "tag", "v9.9.9", cwd=tmp_path)
    assert build_version.from_git(tmp_path, version="9.9.9").commit
    with pytest.raises(ValueError, match=r"v9\.9\.9"):
        build_version.from_git(tmp_path, version="0.1.0")
    (tmp_path / "f").write_text("changed")
    assert build_version.from_git(tmp_path, version="9.9.9").commit.endswith("+dirty")


def test_about_shows_the_version_and_commit(
    qtbot: Any, make_ctx: Callable[..., AppContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    info = build_version.BuildInfo(__version__, "f" * 40, "2026-12-01", 1)
    monkeypatch.setattr("ohmygpt_desktop.ui.about_dialog.build_info", lambda: info)
    dialog = AboutDialog(make_ctx(sandbox=None), folder_opener=lambda _folder: True)
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == f"Version {__version__} (commit fffffff, 2026-12-01)"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    root = tmp_path / "bundle" / "ohmygpt-desktop"
    (root / "_internal").mkdir(parents=True)
    (root / "ohmygpt-desktop").write_text("#!/bin/sh\n")
    (root / "ohmygpt-desktop").chmod(0o755)
    (root / "_internal" / "b.txt").write_text("b")
    (root / "_internal" / "a.txt").write_text("a")
    return root


def test_tarball_is_the_same_bytes_when_built_twice(
    pkgs: ModuleType, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = pkgs.build_tarball(bundle, tmp_path / "one", version="0.1.0", platform_tag="t")
    for path in bundle.rglob("*"):  # a later build: new mtimes
        os.utime(path, (1800000000, 1800000000))
    second = pkgs.build_tarball(bundle, tmp_path / "two", version="0.1.0", platform_tag="t")
    assert first.read_bytes() == second.read_bytes()
    listing = subprocess.run(
        ["tar", "--full-time", "-tvzf", str(first)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert all("root/root" in line and "2023-11-14" in line for line in listing), listing
    names = [line.split()[-1] for line in listing]
    assert names.index("ohmygpt-desktop-0.1.0/_internal/a.txt") < names.index(
        "ohmygpt-desktop-0.1.0/_internal/b.txt"
    )


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="no dpkg-deb")
def test_deb_is_the_same_bytes_when_built_twice(
    pkgs: ModuleType, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = pkgs.build_deb(
        bundle, tmp_path / "one", version="0.1.0", architecture="all", depends=[]
    )
    for path in bundle.rglob("*"):
        os.utime(path, (1800000000, 1800000000))
    second = pkgs.build_deb(
        bundle, tmp_path / "two", version="0.1.0", architecture="all", depends=[]
    )
    assert first.read_bytes() == second.read_bytes()


def test_sha256sums_is_what_sha256sum_checks(release: ModuleType, tmp_path: Path) -> None:
    files = []
    for name in ("b.deb", "a.tar.gz", "a.cdx.json"):
        (tmp_path / name).write_bytes(name.encode() * 1000)
        files.append(tmp_path / name)
    sums = release.write_sha256sums(files, tmp_path / "SHA256SUMS")
    check = subprocess.run(
        ["sha256sum", "--strict", "-c", sums.name], cwd=tmp_path, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert [line.split()[1] for line in sums.read_text().splitlines()] == sorted(
        ["b.deb", "a.tar.gz", "a.cdx.json"]
    )
    (tmp_path / "b.deb").write_bytes(b"tampered")
    tampered = subprocess.run(["sha256sum", "-c", sums.name], cwd=tmp_path, capture_output=True)
    assert tampered.returncode != 0


def test_sbom_lists_the_bundled_packages_with_versions(release: ModuleType, tmp_path: Path) -> None:
    from importlib.metadata import version

    tool = Path(sys.executable).parent / "cyclonedx-py"
    if not tool.exists():
        pytest.skip("cyclonedx-py (the build extra) is not installed")
    # As build.spec hands over PyInstaller's module list: ours and the stdlib drop out.
    pure = [
        ("httpx._client", "x", "PYMODULE"),
        ("segno", "x", "PYMODULE"),
        ("ohmygpt_desktop.app", "x", "PYMODULE"),
        ("json", "x", "PYMODULE"),
    ]
    requirements = release.write_bundle_requirements(pure, tmp_path / "req.txt")
    assert requirements.read_text() == (f"httpx=={version('httpx')}\nsegno=={version('segno')}\n")
    sbom = release.write_sbom(
        requirements,
        tmp_path / "x.cdx.json",
        tool=tool,
        pyproject=ROOT / "pyproject.toml",
        version="0.1.0",
    )
    bom = json.loads(sbom.read_text())
    assert bom["bomFormat"] == "CycloneDX"
    assert {(c["name"], c["version"]) for c in bom["components"]} == {
        ("httpx", version("httpx")),
        ("segno", version("segno")),
    }
    assert bom["metadata"]["component"]["name"] == "ohmygpt-desktop"
    assert bom["metadata"]["component"]["version"] == "0.1.0"
    assert "timestamp" not in bom["metadata"]  # reproducible


def test_compare_builds_reports_what_differs(tmp_path: Path) -> None:
    compare = load_ci_script("compare_builds")
    a, b = tmp_path / "a", tmp_path / "b"
    for root in (a, b):
        (root / "lib").mkdir(parents=True)
        (root / "lib" / "same.so").write_bytes(b"same")
    assert compare.main([str(a), str(b)]) == 0
    (a / "lib" / "x.pyc").write_bytes(b"1")
    (b / "lib" / "x.pyc").write_bytes(b"2")
    (b / "extra").write_text("only here")
    unexplained, explained = compare.compare(a, b)
    assert explained == []
    assert len(unexplained) == 2
    assert unexplained[0] == f"only in {b}: extra"
    assert unexplained[1].startswith("differs: lib/x.pyc (file: ")
    assert compare.main([str(a), str(b)]) == 1
    compare.HARMLESS["lib/*.pyc"] = "test residue"
    try:
        unexplained, explained = compare.compare(a, b)
        assert unexplained == [f"only in {b}: extra"]
        assert len(explained) == 1
        assert explained[0].endswith("harmless: test residue")
    finally:
        del compare.HARMLESS["lib/*.pyc"]


def test_the_version_has_a_changelog_entry() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[?v?([^\]\s]+)\]?", changelog, flags=re.MULTILINE)
    assert __version__ in headings, (
        f"pyproject's version {__version__} has no '## {__version__}' entry in CHANGELOG.md"
    )
