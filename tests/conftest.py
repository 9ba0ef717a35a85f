"""Shared fixtures: paths to the hand-written inputs and the shared seeds, the
shipped pipeline loaded once, a CLI runner, and a clean ``dyad`` logger per test."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "acceptance" / "seeds"
DATASETS = SHARED / "datasets"
FIXTURES = REPO / "tests" / "fixtures"
INPUTS = FIXTURES / "inputs"
EXAMPLES = REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def inputs_dir() -> Path:
    return INPUTS


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The four acceptance seed articles in ../shared; the test is skipped without them."""
    if not sorted(SEEDS.glob("*.txt")):
        pytest.skip(f"acceptance seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    if not (DATASETS / "ud-english-ewt").is_dir():
        pytest.skip(f"UD English EWT not found under {DATASETS}")
    return DATASETS


@pytest.fixture(scope="session")
def nlp():
    """The shipped pipeline, loaded once for the whole run (load_pipeline caches it)."""
    from dyad.language import load_pipeline

    return load_pipeline()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def dyad_logger():
    """The CLI points the ``dyad`` logger at its own stderr and stops propagation;
    put it back after each test so that ``caplog`` sees library warnings in any order."""
    logger = logging.getLogger("dyad")
    saved = logger.handlers[:], logger.level, logger.propagate
    yield logger
    logger.handlers[:], logger.level, logger.propagate = saved
