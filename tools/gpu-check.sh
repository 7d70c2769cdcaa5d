#!/usr/bin/env bash
# Everything that needs a GPU, in one run that writes its results to a folder and ends with one summary line per
# figure. For a Linux machine with an NVIDIA GPU and a CUDA build of PyTorch for Python, without network, with the
# kit that tools/gpu-kit.sh prepares beside the checkout (at most 64 MiB travel: the kit and the working tree):
#
#   tools/gpu-check.sh [--device gpu|cpu] [--kit .gpu-kit] [--out DIR] [--quick]
#
# In order, each step under its own time limit and the whole under 7.5 minutes:
#   setup      unpacks the kit's Java runtime and Fashion-MNIST; on a GPU, compiles DJL's JNI bridge against the
#              machine's libtorch (../shared/gpu/device-setup.sh, kept in the kit)
#   explain    ./camlab explain on the TorchScript fixtures (GAP: cam, gradcam, gradcam++; FC: gradcam) on the device
#              and on the CPU: the maps must agree to max|gpu - cpu| / max|cpu| <= 1e-4
#   tests      the library's tests that touch the engine (JUnit tag 'engine'), on the device (-Dcamlab.test.device)
#   training   one epoch of the course's GAP-CNN on the device (images/s), its checkpoint read back and evaluated
#   bench      ./camlab bench --device gpu: every method, GAP-CNN and ResNet-18, batch 1, 32 and 256
#   reference  tools/bench_pytorch_reference.py --device cuda on the same GPU, right after, same protocol
# Results in DIR (default out/gpu-check-DEVICE; 8 files): summary.txt, log.txt, tests.xml, explain.json, training.json,
# and machine.json, camlab.json and pytorch.json as tools/bench_run.sh names them in docs/bench/DEVICE/, so that
# tools/bench_compare.py --page docs/performance.md docs/bench/gpu makes the page's GPU table from a copy of them.
#
# --device cpu is the dry run for a machine without a GPU: the same steps on the CPU, with the kit's Java runtime and
# jars plus the CPU engine of the local build (./mvnw package), and Debian's python3-torch for the reference. --quick
# shrinks the repetitions, batches and the epoch so that the dry run takes minutes on 2 cores.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
device=gpu kit=.gpu-kit out="" quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --device) device="$2"; shift 2 ;;
    --kit) kit="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    *) echo "usage: tools/gpu-check.sh [--device gpu|cpu] [--kit .gpu-kit] [--out DIR] [--quick]" >&2; exit 2 ;;
  esac
done
case "$device" in gpu|cpu) ;; *) echo "gpu-check: --device is gpu or cpu; got '$device'" >&2; exit 2 ;; esac
out="${out:-out/gpu-check-$device}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -f "$out"/{summary.txt,log.txt,tests.xml,explain.json,training.json,machine.json,camlab.json,pytorch.json}
kit="$(cd "$kit" 2>/dev/null && pwd)" || { echo "gpu-check: no kit at $kit; run tools/gpu-kit.sh first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$out/log.txt"
: > "$log"
deadline=$(( $(date +%s) + ${GPU_CHECK_SECONDS:-450} ))
say() { echo "gpu-check: $*" | tee -a "$log"; }

# Runs one step with its output in the log; its programs run under `limit`, which stops them at the step's own limit
# or at the run's deadline, whichever comes first.
step() {
  local name="$1" cap="$2"; shift 2
  local left=$(( deadline - $(date +%s) - 5 ))
  [ "$cap" -lt "$left" ] || cap="$left"
  if [ "$cap" -le 0 ]; then say "$name: skipped, no time left"; echo "$name" >> "$work/skipped"; return 124; fi
  say "$name: started (limit ${cap} s)"
  local t0=$(date +%s) rc
  step_end=$(( t0 + cap ))
  "$@" >> "$log" 2>&1
  rc=$?
  say "$name: exit code $rc after $(( $(date +%s) - t0 )) s"
  [ $rc -eq 0 ] || echo "$name: exit code $rc$([ $rc -eq 124 ] && echo ', stopped at its time limit')" >> "$work/failed"
  return $rc
}
limit() {
  local left=$(( step_end - $(date +%s) ))
  [ "$left" -gt 0 ] || return 124
  timeout -k 10 "$left" "$@"
}

# --- setup -------------------------------------------------------------------------------------------------------
python="python3"
if ! "$python" -c "import torch" 2>/dev/null && [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import torch" 2>/dev/null; then
  python=/usr/bin/python3   # Debian's python3-torch, outside a virtual environment that lacks it
fi
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
unpack() { "$python" -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$1" "$2"; }
export CAMLAB_DATA="$work/fashion-mnist"
mkdir -p "$CAMLAB_DATA"
for f in "$kit"/fashion-mnist/*.xz; do
  "$python" -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' \
    "$f" "$CAMLAB_DATA/$(basename "$f" .xz)"
done
if [ "$device" = gpu ]; then
  [ -x "$kit/jre.tmp/bin/java" ] || unpack "$kit/jre.txz" "$kit"   # where device-setup.sh looks for it
  # shellcheck disable=SC1091
  source "$kit/device-setup.sh" "$kit" >> "$log" 2>&1
  set +e
  if [ ! -f "$DJL_CACHE_DIR/pytorch/2.7.1-custom-linux-x86_64/0.36.0-libdjl_torch.so" ] || [ -z "${CAMLAB_GPU_CP:-}" ]; then
    say "setup: DJL's JNI bridge did not build against this machine's libtorch; see $log"
    exit 1
  fi
  cp="$CAMLAB_GPU_CP"
else
  unpack "$kit/jre.txz" "$work"   # not into the kit, which must stay small enough to travel
  export JAVA="$work/jre.tmp/bin/java" DJL_CACHE_DIR="$root/.cache/djl"
  engine_jars="$(tr ':' '\n' < lib/target/classpath.txt | grep -E 'pytorch-(jni|native-cpu)' | paste -sd:)"
  cp="$(ls "$kit"/jars/*.jar | paste -sd:):$engine_jars"
fi
# The JVM flags every CamLab JVM gets, less the build machine's DJL cache (DJL_CACHE_DIR comes from the environment).
jvm=( $("$python" -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("camlab/jvm.options").decode())' "$kit/jars/camlab-lib.jar" \
  | tr ' ' '\n' | grep -v '^-DDJL_CACHE_DIR=') -Xmx6g -Dcamlab.cache="$work/cache" )
# ./camlab's allocator settings, for the JVMs only (the reference runs as Python users run it, as in tools/bench_run.sh).
malloc="$(sed -n 's/^export GLIBC_TUNABLES="${GLIBC_TUNABLES-\(.*\)}"$/\1/p' camlab)"
java_() { limit env GLIBC_TUNABLES="${GLIBC_TUNABLES-$malloc}" "$JAVA" "${jvm[@]}" "$@"; }
camlab() { java_ -cp "$cp" camlab.cli.Main "$@"; }
torch_info='import torch; c = torch.cuda.is_available(); print("torch", torch.__version__, "cuda", torch.version.cuda,
  "gpu", torch.cuda.get_device_name(0) if c else "none")'
say "device $device; java $("$JAVA" -version 2>&1 | head -1); python $("$python" -c "$torch_info")"
if [ $quick = 1 ]; then
  bench_args=(--reps 3 --warmup 1 --batches 1,4) epoch_limit=1024 eval_limit=500
else
  bench_args=(--batches 1,32,256) epoch_limit=0 eval_limit=0
fi

# --- explain: the device's maps against the CPU's --------------------------------------------------------------------
explain_all() {
  local fixtures=lib/src/test/resources/torchscript rc=0
  local devices=("$device")
  [ "$device" = cpu ] || devices+=(cpu)
  for case in gap:cam gap:gradcam gap:gradcam++ fc:gradcam; do
    local model="${case%%:*}" method="${case#*:}"
    for d in "${devices[@]}"; do
      camlab explain --features "$fixtures/$model/features.pt" --head "$fixtures/$model/head.pt" --method "$method" \
        --input "$fixtures/$model/x.npy" --device "$d" --out "$work/maps/$model-$method-$d.npy" || rc=1
    done
  done
  return $rc
}
mkdir -p "$work/maps"
step explain 90 explain_all
"$python" tools/gpu_check_report.py explain "$work/maps" "$device" lib/src/test/resources/torchscript "$out/explain.json" >> "$log" 2>&1

# --- tests on the device ------------------------------------------------------------------------------------------------
run_tests() {
  (cd lib && java_ -Dcamlab.test.device="$device" -cp "$kit/tests/camlab-lib-tests.jar:$kit/tests/junit-platform-console-standalone.jar:$cp" \
    org.junit.platform.console.ConsoleLauncher execute --scan-class-path "$kit/tests/camlab-lib-tests.jar" --include-tag engine \
    --details=tree --disable-banner --disable-ansi-colors --reports-dir "$work/junit")
}
step tests 150 run_tests
cp "$work/junit/TEST-junit-jupiter.xml" "$out/tests.xml" 2>/dev/null

# --- a training epoch and its checkpoint -----------------------------------------------------------------------------
export CAMLAB_EVAL_LIMIT="$eval_limit"   # 0: the whole test split
step training 120 java_ -cp "$cp" camlab.bench.TrainingEpoch --device "$device" --train-limit "$epoch_limit" \
  --json "$out/training.json"

# --- the benchmark, then the PyTorch reference on the same device ------------------------------------------------------
gpu_name="$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | paste -sd, -)"
cat > "$out/machine.json" <<JSON
{
  "date": "$(date -u +%F)",
  "commit": "$(cat "$kit/commit.txt" 2>/dev/null || echo unknown)",
  "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')",
  "cores": $(nproc),
  "memoryGiB": $(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo),
  "gpu": "$([ "$device" = gpu ] && echo "${gpu_name:-unknown}" || echo none)"
}
JSON
step bench 180 camlab bench --device "$device" "${bench_args[@]}" --json "$out/camlab.json"
threads="$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["machine"]["intraOpThreads"])' "$out/camlab.json" 2>/dev/null || nproc)"
ref_device=$([ "$device" = gpu ] && echo cuda || echo cpu)
ref_args=(--batches "$([ $quick = 1 ] && echo 1,4 || echo 1,32,256)")
[ $quick = 1 ] && ref_args+=(--reps 3 --warmup 1)
step reference 120 limit "$python" tools/bench_pytorch_reference.py --device "$ref_device" --threads "$threads" "${ref_args[@]}" \
  --json "$out/pytorch.json"

# --- summary -------------------------------------------------------------------------------------------------------
"$python" tools/gpu_check_report.py summary "$out" "$work/failed" "$work/skipped" | tee "$out/summary.txt" | tee -a "$log"
[ ! -s "$work/failed" ] && [ ! -s "$work/skipped" ]
