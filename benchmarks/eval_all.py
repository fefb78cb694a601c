"""Score the coder on every gold file in ../shared/eval and print one SUMMARY line per file.

Run from the repository root:

    python benchmarks/eval_all.py                 # all files
    python benchmarks/eval_all.py --limit 100     # first 100 lines of each
    python benchmarks/eval_all.py --only plv_dev --only plover_gsr

Each file's full report is written as JSON to benchmarks/results/<name>.json (git-ignored), and
all summaries to benchmarks/results/summary.txt.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventcoder.analysis import evaluate
from eventcoder.coder import Coder

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO / ".." / "shared"

#: gold file -> (given_actors, extra dictionaries under ../shared/dictionaries, statements).
#: multicoder is coded in CAMEO, whose coders count public statements (root 01), so the coder codes
#: them there (--statements); PLOVER sets leave statements out, so the coder does too.
MODES: dict[str, tuple[bool | None, tuple[str, ...], bool]] = {
    "plv_dev": (True, (), False),
    "plover_gsr": (None, (), False),
    "petr2_gsr_validation": (None, (), False),
    "petr_unittest": (None, ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"), False),
    "multicoder": (None, (), True),
    "penta_dev": (True, (), False),
    "location_dev": (None, (), False),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default ../shared)"
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score only the first N lines of each file"
    )
    parser.add_argument("--only", action="append", default=[], help="file stem to run (repeatable)")
    parser.add_argument("--errors", type=int, default=5, help="worst confusions kept in the JSON")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args(argv)

    eval_dir = args.shared / "eval"
    if not eval_dir.is_dir():
        print(f"no gold data: {eval_dir} does not exist (pass --shared)", file=sys.stderr)
        return 2
    names = args.only or [p.stem for p in sorted(eval_dir.glob("*.jsonl"))]
    unknown = [n for n in names if not (eval_dir / f"{n}.jsonl").exists()]
    if unknown:
        print(
            f"unknown gold file(s): {', '.join(unknown)}; have: {', '.join(sorted(MODES))}",
            file=sys.stderr,
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    coders: dict[tuple[tuple[str, ...], bool], Coder] = {}
    summaries = []
    for name in names:
        given, dicts, statements = MODES.get(name, (None, (), False))
        paths = tuple(str(args.shared / "dictionaries" / d) for d in dicts)
        if (paths, statements) not in coders:
            started = time.perf_counter()
            coders[paths, statements] = Coder(dictionaries=list(paths), statements=statements)
            print(
                f"[coder with {len(paths)} extra dictionaries, statements {'on' if statements else 'off'},"
                f" loaded in {time.perf_counter() - started:.1f}s]",
                file=sys.stderr,
            )
        report = evaluate(
            eval_dir / f"{name}.jsonl", coders[paths, statements], given_actors=given, limit=args.limit
        )
        data = report.to_dict(errors=args.errors)
        data["dictionaries"] = list(dicts)
        data["statements"] = statements
        (args.out / f"{name}.json").write_text(
            json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        line = f"{report.summary}{' statements=on' if statements else ''} ({report.sentences_per_s} sentences/s)"
        summaries.append(line)
        print(line, flush=True)
    (args.out / "summary.txt").write_text("\n".join(summaries) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
