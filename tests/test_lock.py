"""The lock files in ``.ci/requirements/`` agree with ``pyproject.toml`` (no network).

pyproject.toml keeps ranges; the lock pins what CI, the bundle and the .deb install.
After a change to either, ``python3 .ci/dev.py lock`` brings the lock back in line; these
tests say what is out of line until then.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement

from tests.helpers.ci import load_ci_script

ROOT = Path(__file__).resolve().parent.parent
#: How pip-compile names the project in the "# via" lines of what pyproject.toml asks for.
FROM_PYPROJECT = ("ohmygpt-desktop (pyproject.toml)", "ohmygpt-desktop (pyproject.toml::")


@pytest.fixture(scope="module")
def lock() -> ModuleType:
    return load_ci_script("lock")


def declared(extras: tuple[str, ...]) -> list[Requirement]:
    """What pyproject.toml asks for with ``extras``: the dependencies, those extras, and
    the build backend (every lock pins it: the project installs without isolation)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = pyproject["project"]
    lines = [
        *project["dependencies"],
        *(line for extra in extras for line in project["optional-dependencies"][extra]),
        *pyproject["build-system"]["requires"],
    ]
    return [
        requirement
        for requirement in map(Requirement, lines)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""})
    ]


def mismatches(lock: ModuleType, text: str, extras: tuple[str, ...]) -> list[str]:
    """How the lock ``text`` disagrees with pyproject.toml for ``extras`` (empty: not)."""
    pins = lock.parse(text)
    wanted = declared(extras)
    problems = []
    for requirement in wanted:
        pin = pins.get(lock.normalize(requirement.name))
        if pin is None:
            problems.append(f"{requirement} is not pinned")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{requirement.name}=={pin.version} is outside {requirement}")
    names = {lock.normalize(requirement.name) for requirement in wanted}
    for name, pin in sorted(pins.items()):
        if name not in names and any(via.startswith(FROM_PYPROJECT) for via in pin.via):
            problems.append(
                f"{name}=={pin.version} is pinned for pyproject.toml, which no longer asks for it"
            )
        if not pin.hashes:
            problems.append(f"{name}=={pin.version} has no hash")
    return problems


@pytest.mark.parametrize("name", ["runtime", "test", "build"])
def test_each_lock_pins_what_pyproject_asks_within_its_range_and_nothing_it_dropped(
    lock: ModuleType, name: str
) -> None:
    extras = lock.PROJECT_LOCKS[name]
    assert mismatches(lock, (lock.LOCKS / f"{name}.txt").read_text(), extras) == [], (
        "pyproject.toml and the lock disagree: run python3 .ci/dev.py lock"
    )


def test_the_combined_lock_covers_every_extra(lock: ModuleType) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    every = tuple(pyproject["project"]["optional-dependencies"])
    assert set(every) == {extra for extras in lock.PROJECT_LOCKS.values() for extra in extras}
    assert mismatches(lock, (lock.LOCKS / "all.txt").read_text(), every) == []


def test_the_locks_installed_into_one_environment_agree_on_every_version(
    lock: ModuleType,
) -> None:
    combined = lock.parse((lock.LOCKS / "all.txt").read_text())
    for name in lock.PROJECT_LOCKS:
        pins = lock.parse((lock.LOCKS / f"{name}.txt").read_text())
        assert pins, name
        differ = {
            package: (pin.version, combined[package].version if package in combined else None)
            for package, pin in pins.items()
            if package not in combined or combined[package].version != pin.version
        }
        assert differ == {}, f"{name}.txt differs from all.txt: run python3 .ci/dev.py lock"


def test_a_stale_lock_is_caught(lock: ModuleType) -> None:
    """The check itself: a range moved past the pin, a dependency added to pyproject.toml
    and one dropped from it are each reported."""
    text = (lock.LOCKS / "runtime.txt").read_text()
    pins = lock.parse(text)
    assert mismatches(lock, text, ()) == []
    qasync = pins["qasync"].version
    stale = text.replace(f"qasync=={qasync}", "qasync==0.1.0")
    assert mismatches(lock, stale, ()) == ["qasync==0.1.0 is outside qasync>=0.27"]
    missing = text.replace(f"\nsegno=={pins['segno'].version}", "\nsegno-gone==1.0")
    assert "segno>=1.6 is not pinned" in mismatches(lock, missing, ())
    # "click" is pinned only because uvicorn needs it: naming it as pyproject's own
    # dependency is what a lock made before click was dropped from pyproject looks like.
    head, click = text.split("\nclick==", 1)
    click = click.replace("#   uvicorn", "#   ohmygpt-desktop (pyproject.toml)", 1)
    dropped = f"{head}\nclick=={click}"
    assert any(
        "click==" in problem and "no longer asks" in problem
        for problem in mismatches(lock, dropped, ())
    )


def test_the_parser_reads_pins_hashes_and_what_wants_them(lock: ModuleType) -> None:
    pins = lock.parse((lock.LOCKS / "runtime.txt").read_text())
    assert "ohmygpt-desktop (pyproject.toml)" in pins["httpx"].via
    assert all(digest.startswith("sha256:") for digest in pins["httpx"].hashes)
    assert "ohmygpt-desktop (pyproject.toml::build-system.requires)" in pins["setuptools"].via
    assert "pyside6-essentials" in pins  # PySide6-Essentials, normalized
