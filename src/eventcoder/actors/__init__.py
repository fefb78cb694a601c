"""Actor stage: the actor knowledge base, its loaders, and the resolver that finds actors in text.

    kb = load_actor_kb(extra_dictionaries=[Path("Phoenix.Countries.actors.txt")])
    resolver = ActorResolver(kb, nlp)
    mentions = resolver.find_mentions(nlp(text), when=date(2023, 7, 30))

Built-in data formats are described in the headers of ``eventcoder/data/actors/*``; the code
scheme (``ISRMIL``, ``PSEREBHMS``) at the top of ``sectors.yaml``.
"""

from __future__ import annotations

from eventcoder.actors.kb import (
    ActorEntry,
    ActorKB,
    CountryEntry,
    ImportProblem,
    Role,
    SectorNoun,
    load_actor_kb,
)
from eventcoder.actors.mention import ActorMention
from eventcoder.actors.resolver import ActorResolver

__all__ = [
    "ActorEntry",
    "ActorKB",
    "ActorMention",
    "ActorResolver",
    "CountryEntry",
    "ImportProblem",
    "Role",
    "SectorNoun",
    "load_actor_kb",
]
