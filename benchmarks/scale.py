"""Batch throughput of ``eventcoder run``: local engine with 1 and 2 workers, and the Dask local engine.

One run builds the deterministic news-like corpus of ``corpus.py`` (JSON Lines), then runs each
configuration in a fresh Python process through the batch runner (``run_batch``: reading, coding,
Parquet parts, DuckDB), into a fresh output folder. For each it reports:

- wall time and sentences/s over the whole run (worker start-up and model loading included);
- steady sentences/s: from the first committed chunk to the end, what a long run sustains;
- peak resident memory of each worker process (sampled every 0.2 s with psutil) and of the
  main process;
- steady CPU seconds (all processes) and sentences per CPU-second: the throughput of one core,
  which on a busy shared machine is a steadier figure than wall-clock rates;
- the projected hours for a GDELT day (700,000 articles of 500 words) at the steady wall rate,
  and on all of this machine's cores if they were free (CPU-time basis).

Sentences are the corpus's own count (known from the generator), words are whitespace tokens of
the article texts. Results go to ``benchmarks/results/scale.json``. The machine's other load
changes the figures; the JSON records the load average.

Usage: python benchmarks/scale.py --mb 1 [--configs local:1,local:2,dask:2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

from child import machine_info, run_json_child  # noqa: E402
from corpus import write_corpus  # noqa: E402

GDELT_ARTICLES = 700_000
GDELT_WORDS_PER_ARTICLE = 500


class _Clock:
    """A progress sink that notes when each chunk is committed, and the CPU seconds spent by then."""

    def __init__(self, sampler: _MemorySampler) -> None:
        self.sampler = sampler
        self.marks: list[tuple[float, int, float]] = []
        self.done = 0

    def start(self, total: int | None) -> None:
        self.marks.append((time.perf_counter(), 0, self.sampler.cpu_total()))

    def advance(self, articles: int) -> None:
        self.done += articles
        self.marks.append((time.perf_counter(), self.done, self.sampler.cpu_total()))


class _MemorySampler(threading.Thread):
    """Peak RSS (MB) of this process and of each descendant, sampled until stopped."""

    def __init__(self, interval: float = 0.2):
        super().__init__(daemon=True)
        import psutil

        self._psutil = psutil
        self._me = psutil.Process()
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self.cpu: dict[int, float] = {}
        self._lock = threading.Lock()
        self._stop_event = threading.Event()

    def _tree(self) -> list[Any]:
        try:
            return [self._me, *self._me.children(recursive=True)]
        except self._psutil.Error:
            return [self._me]

    def cpu_total(self) -> float:
        """CPU seconds (user + system) used so far by this process and all its descendants."""
        with self._lock:
            for p in self._tree():
                try:
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system
                except self._psutil.Error:
                    pass
            return sum(self.cpu.values())

    def run(self) -> None:
        while not self._stop_event.is_set():
            for p in self._tree():
                try:
                    rss = p.memory_info().rss / 2**20
                    self.peaks[p.pid] = max(self.peaks.get(p.pid, 0.0), rss)
                    if p.pid not in self.names:
                        self.names[p.pid] = " ".join(p.cmdline())[:200]
                except self._psutil.Error:
                    pass
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _is_worker(cmdline: str) -> bool:
    return "spawn_main" in cmdline or "forkserver" in cmdline


def run_config(
    config: str, corpus: Path, out: Path, *, chunk_size: int, batch_size: int
) -> dict[str, Any]:
    """Run one configuration in this process; the measurements as a dict (called in the child)."""
    from eventcoder.scale.runner import run_batch

    engine, _, n = config.partition(":")
    workers = int(n or 1)
    sampler = _MemorySampler()
    clock = _Clock(sampler)
    sampler.start()
    t0 = time.perf_counter()
    summary = run_batch(
        [str(corpus)],
        out,
        engine=engine,
        workers=workers,
        chunk_size=chunk_size,
        batch_size=batch_size,
        progress=clock,
    )
    wall = time.perf_counter() - t0
    sampler.stop()
    marks = clock.marks
    first_t, first_n, first_cpu = marks[1] if len(marks) > 2 else marks[0]
    last_t, last_n, last_cpu = marks[-1]
    me = os.getpid()
    worker_peaks = [
        mb
        for pid, mb in sampler.peaks.items()
        if pid != me and _is_worker(sampler.names.get(pid, ""))
    ]
    return {
        "config": config,
        "engine": engine,
        "workers": workers,
        "wall_s": round(wall, 2),
        "articles": summary.articles,
        "coded_sentences": summary.sentences,
        "events": summary.events,
        "steady_articles": last_n - first_n,
        "steady_s": round(last_t - first_t, 2),
        "steady_cpu_s": round(last_cpu - first_cpu, 2),
        "main_peak_rss_mb": round(sampler.peaks.get(me, 0.0), 1),
        "worker_peak_rss_mb": [round(x, 1) for x in sorted(worker_peaks, reverse=True)],
    }


def _spawn(config: str, corpus: Path, out: Path, args: argparse.Namespace) -> dict[str, Any]:
    child_args = [
        "--config-worker",
        config,
        "--corpus",
        str(corpus),
        "--run-out",
        str(out),
        "--chunk-size",
        str(args.chunk_size),
        "--batch-size",
        str(args.batch_size),
    ]
    return run_json_child(str(Path(__file__).resolve()), child_args, f"configuration {config!r}")


def _corpus_words(corpus: Path) -> int:
    with corpus.open(encoding="utf-8") as fh:
        return sum(len(json.loads(line)["text"].split()) for line in fh if line.strip())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mb", type=float, default=1.0, help="corpus size in MB of text (default 1)"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--configs", default="local:1,local:2,dask:2", help="engine:workers, comma-separated"
    )
    parser.add_argument(
        "--chunk-size", type=int, default=50, help="articles per chunk (default 50)"
    )
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--out", type=Path, default=RESULTS / "scale.json")
    parser.add_argument("--config-worker", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--run-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.config_worker:  # child: one configuration, JSON on the last stdout line
        result = run_config(
            args.config_worker,
            args.corpus,
            args.run_out,
            chunk_size=args.chunk_size,
            batch_size=args.batch_size,
        )
        print(json.dumps(result))
        return

    RESULTS.mkdir(parents=True, exist_ok=True)
    corpus = RESULTS / f"corpus-{args.mb:g}mb-seed{args.seed}.jsonl"
    counts = write_corpus(corpus, args.mb, seed=args.seed)
    words = _corpus_words(corpus)
    n_articles, n_sentences = counts["articles"], counts["sentences"]
    print(
        f"corpus: {n_articles} articles, {n_sentences} sentences, {words} words, {counts['bytes'] / 1e6:.2f} MB",
        file=sys.stderr,
    )
    cores = os.cpu_count() or 1
    results = []
    scratch = Path(tempfile.mkdtemp(prefix="eventcoder-scale-"))
    try:
        for config in args.configs.split(","):
            print(f"running {config} ...", file=sys.stderr, flush=True)
            r = _spawn(config, corpus, scratch / config.replace(":", "-"), args)
            r["sentences_per_s"] = round(n_sentences / r["wall_s"], 1)
            share = r["steady_articles"] / n_articles if n_articles else 0.0
            steady_rate = share * n_sentences / r["steady_s"] if r["steady_s"] > 0 else None
            r["steady_sentences_per_s"] = round(steady_rate, 1) if steady_rate else None
            steady_words = share * words / r["steady_s"] if r["steady_s"] > 0 else None
            r["steady_words_per_s"] = round(steady_words, 1) if steady_words else None
            r["projected_gdelt_day_h"] = (
                round(GDELT_ARTICLES * GDELT_WORDS_PER_ARTICLE / steady_words / 3600, 1)
                if steady_words
                else None
            )
            # CPU-time basis: what one fully available core does, whatever else the machine runs.
            cpu_s = r["steady_cpu_s"]
            cpu_words = share * words / cpu_s if cpu_s > 0 else None
            r["sentences_per_cpu_s"] = round(share * n_sentences / cpu_s, 1) if cpu_words else None
            r["words_per_cpu_s"] = round(cpu_words, 1) if cpu_words else None
            r["projected_gdelt_day_h_all_cores"] = (
                round(GDELT_ARTICLES * GDELT_WORDS_PER_ARTICLE / (cpu_words * cores) / 3600, 1)
                if cpu_words
                else None
            )
            results.append(r)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    by = {r["config"]: r for r in results}
    comparisons = {}
    if "local:2" in by and "dask:2" in by and by["local:2"]["steady_sentences_per_s"]:
        comparisons["dask_over_local_2_workers"] = round(
            by["dask:2"]["steady_sentences_per_s"] / by["local:2"]["steady_sentences_per_s"], 3
        )
    if "local:1" in by and "local:2" in by and by["local:1"]["steady_sentences_per_s"]:
        comparisons["speedup_2_workers"] = round(
            by["local:2"]["steady_sentences_per_s"] / by["local:1"]["steady_sentences_per_s"], 2
        )
    report = {
        "command": "python benchmarks/scale.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "corpus": {
            "mb": args.mb,
            "seed": args.seed,
            "articles": n_articles,
            "sentences": n_sentences,
            "words": words,
        },
        "chunk_size": args.chunk_size,
        "batch_size": args.batch_size,
        "gdelt_day": {"articles": GDELT_ARTICLES, "words_per_article": GDELT_WORDS_PER_ARTICLE},
        "results": results,
        "comparisons": comparisons,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    print(
        f"\n{'config':10} {'wall s':>7} {'sent/s':>7} {'steady sent/s':>13} {'sent/cpu-s':>10} "
        f"{'worker peak MB':>14} {'GDELT day h':>11} {f'h, {cores} free cores':>16}"
    )
    nan = float("nan")
    for r in results:
        peaks = r["worker_peak_rss_mb"] or [r["main_peak_rss_mb"]]
        print(
            f"{r['config']:10} {r['wall_s']:7.1f} {r['sentences_per_s']:7.1f} "
            f"{r['steady_sentences_per_s'] or nan:13.1f} {r['sentences_per_cpu_s'] or nan:10.1f} "
            f"{max(peaks):14.0f} {r['projected_gdelt_day_h'] or nan:11.1f} "
            f"{r['projected_gdelt_day_h_all_cores'] or nan:16.1f}"
        )
    for k, v in comparisons.items():
        print(f"{k}: {v}")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
