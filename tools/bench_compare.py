#!/usr/bin/env python3
"""Side-by-side Markdown table of a `camlab bench --json` file and a tools/bench_pytorch_reference.py --json file.

  python3 tools/bench_compare.py camlab.json pytorch.json

Rows are matched on (model, batch, method); each side shows the median ms and the ratio to its own forward
pass from the same run. Only the standard library is needed.
"""
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def millis(row):
    """The median ms, with enough decimals for a sub-millisecond row (one decimal printed 0.05 ms as 0.0)."""
    if row is None:
        return "—"
    ms = row["ms"]
    return f"{ms:.1f}" if ms >= 100 else f"{ms:.2f}" if ms >= 1 else f"{ms:.3f}"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench_compare.py CAMLAB_JSON PYTORCH_JSON")
    ours, ref = load(sys.argv[1]), load(sys.argv[2])
    theirs = {(r["model"], r["batch"], r["what"]): r for r in ref["rows"]}
    keys = [(r["model"], r["batch"], r["what"]) for r in ours["rows"]]
    keys += [k for k in theirs if k not in set(keys)]
    mine = {(r["model"], r["batch"], r["what"]): r for r in ours["rows"]}
    print("| model | batch | method | CamLab ms | CamLab × fwd | PyTorch ms | PyTorch × fwd | target |")
    print("|---|---:|---|---:|---:|---:|---:|---|")
    for k in sorted(keys, key=lambda k: (k[0], k[1], keys.index(k))):
        a, b = mine.get(k), theirs.get(k)
        cell = lambda r, f, d: "—" if r is None else f"{r[f]:.{d}f}"
        target = (a or b).get("target")
        print(f"| {k[0]} | {k[1]} | {k[2]} | {millis(a)} | {cell(a, 'ratioToForward', 3)} | {millis(b)} | "
              f"{cell(b, 'ratioToForward', 3)} | {'' if target is None else '≤ ' + str(target)} |")
    for name, j in (("CamLab", ours), ("PyTorch", ref)):
        t = j.get("training")
        if t:
            print(f"\n{name} GAP-CNN at batch 64: inference {t['inferenceImagesPerSecond']} images/s, training "
                  f"{t['trainingImagesPerSecond']} images/s, ratio {t['trainingToInference']} (target ≥ {t['target']}); "
                  f"peak RSS {j['peakRssMb']} MB; load {j['machine']['loadAverage']} → {j['loadAverageAtEnd']}")


if __name__ == "__main__":
    main()
