"""The settings tables in README.md and docs/operations.md are made from the declarations."""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from ohmygpt_desktop.core import settings as settings_module

REPO = Path(__file__).resolve().parents[1]


def load_settings_docs() -> ModuleType:
    path = REPO / ".ci" / "settings_docs.py"
    spec = importlib.util.spec_from_file_location("ci_settings_docs", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def docs() -> ModuleType:
    return load_settings_docs()


@pytest.mark.parametrize(("file", "name"), [("README.md", "env"), ("docs/operations.md", "all")])
def test_the_tables_in_the_docs_are_the_declared_settings(
    docs: ModuleType, file: str, name: str
) -> None:
    text = (REPO / file).read_text(encoding="utf-8")
    table = docs.current_table(text, name)
    assert table is not None, f"{file} lost its <!-- settings-table:{name} --> markers"
    assert table == docs.TABLES[file][name](), (
        f"The settings table in {file} is out of date: run python .ci/settings_docs.py"
    )


def test_every_setting_and_its_variable_is_in_both_tables(docs: ModuleType) -> None:
    for render in (docs.readme_table, docs.operations_table):
        table = render()
        for spec in settings_module.SETTINGS:
            assert f"| `{spec.name}` | `{spec.env}` |" in table
    assert (
        "| `refresh_interval_s` | `OHMYGPT_REFRESH_INTERVAL_S` |  | `300` |" in docs.readme_table()
    )
    assert "30 to 86400 seconds." in docs.operations_table()
    assert "One of `system`, `en`, `zh_CN` or `ja`." in docs.operations_table()


def test_a_new_declaration_makes_the_check_fail_until_the_tables_are_rewritten(
    docs: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for file in docs.TABLES:
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / file, tmp_path / file)
    assert docs.stale(tmp_path) == []
    added = dataclasses.replace(
        settings_module.SPECS["keyring_timeout_s"], name="connect_timeout_s", env=""
    )
    monkeypatch.setattr(docs, "SETTINGS", (*settings_module.SETTINGS, added))
    assert docs.stale(tmp_path) == ["README.md: env", "docs/operations.md: all"]
    docs.write(tmp_path)
    assert docs.stale(tmp_path) == []
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "| `connect_timeout_s` | `OHMYGPT_CONNECT_TIMEOUT_S` |" in readme
    # Only the table changed: the text around it is as it was.
    original = (REPO / "README.md").read_text(encoding="utf-8")
    assert (
        readme.split("<!-- settings-table:env -->")[0]
        == original.split("<!-- settings-table:env -->")[0]
    )
