"""Shared fixtures: one loaded Coder per test session, and the ../shared folder when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: gold data and the seed article live there")
    return SHARED


@pytest.fixture(scope="session")
def coder():
    """The full coder (spaCy pipeline, actor base, lexicon), loaded once."""
    from eventcoder import Coder

    return Coder()
