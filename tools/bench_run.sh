#!/usr/bin/env bash
# Runs the benchmark that docs/performance.md shows, and regenerates the page's tables from it:
#
#   tools/bench_run.sh [cpu|gpu]        (default cpu; about 55 minutes on 2 quiet cores, most of it the perturbation methods)
#
# writes docs/bench/<device>/: machine.json (date, commit, CPU, cores, memory, GPU), camlab.json/.txt
# (./camlab bench), pytorch.json/.txt (tools/bench_pytorch_reference.py, on the GPU with --device cuda), memory.json/.txt
# (./camlab bench --memory 10000: the core methods 10,000 calls, each of the family 1,000) and compare.md, then rewrites that device's generated blocks in
# docs/performance.md (tools/bench_compare.py --page). Run it on a quiet machine: other jobs slow the
# method and its forward pass alike (the ratios hold), but they widen the scatter.
set -euo pipefail
device="${1:-cpu}"
case "$device" in cpu|gpu) ;; *) echo "usage: tools/bench_run.sh [cpu|gpu]" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
dir="docs/bench/$device"
mkdir -p "$dir"

export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
python=/usr/bin/python3   # Debian's python3-torch lives there, outside any virtual environment
if [ "$device" = gpu ] && ! "$python" -c "import torch; assert torch.cuda.is_available()" 2>/dev/null; then
  python=python3   # a CUDA build of torch is rarely Debian's: the first python3 on the PATH
fi
torch_device=$([ "$device" = gpu ] && echo cuda || echo cpu)
if ! "$python" -c "import torch; assert '$torch_device' == 'cpu' or torch.cuda.is_available()" 2>/dev/null; then
  echo "tools/bench_run.sh: the PyTorch reference needs torch for $python, with CUDA for gpu (Debian: apt-get install python3-torch)." >&2
  exit 2
fi
batches=$([ "$device" = gpu ] && echo 1,32,256 || echo 1,32)

commit="$(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain -- lib pom.xml tools)" ] || commit="$commit+uncommitted"
gpu="none"
if command -v nvidia-smi >/dev/null 2>&1; then gpu="$(nvidia-smi --query-gpu=name --format=csv,noheader | paste -sd, -)"; fi
cat > "$dir/machine.json" <<JSON
{
  "date": "$(date -u +%F)",
  "commit": "$commit",
  "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')",
  "cores": $(nproc),
  "memoryGiB": $(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo),
  "gpu": "$gpu"
}
JSON

{ time ./camlab bench --device "$device" --batches "$batches" --json "$dir/camlab.json"; } 2>&1 | tee "$dir/camlab.txt"
threads="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["machine"]["intraOpThreads"])' "$dir/camlab.json")"
{ time "$python" tools/bench_pytorch_reference.py --device "$torch_device" --threads "$threads" --batches "$batches" \
    --json "$dir/pytorch.json"; } 2>&1 | tee "$dir/pytorch.txt"
{ time ./camlab bench --device "$device" --memory 10000 --json "$dir/memory.json"; } 2>&1 | tee "$dir/memory.txt"

python3 tools/bench_compare.py "$dir/camlab.json" "$dir/pytorch.json" > "$dir/compare.md"
python3 tools/bench_compare.py --page docs/performance.md "$dir"
echo "Wrote $dir/ and the $device blocks of docs/performance.md"
