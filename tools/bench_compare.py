#!/usr/bin/env python3
"""Markdown tables from `camlab bench --json` files, for docs/performance.md.

  python3 tools/bench_compare.py CAMLAB_JSON [PYTORCH_JSON]     # the side-by-side table, on stdout
  python3 tools/bench_compare.py --page docs/performance.md docs/bench/cpu

The first form matches rows on (model, batch, method); each side shows the median ms and the ratio to its own
forward pass from the same run. The second rewrites, in the page, the blocks between
`<!-- bench:DEVICE:NAME -->` and `<!-- /bench:DEVICE:NAME -->` from the files tools/bench_run.sh writes into
docs/bench/DEVICE/ (machine.json, camlab.json, pytorch.json, memory.json): NAME is `machine`, `table` (the core
methods), `family` (the modern CAMs and input attributions, where they were timed) or `memory` (the memory block only
where memory.json exists: tools/gpu-check.sh writes none). Only the standard library
is needed.
"""
import json
import os
import re
import sys


def load(path):
    if path is None or not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def millis(row):
    """The median ms, with enough decimals for a sub-millisecond row (one decimal would print 0.05 ms as 0.0)."""
    if row is None:
        return "—"
    ms = row["ms"]
    return f"{ms:.1f}" if ms >= 100 else f"{ms:.2f}" if ms >= 1 else f"{ms:.3f}"


def ratio(row):
    return "—" if row is None else f"{row['ratioToForward']:.3f}"


def key(row):
    return row["model"], row["batch"], row["what"]


def table(ours, ref):
    """The side-by-side table: CamLab's rows in its order within each (model, batch), then the reference's extras."""
    mine = {key(r): r for r in ours["rows"]}
    theirs = {key(r): r for r in ref["rows"]} if ref else {}
    keys = [key(r) for r in ours["rows"]]
    keys += [k for k in theirs if k not in mine]
    lines = ["| model | batch | method | CamLab ms | CamLab × fwd | PyTorch ms | PyTorch × fwd | target |",
             "|---|---:|---|---:|---:|---:|---:|---|"]
    for k in sorted(keys, key=lambda k: (k[0], k[1], keys.index(k))):
        a, b = mine.get(k), theirs.get(k)
        target = (a or b).get("target")
        lines.append(f"| {k[0]} | {k[1]} | {k[2]} | {millis(a)} | {ratio(a)} | {millis(b)} | {ratio(b)} | "
                     f"{'' if target is None else '≤ ' + str(target)} |")
    return lines


MODEL_NAMES = {"gap-cnn": "GAP-CNN", "resnet18": "ResNet-18"}
FORWARD_ROWS = {"forward": "forward pass, ms", "forward (nin head)": "forward pass, NiN head, ms",
                "forward (acol head)": "forward pass, ACoL head, ms"}
COMPARED_WITH = {"conv1x1": " (× NiN-head forward)", "acol": " (× ACoL-head forward)"}


CORE = set(FORWARD_ROWS) | {"cam", "gradcam", "gradcam++", "conv1x1", "acol", "upsample+normalize", "gradcam-split"}
# the methods whose reference is done the usual slow way, and which should beat it at least twofold
PERTURBATION = ("ablationcam", "scorecam", "occlusion", "rise", "integrated-gradients", "smoothgrad")
SPEEDUP_TARGET = 2.0


def pivot(ours, ref):
    """The page's compact table of the core rows: one row per method, one column per (model, batch); each cell CamLab / PyTorch."""
    mine = {key(r): r for r in ours["rows"] if r["what"] in CORE}
    theirs = {key(r): r for r in ref["rows"] if r["what"] in CORE} if ref else {}
    rows = [r for r in ours["rows"] if r["what"] in CORE] + [r for r in (ref["rows"] if ref else []) if r["what"] in CORE and key(r) not in mine]
    settings = list(dict.fromkeys((r["model"], r["batch"]) for r in rows))
    methods = list(dict.fromkeys(r["what"] for r in rows))
    methods = [m for m in methods if m in FORWARD_ROWS] + [m for m in methods if m not in FORWARD_ROWS]
    lines = ["| method | target | " + " | ".join(f"{MODEL_NAMES.get(m, m)}, batch {b}" for m, b in settings) + " |",
             "|---|---|" + "---:|" * len(settings)]
    for what in methods:
        cells = []
        for model, batch in settings:
            a, b = mine.get((model, batch, what)), theirs.get((model, batch, what))
            show = millis if what in FORWARD_ROWS else ratio
            cells.append("" if a is None and b is None else f"{show(a)} / {show(b)}")
        target = next((r["target"] for r in rows if r["what"] == what and r.get("target") is not None), None)
        name = FORWARD_ROWS.get(what, what + COMPARED_WITH.get(what, ""))
        lines.append(f"| {name} | {'' if target is None else '≤ ' + str(target) + ' ×'} | " + " | ".join(cells) + " |")
    return lines


def family_rows(ours, ref):
    """The modern CAMs and input attributions: each CamLab row with its floor, next to the reference's row of that method."""
    theirs = {key(r): r for r in ref["rows"]} if ref else {}
    rows = ours["rows"]
    out = []
    for i, r in enumerate(rows):
        what = r["what"]
        if what in CORE or what.startswith("forward") or " floor: " in what:
            continue
        floor = rows[i - 1] if i > 0 and rows[i - 1]["what"].startswith(what + " floor: ") else None
        out.append((r, floor, theirs.get(key(r))))
    return out


def family_block(ours, ref):
    """The page's table of the whole family, and how many rows meet their targets."""
    lines = ["| method | model, batch | CamLab ms | × fwd | floor × fwd (its passes) | target × fwd | PyTorch ms | PyTorch × fwd "
             "| PyTorch ÷ CamLab: ms, × fwd |",
             "|---|---|---:|---:|---|---:|---:|---:|---:|"]
    slower = []
    compared = 0
    for r, floor, b in family_rows(ours, ref):
        passes = floor["what"].split(" floor: forward + ", 1)[1] if floor else ""
        floor_cell = f"{floor['ratioToForward']:.2f} ({passes})" if floor else ""
        target = "" if r.get("target") is None else f"≤ {r['target']}" + ("" if r["meetsTarget"] else " **missed**")
        speedup = ""
        if b is not None:
            # faster in time, and in multiples of each engine's own forward pass (the engines' convolutions differ)
            x, y = b["ms"] / r["ms"], b["ratioToForward"] / r["ratioToForward"]
            speedup = f"{x:.2f}, {y:.2f}"
            if r["what"] in PERTURBATION:
                compared += 1
                if min(x, y) < SPEEDUP_TARGET:
                    slower.append(f"{r['what']} ({MODEL_NAMES.get(r['model'], r['model'])}, batch {r['batch']}: {x:.2f}, {y:.2f})")
                    speedup += " **< 2**"
        lines.append(f"| {r['what']} | {MODEL_NAMES.get(r['model'], r['model'])}, {r['batch']} | {millis(r)} | {ratio(r)} | {floor_cell} "
                     f"| {target} | {millis(b) if b else '—'} | {ratio(b) if b else '—'} | {speedup} |")
    if ref and compared:
        lines += ["", f"Perturbation and path methods at least {SPEEDUP_TARGET:g}× faster than the reference, in time and in multiples of "
                  f"the forward pass: {compared - len(slower)} of {compared}"
                  + (f"; not: {'; '.join(slower)}." if slower else ".")]
    return lines


def training_line(name, run):
    t = run.get("training") if run else None
    if not t:
        return None
    return (f"{name} {t['trainingToInference']:.3f} ({t['trainingImagesPerSecond']} against "
            f"{t['inferenceImagesPerSecond']} images/s)")


def verdict(ours):
    """Which of CamLab's rows with a target meet it, and the training target."""
    judged = [r for r in ours["rows"] if r.get("target") is not None]
    missed = [f"{r['model']} b{r['batch']} {r['what']} {r['ratioToForward']:.3f} (≤ {r['target']})"
              for r in judged if not r["meetsTarget"]]
    t = ours.get("training")
    if t and not t["meetsTarget"]:
        missed.append(f"training ÷ inference {t['trainingToInference']:.3f} (≥ {t['target']})")
    total = len(judged) + (1 if t else 0)
    if not missed:
        return f"CamLab meets all {total} targets in this run."
    return f"CamLab meets {total - len(missed)} of {total} targets in this run; missed: " + "; ".join(missed) + "."


def table_block(ours, ref, compact=False):
    lines = pivot(ours, ref) if compact else table(ours, ref)
    parts = [p for p in (training_line("CamLab", ours), training_line("PyTorch", ref)) if p]
    target = (ours.get("training") or {}).get("target")
    if parts:
        lines += ["", "Training ÷ inference throughput, GAP-CNN at batch 64 (target ≥ " + str(target) + "): "
                  + "; ".join(parts) + "."]
    rss = f"Peak RSS: CamLab {ours['peakRssMb']:.0f} MB" + (f", PyTorch {ref['peakRssMb']:.0f} MB" if ref else "") + "."
    lines += ["", verdict(ours) + " " + rss]
    return lines


def malloc(machine):
    """The allocator's settings where the run recorded them (docs/performance.md, "The forward pass against PyTorch's")."""
    tunables = machine.get("glibcTunables")
    if tunables is None:
        return ""
    return ", glibc's malloc defaults" if tunables in ("None", "null", "") else f", `GLIBC_TUNABLES={tunables}`"


def machine_block(device, machine, ours, ref, memory):
    m = ours["machine"]
    gpu = machine.get("gpu", "none")
    where = (f"{machine['cores']} cores ({machine['cpu']}), {machine['memoryGiB']:g} GiB, "
             + ("no GPU" if gpu == "none" else f"GPU: {gpu}"))
    engine = f"{m['java']}, DJL's {m['engine']} engine on {m['device']} with {m['intraOpThreads']} intra-op threads" + malloc(m)
    reference = (f"the reference on Python {ref['machine']['python']} with {ref['machine']['engine']}, "
                 f"{ref['machine']['intraOpThreads']} threads" + malloc(ref["machine"]) if ref else "no PyTorch reference on this device")
    loads = [ours["machine"]["loadAverage"], (ref or ours)["loadAverageAtEnd"]]
    lines = [f"Machine: {where}; {engine}; {reference}.",
             f"Run: {machine['date']}, CamLab commit {machine['commit']}, load average (1, 5, 15 min) "
             f"{loads[0]} at the start and {loads[1]} at the end. The files: [docs/bench/{device}/](bench/{device}/)."]
    return lines


def memory_block(memory):
    m = memory["memory"]
    rows = [("explain calls", f"{m['calls']:,} after {m['warmupCalls']} warm-up calls ({', '.join(m['methods'])} in turn, "
                              f"batch {m['batch']}), {m['seconds']:.0f} s"),
            ("RSS first → last", f"{m['rssFirstMb']} → {m['rssLastMb']} MB: drift **{m['driftPercent']:+.2f} %** (target within 5 %)"),
            ("RSS min / max", f"{m['rssMinMb']} / {m['rssMaxMb']} MB (max {m['maxAboveFirstPercent']:+.1f} % of the first sample)"),
            (f"drift from call {m['secondHalfFromCall']:,} on", f"{m['driftSecondHalfPercent']:+.2f} % (a leak keeps growing here)")]
    if "rssAfterMallocTrimMb" in m:
        rows.append(("after `malloc_trim(0)`", f"{m['rssAfterMallocTrimMb']} MB ({m['driftAfterMallocTrimPercent']:+.2f} % of the first sample)"))
    rows.append(("arrays in the model's manager", f"{m['modelArraysBefore']} before, {m['modelArraysAfterWarmUp']} after the warm-up, "
                                                  f"{m['modelArraysAtEnd']} at the end"))
    trim = m.get("nativeHeapTrimIntervalMs", 0)
    rows.append(("native heap trimmed", f"every {trim / 1000:g} s" if trim else "never (this JDK has no -XX:TrimNativeHeapInterval)"))
    lines = ["| | |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows]
    per_method = m.get("perMethod", {})
    if per_method:
        first = next(iter(per_method.values()))
        lines += ["", f"Each of the modern CAMs and input attributions in a loop of its own ({first['calls']:,} calls after "
                      f"{first['warmupCalls']} warm-up calls, batch {first['batch']}):", "",
                  "| method | RSS first → last (MB) | drift | drift, second half | after `malloc_trim(0)` | arrays before / after warm-up / end |",
                  "|---|---|---:|---:|---:|---|"]
        for name, r in per_method.items():
            trim = f"{r['driftAfterMallocTrimPercent']:+.2f} %" if "driftAfterMallocTrimPercent" in r else "—"
            lines.append(f"| {name} | {r['rssFirstMb']} → {r['rssLastMb']} | {r['driftPercent']:+.2f} % | {r['driftSecondHalfPercent']:+.2f} % "
                         f"| {trim} | {r['modelArraysBefore']} / {r['modelArraysAfterWarmUp']} / {r['modelArraysAtEnd']} |")
    return lines


def replace_block(page, device, name, lines):
    begin, end = f"<!-- bench:{device}:{name} -->", f"<!-- /bench:{device}:{name} -->"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if not pattern.search(page):
        sys.exit(f"bench_compare.py: the page has no {begin} … {end} block; add one where the {name} goes.")
    return pattern.sub(lambda _: "\n".join([begin, *lines, end]), page)


def update_page(page_path, bench_dir):
    device = os.path.basename(os.path.normpath(bench_dir))
    files = {name: load(os.path.join(bench_dir, name + ".json")) for name in ("machine", "camlab", "pytorch", "memory")}
    for needed in ("machine", "camlab"):
        if files[needed] is None:
            sys.exit(f"bench_compare.py: {bench_dir}/{needed}.json is missing; tools/bench_run.sh {device} writes it.")
    with open(page_path) as f:
        page = f.read()
    page = replace_block(page, device, "machine", machine_block(device, files["machine"], files["camlab"], files["pytorch"], files["memory"]))
    page = replace_block(page, device, "table", table_block(files["camlab"], files["pytorch"], compact=True))
    if family_rows(files["camlab"], files["pytorch"]):
        page = replace_block(page, device, "family", family_block(files["camlab"], files["pytorch"]))
    if files["memory"] is not None:
        page = replace_block(page, device, "memory", memory_block(files["memory"]))
    with open(page_path, "w") as f:
        f.write(page)


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "--page":
        update_page(args[1], args[2])
    elif len(args) in (1, 2) and not args[0].startswith("--"):
        ours, ref = load(args[0]), load(args[1] if len(args) == 2 else None)
        if ours is None:
            sys.exit(f"bench_compare.py: {args[0]} not found")
        print("\n".join(table_block(ours, ref)))
    else:
        sys.exit("usage: bench_compare.py CAMLAB_JSON [PYTORCH_JSON] | --page PAGE.md BENCH_DIR")


if __name__ == "__main__":
    main()
