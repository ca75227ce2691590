"""Fixtures shared by the screening tests."""

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture
def benchmark_module():
    """A loader of the scripts in ``benchmarks/`` (not a package): ``load("baselines")``."""

    def load(name):
        path = BENCHMARKS / f"{name}.py"
        spec = importlib.util.spec_from_file_location(f"majlis_bench_{name}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load
