#!/usr/bin/env python3
"""The figures of tools/gpu-check.sh, from the files its steps write. Only the standard library is needed.

  gpu_check_report.py explain MAPS_DIR DEVICE FIXTURES OUT_JSON
      compares the maps `camlab explain` wrote on the device (MODEL-METHOD-DEVICE.npy) with those it wrote on the CPU
      (MODEL-METHOD-cpu.npy) and with PyTorch's own (FIXTURES/MODEL/ref-METHOD.npy): relative error
      max|a - b| / max|b|, at most 1e-4 to agree
  gpu_check_report.py summary OUT_DIR FAILED_FILE SKIPPED_FILE
      prints one line per figure: tests, map agreement, training epoch, one bench line per model and batch (each
      ratio beside its target and the reference's ms), training throughput, and which steps failed
"""
import ast
import json
import os
import struct
import sys
import xml.etree.ElementTree as ET

TOLERANCE = 1e-4
SPEEDUP_TARGET = 2.0
METHODS = ["cam", "gradcam", "gradcam++", "conv1x1", "acol", "upsample+normalize"]


def read_npy(path):
    """(shape, values) of a little-endian float32 .npy file (format 1.0 or 2.0)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:6] != b"\x93NUMPY":
        raise ValueError(f"{path} is not a .npy file")
    major = data[6]
    if major == 1:
        (length,), start = struct.unpack("<H", data[8:10]), 10
    else:
        (length,), start = struct.unpack("<I", data[8:12]), 12
    header = ast.literal_eval(data[start:start + length].decode("latin1"))
    if header["descr"] != "<f4" or header["fortran_order"]:
        raise ValueError(f"{path}: expected little-endian float32 in C order, got {header}")
    body = data[start + length:]
    values = struct.unpack(f"<{len(body) // 4}f", body)
    return tuple(header["shape"]), values


def relative_error(a, b):
    scale = max(abs(v) for v in b) or 1.0
    return max(abs(x - y) for x, y in zip(a, b)) / scale


def explain(maps_dir, device, fixtures, out_json):
    cases = []
    for name in sorted(os.listdir(maps_dir)):
        if not name.endswith(f"-{device}.npy"):
            continue
        model, method = name[:-len(f"-{device}.npy")].split("-", 1)
        shape, ours = read_npy(os.path.join(maps_dir, name))
        case = {"model": model, "method": method, "device": device, "shape": list(shape)}
        cpu_file = os.path.join(maps_dir, f"{model}-{method}-cpu.npy")
        if os.path.exists(cpu_file):
            cpu_shape, cpu = read_npy(cpu_file)
            case["relativeToCpu"] = relative_error(ours, cpu) if cpu_shape == shape else None
        ref_file = os.path.join(fixtures, model, f"ref-{method}.npy")
        if os.path.exists(ref_file):
            ref_shape, ref = read_npy(ref_file)
            case["relativeToPyTorch"] = relative_error(ours, ref) if ref_shape == shape else None
        errors = [case[k] for k in ("relativeToCpu", "relativeToPyTorch") if k in case]  # None: the shapes differ
        case["agrees"] = bool(errors) and all(e is not None and e <= TOLERANCE for e in errors)
        cases.append(case)
    with open(out_json, "w") as f:
        json.dump({"tolerance": TOLERANCE, "cases": cases}, f, indent=2)


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def tests_line(out):
    path = os.path.join(out, "tests.xml")
    if not os.path.exists(path):
        return ["tests: no report (the step did not run to the end; see log.txt)"]
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    count = {k: sum(int(s.get(k, 0)) for s in suites) for k in ("tests", "failures", "errors", "skipped")}
    seconds = sum(float(s.get("time", 0)) for s in suites)
    broken = [f"{c.get('classname', '').rsplit('.', 1)[-1]}.{c.get('name')}" for c in root.iter("testcase")
              if c.find("failure") is not None or c.find("error") is not None]
    passed = count["tests"] - count["failures"] - count["errors"] - count["skipped"]
    lines = [f"tests (tag engine): {passed} passed, {count['failures']} failed, {count['errors']} errors, "
             f"{count['skipped']} skipped, in {seconds:.0f} s"]
    lines += [f"  not passed: {b}" for b in broken[:10]] + ([f"  … and {len(broken) - 10} more"] if len(broken) > 10 else [])
    return lines


def explain_lines(out):
    report = load(os.path.join(out, "explain.json"))
    if not report or not report["cases"]:
        return ["explain: no maps (see log.txt)"]
    lines = []
    for c in report["cases"]:
        def fmt(key):
            v = c.get(key)
            return "n/a" if v is None else f"{v:.1e}"
        lines.append(f"explain {c['model']}/{c['method']} on {c['device']} {c['shape']}: max|Δ|/max|ref| {fmt('relativeToCpu')} against "
                     f"the CPU, {fmt('relativeToPyTorch')} against PyTorch — {'agree' if c['agrees'] else 'DIFFER'} "
                     f"(≤ {report['tolerance']:g})")
    return lines


def training_line(out):
    t = load(os.path.join(out, "training.json"))
    if not t:
        return ["training: no result (see log.txt)"]
    return [f"training {t['architecture']}, one epoch on {t['device']}: {t['trainImages']} images in {t['epochSeconds']:.1f} s = "
            f"{t['imagesPerSecond']:.0f} images/s; test accuracy {t['testAccuracyAfterTraining']:.4f} after training, "
            f"{t['testAccuracyOfCheckpoint']:.4f} of the checkpoint read back on {t['checkpointDevice']} "
            f"({t['testImages']} test images)"]


def bench_lines(out):
    ours = load(os.path.join(out, "camlab.json"))
    ref = load(os.path.join(out, "pytorch.json"))
    if not ours:
        return ["bench: no result (see log.txt)"]
    theirs = {(r["model"], r["batch"], r["what"]): r for r in ref["rows"]} if ref else {}
    m = ours["machine"]
    lines = [f"bench on {m['device']}: {m['engine']}, {m['intraOpThreads']} intra-op threads; reference: "
             + (f"{ref['machine']['engine']} on {ref['machine']['device']}" if ref else "none (see log.txt)")]
    settings = list(dict.fromkeys((r["model"], r["batch"]) for r in ours["rows"]))
    for model, batch in settings:
        rows = {r["what"]: r for r in ours["rows"] if r["model"] == model and r["batch"] == batch}
        fwd = rows["forward"]
        ref_fwd = theirs.get((model, batch, "forward"))
        parts, met, targets, speedups = [], 0, 0, []
        for what in METHODS:
            r = rows.get(what)
            if r is None:
                continue
            mark = ""
            if r["target"] is not None:
                targets += 1
                met += bool(r["meetsTarget"])
                mark = "" if r["meetsTarget"] else f" MISSED ≤ {r['target']}"
            parts.append(f"{what} {r['ratioToForward']:.3f}×{mark}")
            t = theirs.get((model, batch, what))
            if t and what in ("cam", "gradcam", "gradcam++"):
                s = t["ms"] / r["ms"]
                speedups.append(f"{what} {s:.1f}×" + ("" if s >= SPEEDUP_TARGET else " (< 2×)"))
        ref_ms = f" (PyTorch {ref_fwd['ms']:.3f} ms)" if ref_fwd else ""
        lines.append(f"bench {model} batch {batch}: forward {fwd['ms']:.3f} ms{ref_ms}; " + ", ".join(parts)
                     + f"; targets met {met}/{targets}" + ("; faster than PyTorch: " + ", ".join(speedups) if speedups else ""))
    tr, rtr = ours.get("training"), (ref or {}).get("training")
    if tr:
        line = (f"bench GAP-CNN training ÷ inference at batch 64: CamLab {tr['trainingToInference']:.3f} "
                f"({tr['trainingImagesPerSecond']:.0f} against {tr['inferenceImagesPerSecond']:.0f} images/s)")
        if rtr:
            line += (f", PyTorch {rtr['trainingToInference']:.3f} ({rtr['trainingImagesPerSecond']:.0f} against "
                     f"{rtr['inferenceImagesPerSecond']:.0f} images/s)")
        lines.append(line + f"; target ≥ {tr['target']}")
    return lines


def summary(out, failed_file, skipped_file):
    lines = tests_line(out) + explain_lines(out) + training_line(out) + bench_lines(out)
    failed = open(failed_file).read().split("\n") if os.path.exists(failed_file) else []
    skipped = open(skipped_file).read().split("\n") if os.path.exists(skipped_file) else []
    lines += [f"step {f}" for f in failed if f] + [f"step {s}: skipped, no time left" for s in skipped if s]
    problems = len([f for f in failed if f]) + len([s for s in skipped if s])
    lines.append("all steps ran to the end" if problems == 0 else f"{problems} step(s) did not run to the end; see log.txt")
    print("\n".join("gpu-check: " + line for line in lines))


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "explain":
        explain(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "summary":
        summary(*sys.argv[2:])
    else:
        sys.exit(__doc__)
