#!/usr/bin/env bash
# What one forward pass costs, CamLab against the PyTorch reference, pass by pass: wall time, user and system CPU time,
# minor page faults. Short runs, for a shared machine too: the page faults and the system time do not depend on load.
#
#   tools/forward_probe.sh java|python MODEL BATCH PASSES       e.g. tools/forward_probe.sh java resnet18 32 8
#
# java runs with ./camlab's JVM flags and environment (OMP_WAIT_POLICY, GLIBC_TUNABLES: set GLIBC_TUNABLES= for
# glibc's defaults); python with Debian's python3-torch and 2 threads, as tools/bench_run.sh runs the reference.
set -euo pipefail
cd "$(dirname "$0")/.."
side="${1:?java or python}"; shift
[ $# -eq 3 ] || { echo "usage: tools/forward_probe.sh java|python MODEL BATCH PASSES" >&2; exit 2; }
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
case "$side" in
  java)
    [ -f lib/target/camlab-lib.jar ] || ./mvnw -q -B -pl lib -am -DskipTests package
    export GLIBC_TUNABLES="${GLIBC_TUNABLES-$(sed -n 's/^export GLIBC_TUNABLES="${GLIBC_TUNABLES-\(.*\)}"$/\1/p' camlab)}"
    # shellcheck disable=SC2046
    exec java $(cat lib/target/classes/camlab/jvm.options) -cp "lib/target/camlab-lib.jar:$(cat lib/target/classpath.txt)" \
      tools/ForwardProbe.java "$@" ;;
  python) exec /usr/bin/python3 tools/forward_probe.py "$@" ;;
  *) echo "tools/forward_probe.sh: the first argument is java or python" >&2; exit 2 ;;
esac
