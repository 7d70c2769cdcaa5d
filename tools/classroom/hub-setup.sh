#!/usr/bin/env bash
# ./camlab hub-setup --prefix DIR [options]: prepares this machine to serve the course with Debian's JupyterHub
# (docs/classroom.md). Run as the user who owns DIR (root for /usr/local). Everything it writes is under DIR:
#   DIR/share/jupyter/kernels/camlab-java   the kernel, for every user (absolute paths, per-kernel memory limits)
#   DIR/share/camlab/kernel                 the kernel's jar and libraries
#   DIR/share/camlab/course                 the notebooks each new user gets in ~/camlab on first login
#   DIR/share/camlab/cache                  the trained models, shared and read-only
#   DIR/share/camlab/djl                    PyTorch's native library, unpacked once, read-only
#   DIR/share/camlab/camlab-singleuser      the single-user server's start script (copies the course, then starts)
#   DIR/share/camlab/jupyterhub_config.py   a JupyterHub configuration that uses all of the above
#   DIR/bin/camlab-grade-class              the instructor's grading of every student's ~/camlab
set -euo pipefail

ROOT="${CAMLAB_ROOT:?run through ./camlab hub-setup}"
JAVA="$(command -v java)"
JAVA="$(readlink -f "$JAVA")"

# What one student costs, measured (docs/classroom.md, "Memory per student"): the single-user server, the kernel and its
# grading JVM after notebook 02, with the default limits below.
MEASURED_MB_PER_STUDENT=920

usage() {
  cat <<'USAGE'
usage: ./camlab hub-setup --prefix DIR [--students N] [--heap SIZE] [--direct-memory SIZE] [--threads N]
                          [--models LIST] [--models-from DIR] [--cell-timeout T]
  --prefix DIR          where to install (e.g. /usr/local; a folder of its own for a trial)
  --students N          how many students use this machine at once (default 40): checked against its memory
  --heap SIZE           Java heap limit per kernel (default 1g)
  --direct-memory SIZE  direct-memory limit per kernel (default 256m)
  --threads N           PyTorch threads per kernel (default: cores / students, at least 1, at most 4)
  --models LIST         the course models to train into the shared cache (default: gap-cnn,fc-cnn,nin-cnn,acol —
                        those the notebooks load); a comma-separated list, or "none"
  --models-from DIR     copy trained models from this cache (e.g. .cache of a checkout) instead of training them again
  --cell-timeout T      stop cells that run longer than T (e.g. 10m; default: no limit)
The knobs CAMLAB_TRAIN_LIMIT, CAMLAB_EPOCHS and CAMLAB_EVAL_LIMIT, when set, are used for the shared models and
handed to every kernel (a quick class, or CI); unset, students get the course's full models.
USAGE
}

die() { echo "camlab hub-setup: $*" >&2; exit 2; }

prefix="" students=40 heap=1g direct=256m threads="" models="gap-cnn,fc-cnn,nin-cnn,acol" models_from="" cell_timeout=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --students) students="${2:?--students needs a number}"; shift 2 ;;
    --heap) heap="${2:?--heap needs a size such as 1g}"; shift 2 ;;
    --direct-memory) direct="${2:?--direct-memory needs a size such as 256m}"; shift 2 ;;
    --threads) threads="${2:?--threads needs a number}"; shift 2 ;;
    --models) models="${2:?--models needs a list}"; shift 2 ;;
    --models-from) models_from="${2:?--models-from needs a folder}"; shift 2 ;;
    --cell-timeout) cell_timeout="${2:?--cell-timeout needs a duration such as 10m}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done

# Everything is checked before anything is written or trained.
[ -n "$prefix" ] || { usage >&2; die "--prefix is required (e.g. --prefix /usr/local)"; }
[[ "$students" =~ ^[1-9][0-9]*$ ]] || die "--students must be a positive whole number, not '$students'"
[[ "$heap" =~ ^[1-9][0-9]*[mMgG]$ ]] || die "--heap must be a size such as 768m or 1g, not '$heap'"
[[ "$direct" =~ ^[1-9][0-9]*[mMgG]$ ]] || die "--direct-memory must be a size such as 256m, not '$direct'"
cores="$(nproc)"
if [ -z "$threads" ]; then
  threads=$(( cores / students )); [ "$threads" -ge 1 ] || threads=1; [ "$threads" -le 4 ] || threads=4
fi
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive whole number, not '$threads'"
if [ "$models" = none ]; then models=""; fi
for m in ${models//,/ }; do
  case "$m" in gap-cnn|fc-cnn|nin-cnn|acol|resnet18) ;; *) die "unknown model '$m' in --models; choose from gap-cnn, fc-cnn, nin-cnn, acol, resnet18" ;; esac
done
if [ -n "$models_from" ]; then
  [ -d "$models_from/models" ] || die "--models-from $models_from holds no models/ folder (point it at a cache such as $ROOT/.cache)"
fi
if [ ! -d "$ROOT/datasets/fashion-mnist" ] && [ ! -d /usr/share/datasets/fashion-mnist ]; then
  die "Fashion-MNIST is missing: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or run ./camlab data"
fi
command -v jupyterhub >/dev/null 2>&1 || echo "camlab hub-setup: note: jupyterhub is not installed here (apt-get install jupyterhub)." >&2
mkdir -p "$prefix" 2>/dev/null || die "cannot create $prefix; run as a user who may write there (root for /usr/local)"
[ -w "$prefix" ] || die "cannot write to $prefix; run as a user who may write there (root for /usr/local)"
prefix="$(cd "$prefix" && pwd)"

mb() { local v="${1%[mMgG]}"; case "$1" in *[gG]) echo $(( v * 1024 )) ;; *) echo "$v" ;; esac; }
ram_mb=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024 ))
per_student_mb=$(( MEASURED_MB_PER_STUDENT + ($(mb "$heap") > 1024 ? $(mb "$heap") - 1024 : 0) ))
fits=$(( ram_mb * 9 / 10 / per_student_mb ))

SHARE="$prefix/share/camlab"
KERNEL_DIR="$SHARE/kernel"
CACHE="$SHARE/cache"
DJL="$SHARE/djl"
echo "camlab hub-setup: installing into $prefix for $students students ($threads PyTorch thread(s), heap $heap and direct memory $direct per kernel)"

# 1. The kernel's jar and libraries, copied so that the checkout can move or be rebuilt while the class runs.
rm -rf "$KERNEL_DIR.new"
mkdir -p "$KERNEL_DIR.new"
cp -R "$ROOT/course/target/camlab-course.jar" "$ROOT/course/target/lib" "$ROOT/course/target/docs" "$KERNEL_DIR.new/"
rm -rf "$KERNEL_DIR"
mv "$KERNEL_DIR.new" "$KERNEL_DIR"

# 2. The data, when the checkout has fetched it (else the kernels read Debian's dataset-fashion-mnist).
if [ -d "$ROOT/datasets/fashion-mnist" ]; then
  mkdir -p "$SHARE/datasets"
  rm -rf "$SHARE/datasets/fashion-mnist"
  cp -R "$ROOT/datasets/fashion-mnist" "$SHARE/datasets/fashion-mnist"
fi

# 3. The shared models: copied and/or trained once here, then made read-only. The same settings go to every kernel
#    (the knobs are part of a model's cache key), so kernels load these models instead of training their own.
knob_opts=()
[ -z "${CAMLAB_TRAIN_LIMIT:-}" ] || knob_opts+=("-Dcamlab.train.limit=$CAMLAB_TRAIN_LIMIT")
[ -z "${CAMLAB_EPOCHS:-}" ] || knob_opts+=("-Dcamlab.epochs=$CAMLAB_EPOCHS")
[ -z "${CAMLAB_EVAL_LIMIT:-}" ] || knob_opts+=("-Dcamlab.eval.limit=$CAMLAB_EVAL_LIMIT")
shared_opts=("-Dcamlab.home=$SHARE" "-Dcamlab.cache=$CACHE" "-DDJL_CACHE_DIR=$DJL" "${knob_opts[@]}")
[ ! -d "$CACHE" ] || chmod -R u+w "$CACHE"
[ ! -d "$DJL" ] || chmod -R u+w "$DJL"
mkdir -p "$CACHE/models" "$DJL"
if [ -n "$models_from" ]; then
  cp -R "$models_from/models/." "$CACHE/models/"
  rm -rf "$CACHE"/models/*.tmp-* "$CACHE"/models/*.lock 2>/dev/null || true
fi
# shellcheck disable=SC2046
java_lib=(java $(cat "$ROOT/lib/target/classes/camlab/jvm.options") -Xmx3g "${shared_opts[@]}" -cp "$KERNEL_DIR/camlab-course.jar")
for m in ${models//,/ }; do
  echo "camlab hub-setup: model $m (loaded if it is in the cache, else trained once for everyone)"
  OMP_WAIT_POLICY=PASSIVE "${java_lib[@]}" camlab.cli.Main train --model "$m" | tail -n 1
done
# PyTorch's native library, unpacked into $DJL once (training did already, unless no model was asked for).
OMP_WAIT_POLICY=PASSIVE "${java_lib[@]}" "$ROOT/tools/classroom/WarmEngine.java"

# 4. The kernel, for all users: DIR/share/jupyter/kernels/camlab-java with absolute paths and this class's limits.
install_opts=(--prefix "$prefix" --name camlab-java --java "$JAVA"
  --jvm-opt "-Xmx$heap" --jvm-opt "-XX:MaxDirectMemorySize=$direct"
  --jvm-opt "-Dai.djl.pytorch.num_threads=$threads" --jvm-opt "-Dai.djl.pytorch.num_interop_threads=1")
for o in "${shared_opts[@]}"; do install_opts+=(--jvm-opt "$o"); done
# check()'s grading JVMs take the build's DJL flags (camlab.jvmArgs), which name the checkout's DJL cache: point them at
# the shared one, which every student can read.
grading_flags="$(sed -e "s|-DDJL_CACHE_DIR=[^ ]*|-DDJL_CACHE_DIR=$DJL|" "$ROOT/lib/target/classes/camlab/jvm.options" | tr -s ' \n' ' ')"
install_opts+=(--jvm-opt "-Dcamlab.jvmArgs=${grading_flags% }")
[ -z "$cell_timeout" ] || install_opts+=(--cell-timeout "$cell_timeout")
java -jar "$KERNEL_DIR/camlab-course.jar" install "${install_opts[@]}"

# 5. The course each user gets, and the single-user server's start script that hands it out on first login.
rm -rf "$SHARE/course"
mkdir -p "$SHARE/course"
cp "$ROOT"/notebooks/*.ipynb "$SHARE/course/"
sed -e "s|@SHARE@|$SHARE|g" "$ROOT/tools/classroom/camlab-singleuser" > "$SHARE/camlab-singleuser"
chmod 755 "$SHARE/camlab-singleuser"
sed -e "s|@SHARE@|$SHARE|g" -e "s|@PREFIX@|$prefix|g" "$ROOT/tools/classroom/jupyterhub_config.py" > "$SHARE/jupyterhub_config.py"

# 6. The instructor's grading of the whole class.
mkdir -p "$prefix/bin"
sed -e "s|@ROOT@|$ROOT|g" "$ROOT/tools/classroom/camlab-grade-class" > "$prefix/bin/camlab-grade-class"
chmod 755 "$prefix/bin/camlab-grade-class"

# Everyone reads everything; nobody (but root) writes the shared models or the native library.
chmod -R a+rX "$SHARE" "$prefix/share/jupyter/kernels/camlab-java"
chmod -R a-w "$CACHE" "$DJL"

cat <<DONE
camlab hub-setup: done.
  kernel      $prefix/share/jupyter/kernels/camlab-java (heap $heap, direct memory $direct, $threads thread(s) per kernel)
  course      $SHARE/course -> ~/camlab of each user on first login
  models      $CACHE (read-only): $(ls "$CACHE/models" | tr '\n' ' ')
  hub config  $SHARE/jupyterhub_config.py:  jupyterhub -f $SHARE/jupyterhub_config.py
  grading     $prefix/bin/camlab-grade-class --out DIR
Memory: about $per_student_mb MB per student (measured, docs/classroom.md); this machine has $ram_mb MB, so about $fits students at once.
DONE
if [ "$fits" -lt "$students" ]; then
  echo "camlab hub-setup: warning: $students students need about $(( students * per_student_mb )) MB; this machine holds about $fits." >&2
fi
