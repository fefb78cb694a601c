"""Session fixtures for the actor stage: one spaCy pipeline and one resolver per session."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from eventcoder.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def resolver(nlp):
    """Resolver over the built-in knowledge base only."""
    from eventcoder.actors import ActorResolver, load_actor_kb

    return ActorResolver(load_actor_kb(), nlp)


@pytest.fixture(scope="session")
def validate_resolver(nlp, shared_dir):
    """Resolver over the built-in base plus PETRARCH's validation dictionaries (fictional actors)."""
    from eventcoder.actors import ActorResolver, load_actor_kb

    dicts = shared_dir / "dictionaries"
    kb = load_actor_kb(
        extra_dictionaries=[dicts / "PETR.Validate.actors.txt", dicts / "PETR.Validate.agents.txt"]
    )
    return ActorResolver(kb, nlp)


@pytest.fixture()
def mentions(nlp, resolver):
    """mentions(text, when) -> the resolver's mentions of the parsed text."""

    def run(text: str, when=None):
        return resolver.find_mentions(nlp(text), when=when)

    return run
