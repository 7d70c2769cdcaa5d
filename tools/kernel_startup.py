#!/usr/bin/python3
"""Times the installed CamLab kernel from start to its first executed cell, through Debian's jupyter_client.

    /usr/bin/python3 tools/kernel_startup.py [--kernel camlab-java] [--runs 5]

For each run it starts a fresh kernel and measures, from just before start_kernel():
  ready   the kernel answers kernel_info (wait_for_ready)
  first   a first cell, `1 + 1`, has finished (its reply arrived)
  engine  in another fresh kernel: a first cell that touches the DJL engine,
          `NDManager.newBaseManager().ones(new Shape(2)).sum()`, has finished
It prints each run and the median. One untimed start comes first, so the runs are warm (JVM, jars and
PyTorch's native libraries in the page cache). The kernel's CPU time (user + system, /proc) is shown next to
the wall time because it depends less on what else the machine is doing.
"""

import argparse
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

FIRST_CELL = "1 + 1"
ENGINE_CELL = "NDManager.newBaseManager().ones(new Shape(2)).sum()"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_first_cell(kernel, code):
    """(seconds to ready, seconds to the first cell's reply, kernel CPU seconds) for one fresh kernel."""
    env = dict(os.environ)
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    km = KernelManager(kernel_name=kernel)
    t0 = time.monotonic()
    km.start_kernel(env=env)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        ready = time.monotonic() - t0
        reply = kc.execute_interactive(code, timeout=120, output_hook=lambda msg: None)
        done = time.monotonic() - t0
        if reply["content"]["status"] != "ok":
            sys.exit(f"the cell {code!r} failed: {reply['content'].get('evalue')}")
        return ready, done, cpu_seconds(km.provisioner.process.pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", default="camlab-java", help="kernelspec name (default camlab-java)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each kind (default 5)")
    args = parser.parse_args()

    time_first_cell(args.kernel, FIRST_CELL)  # warm-up, not counted
    results = {"first": [], "engine": []}
    for i in range(args.runs):
        for kind, code in (("first", FIRST_CELL), ("engine", ENGINE_CELL)):
            ready, done, cpu = time_first_cell(args.kernel, code)
            results[kind].append((ready, done, cpu))
            print(f"run {i + 1} {kind:6}: ready {ready:5.2f} s, first cell done {done:5.2f} s (kernel CPU {cpu:5.2f} s)",
                  flush=True)
    print(f"\nkernel {args.kernel}, {args.runs} warm runs, load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")
    for kind, code in (("first", FIRST_CELL), ("engine", ENGINE_CELL)):
        rows = results[kind]
        print(f"median start -> `{code}` done: {statistics.median(r[1] for r in rows):.2f} s"
              f" (ready {statistics.median(r[0] for r in rows):.2f} s, kernel CPU {statistics.median(r[2] for r in rows):.2f} s)")


if __name__ == "__main__":
    main()
