"""The scripts in ``.ci/`` (standard library only) loaded as modules, for tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

CI = Path(__file__).resolve().parent.parent.parent / ".ci"


def load_ci_script(name: str) -> ModuleType:
    """``.ci/<name>.py`` as a module named ``ci_<name>`` (its siblings importable too)."""
    if str(CI) not in sys.path:
        sys.path.insert(0, str(CI))  # as when the script runs: dev.py imports linux_packages.py
    spec = importlib.util.spec_from_file_location(f"ci_{name}", CI / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import would (dataclasses look themselves up)
    spec.loader.exec_module(module)
    return module
