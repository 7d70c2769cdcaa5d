#!/usr/bin/env python3
"""The Python side of tools/forward_probe.sh: forward passes of the reference's networks (bench_pytorch_reference.py) on
the CPU under torch.no_grad(), one at a time, each with its wall time, the process's user and system CPU time and its
minor page faults, and their medians after the first pass.

  OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 tools/forward_probe.py MODEL BATCH PASSES [THREADS]   (MODEL: gap-cnn, resnet18)
"""
import os
import resource
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_pytorch_reference as reference  # noqa: E402  (the same networks as the benchmark)


def main():
    model, batch, passes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(threads)
    torch.manual_seed(1)
    net = (reference.resnet18() if model == "resnet18" else reference.gap_cnn()).eval()
    x = torch.rand((batch,) + ((3, 224, 224) if model == "resnet18" else (1, 64, 64)))
    print(f"{model} batch {batch}, intra-op threads {torch.get_num_threads()}, GLIBC_TUNABLES={os.environ.get('GLIBC_TUNABLES')}")
    samples = []
    for p in range(passes):
        before, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
        with torch.no_grad():
            net(x)
        ms, after = (time.perf_counter() - t0) * 1000, resource.getrusage(resource.RUSAGE_SELF)
        samples.append((ms, (after.ru_utime - before.ru_utime) * 1000, (after.ru_stime - before.ru_stime) * 1000,
                        after.ru_minflt - before.ru_minflt))
        print("pass %d: wall %.1f ms, user %.0f ms, sys %.0f ms, minor faults %d" % ((p,) + samples[-1]))
    median = [statistics.median(s[k] for s in samples[min(1, passes - 1):]) for k in range(4)]
    print("median after the first pass: wall %.1f ms, user %.0f ms, sys %.0f ms, minor faults %.0f" % tuple(median))


if __name__ == "__main__":
    main()
