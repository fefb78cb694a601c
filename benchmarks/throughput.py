"""Throughput and peak memory: bare spaCy parsing vs. eventcoder on the same news-like corpus.

One run builds a deterministic corpus (``corpus.py``), then runs each phase in its own fresh
Python process so each phase's peak RSS (``ru_maxrss``) is its own:

- ``spacy``: ``nlp.pipe`` over the article texts with the same pipeline the coder loads;
- ``eventcoder``: ``Coder.pipe`` over the same articles (fast mode);
- ``learned`` (only when asked for with ``--phases``): the same in learned mode, one torch thread.

It prints sentences/s, characters/s and peak RSS per phase and their ratios, and writes them to
``benchmarks/results/throughput.json``. Sentences/s divides the corpus's own sentence count (known
from the generator) by the processing time, so both phases are measured against the same number.
Model loading is timed separately and not counted in the rates.

Multi-worker hook: ``--workers N`` is passed to every phase. The batch engine adds its figures by
registering a phase in ``PHASES`` (for example ``"batch"``, running the corpus through the batch
runner with ``options.workers`` processes); ``--workers`` > 1 selects it when registered.

Usage: python benchmarks/throughput.py --mb 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

from child import machine_info, run_json_child  # noqa: E402
from corpus import write_corpus  # noqa: E402


@dataclass(frozen=True, slots=True)
class PhaseOptions:
    batch_size: int
    workers: int


#: A phase's setup loads what it needs (timed as load) and returns the run function, which
#: processes the articles (timed) and returns counts such as {"sentences": n}.
Runner = Callable[[list[dict[str, Any]]], dict[str, int]]
Setup = Callable[[PhaseOptions], Runner]


def _setup_spacy(options: PhaseOptions) -> Runner:
    from eventcoder.nlp import load_pipeline

    nlp = load_pipeline()

    def run(articles: list[dict[str, Any]]) -> dict[str, int]:
        n_sents = n_tokens = 0
        for doc in nlp.pipe((a["text"] for a in articles), batch_size=options.batch_size):
            n_sents += sum(1 for _ in doc.sents)
            n_tokens += len(doc)
        return {"sentences_seen": n_sents, "tokens": n_tokens}

    return run


def _setup_eventcoder(options: PhaseOptions, mode: str = "fast") -> Runner:
    from eventcoder.coder import Coder
    from eventcoder.records import Article

    coder = Coder(mode=mode)
    if coder.mode != mode:
        raise SystemExit(f"the {mode} mode is not available here (pip install '.[ml]')")

    def run(articles: list[dict[str, Any]]) -> dict[str, int]:
        records = (
            Article(
                id=a["id"],
                text=a["text"],
                published=dt.date.fromisoformat(a["published"]),
                published_source="metadata",
            )
            for a in articles
        )
        n_sents = n_events = 0
        for result in coder.pipe(records, batch_size=options.batch_size):
            n_sents += result.n_sentences
            n_events += len(result.events)
        return {"sentences_seen": n_sents, "events": n_events}

    return run


#: Phases by name; each runs in a fresh process. The batch engine registers "batch" here.
def _setup_learned(options: PhaseOptions) -> Runner:
    """The learned mode (pair classifier votes on every candidate), one torch thread per process."""
    import torch

    torch.set_num_threads(1)
    return _setup_eventcoder(options, mode="learned")


PHASES: dict[str, Setup] = {
    "spacy": _setup_spacy,
    "eventcoder": _setup_eventcoder,
    "learned": _setup_learned,
}


def _rss_mb() -> float | None:
    """Current resident set size in MB (Linux), or None where /proc is absent."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes vs kB


def run_phase(name: str, corpus: Path, options: PhaseOptions) -> dict[str, Any]:
    """Run one phase in this process and return its measurements (called in the child)."""
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    t0 = time.perf_counter()
    runner = PHASES[name](options)
    load_s = time.perf_counter() - t0
    rss_loaded = _rss_mb()
    t1 = time.perf_counter()
    counts = runner(articles)
    run_s = time.perf_counter() - t1
    return {
        "phase": name,
        "load_s": round(load_s, 3),
        "run_s": round(run_s, 3),
        "rss_after_load_mb": round(rss_loaded, 1) if rss_loaded is not None else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        **counts,
    }


def _spawn(name: str, corpus: Path, options: PhaseOptions) -> dict[str, Any]:
    child_args = [
        "--phase-worker",
        name,
        "--corpus",
        str(corpus),
        "--batch-size",
        str(options.batch_size),
        "--workers",
        str(options.workers),
    ]
    return run_json_child(str(Path(__file__).resolve()), child_args, f"phase {name!r}")


def _versions() -> dict[str, str]:
    import spacy

    from eventcoder.nlp import load_pipeline

    out = {"python": platform.python_version(), "spacy": spacy.__version__}
    try:
        meta = load_pipeline().meta
        out["pipeline"] = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    except Exception as exc:  # report, do not fail the benchmark over a version string
        out["pipeline"] = f"unavailable ({exc})"
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mb", type=float, default=2.0, help="corpus size in MB of text (default 2)"
    )
    parser.add_argument("--seed", type=int, default=13, help="corpus seed")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes for multi-worker phases (hook for the batch engine)",
    )
    parser.add_argument(
        "--phases", default=None, help=f"comma-separated, from: {', '.join(PHASES)} (default: all)"
    )
    parser.add_argument(
        "--batch",
        action="store_true",
        help="also run the batch engine on the same corpus (local 1 and 2 workers, Dask 2 workers) "
        "through benchmarks/scale.py and print its figures",
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "throughput.json")
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--phase-worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    options = PhaseOptions(batch_size=args.batch_size, workers=args.workers)

    if args.phase_worker:  # child process: one phase, JSON on the last stdout line
        print(json.dumps(run_phase(args.phase_worker, args.corpus, options)))
        return

    phases = (
        args.phases.split(",")
        if args.phases
        else [p for p in PHASES if (p != "batch" or args.workers > 1) and p != "learned"]
    )
    unknown = [p for p in phases if p not in PHASES]
    if unknown:
        raise SystemExit(f"unknown phase(s) {', '.join(unknown)}; available: {', '.join(PHASES)}")
    if args.workers > 1 and "batch" not in PHASES:
        print(
            "note: --workers > 1 has no effect yet: no 'batch' phase is registered in PHASES",
            file=sys.stderr,
        )

    corpus_path = RESULTS / f"corpus-{args.mb:g}mb-seed{args.seed}.jsonl"
    counts = write_corpus(corpus_path, args.mb, seed=args.seed)
    print(
        f"corpus: {counts['articles']} articles, {counts['sentences']} sentences "
        f"({counts['event_sentences']} from event templates), {counts['bytes'] / 1e6:.2f} MB",
        file=sys.stderr,
    )

    results: dict[str, dict[str, Any]] = {}
    for name in phases:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        r = _spawn(name, corpus_path, options)
        r["sentences_per_s"] = round(counts["sentences"] / r["run_s"], 1)
        r["chars_per_s"] = round(counts["bytes"] / r["run_s"], 1)
        results[name] = r

    ratios: dict[str, float] = {}
    if "spacy" in results and "eventcoder" in results:
        s, e = results["spacy"], results["eventcoder"]
        ratios = {
            "eventcoder_time_over_spacy": round(e["run_s"] / s["run_s"], 2),
            "eventcoder_speed_share_of_spacy": round(
                e["sentences_per_s"] / s["sentences_per_s"], 3
            ),
            "eventcoder_peak_rss_over_spacy": round(e["peak_rss_mb"] / s["peak_rss_mb"], 2),
        }

    report = {
        "command": "python benchmarks/throughput.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "versions": _versions(),
        "corpus": {"mb": args.mb, "seed": args.seed, **counts},
        "batch_size": args.batch_size,
        "workers": args.workers,
        "phases": results,
        "ratios": ratios,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    print(f"{'phase':<12}{'sent/s':>10}{'chars/s':>12}{'run s':>9}{'load s':>9}{'peak RSS MB':>13}")
    for name, r in results.items():
        print(
            f"{name:<12}{r['sentences_per_s']:>10.1f}{r['chars_per_s']:>12.0f}{r['run_s']:>9.2f}"
            f"{r['load_s']:>9.2f}{r['peak_rss_mb']:>13.1f}"
        )
    for key, value in ratios.items():
        print(f"{key}: {value}")
    print(f"wrote {args.out}", file=sys.stderr)
    if args.batch:
        _run_batch_engines(args, results)


def _run_batch_engines(args: argparse.Namespace, results: dict[str, dict[str, Any]]) -> None:
    """Batch engine figures on the same corpus (benchmarks/scale.py), beside bare spaCy's rate."""
    import scale

    scale_out = RESULTS / "throughput-scale.json"
    scale.main(["--mb", f"{args.mb:g}", "--seed", str(args.seed), "--out", str(scale_out)])
    report = json.loads(scale_out.read_text(encoding="utf-8"))
    spacy_rate = results.get("spacy", {}).get("sentences_per_s")
    print("batch engine vs bare spaCy (sentences/s; steady rates, see scale.json for details):")
    for r in report["results"]:
        line = f"  {r['config']:<8} {r['steady_sentences_per_s'] or 0:>8.1f} sent/s"
        if spacy_rate and r["config"] == "local:1" and r["steady_sentences_per_s"]:
            line += f"  ratio to bare spaCy {r['steady_sentences_per_s'] / spacy_rate:.2f}"
        peak = max(r.get("worker_peak_rss_mb") or [r.get("main_peak_rss_mb") or 0])
        line += f"  peak RSS/worker {peak:.0f} MB"
        line += f"  GDELT day {r.get('projected_gdelt_day_h')} h"
        print(line)


if __name__ == "__main__":
    main()
