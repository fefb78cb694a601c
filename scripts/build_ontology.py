"""Build eventcoder/data/ontology/cameo.csv from the public CAMEO and PLOVER reference tables.

The output holds facts only: each CAMEO code, its short name, its Goldstein value, its quad class,
and the PLOVER type, mode and context the CAMEO->PLOVER table (2021) gives it. Codes the table
leaves out are filled by the rules in ``fill_missing`` below (documented in ARCHITECTURE.md).

Usage: python scripts/build_ontology.py ../shared/reference
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/eventcoder/data/ontology/cameo.csv"


def quad_class(root: str) -> int:
    r = int(root)
    if r <= 5:
        return 1
    if r <= 9:
        return 2
    if r <= 14:
        return 3
    return 4


def read_plover_table(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        if len(code) == 2 or not parts[0]:
            continue
        ptype = parts[0]
        mode = parts[1] if len(parts) > 1 else ""
        ctx = parts[2] if len(parts) > 2 else ""
        table.setdefault(code, (ptype, mode.replace(" ", ""), ctx.replace(" ", "")))
    return table


def fill_missing(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    if code in table:
        return table[code]
    root = code[:2]
    # Nearest coded ancestor first (e.g. 0231 -> 023).
    for n in range(len(code) - 1, 2, -1):
        if code[:n] in table:
            return table[code[:n]]
    if root == "01":
        return ("", "", "")  # public statements have no PLOVER type
    if root == "02":
        return ("REQUEST", "", "")
    if root == "19":
        return ("ASSAULT", "", "military")
    if root == "20":
        return ("ASSAULT", "", "military")
    if root + "0" in table:
        return table[root + "0"]
    return ("", "", "")


def main(ref_dir: str) -> None:
    ref = Path(ref_dir)
    table = read_plover_table(ref / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(ref / "cameo-codes.csv", encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh):
            code = r["code"].strip()
            name = r["name"].strip()
            if len(code) == 2:
                ptype, mode, ctx = fill_missing(code + "0", table)
            else:
                ptype, mode, ctx = fill_missing(code, table)
            rows.append(
                {
                    "code": code,
                    "root": code[:2],
                    "name": name,
                    "goldstein": float(r["goldstein"]),
                    "quad_class": quad_class(code[:2]),
                    "plover_type": ptype,
                    "plover_mode": mode,
                    "plover_context": ctx,
                }
            )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
