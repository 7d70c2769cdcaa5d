#!/usr/bin/env bash
# Runs the README's "Use the library from Java" block as it is written there:
#
#   tools/readme_tour.sh [OUT.png]      (default out/overlays.png)
#
# The block is copied into a temporary Tour.java and started with Java's source launcher, on the library's jar
# and class path and with the JVM flags every CamLab JVM gets. The course's GAP-CNN is trained on first use
# (CAMLAB_TRAIN_LIMIT and CAMLAB_EPOCHS shrink that run) and read from .cache/models afterwards.
# docs/images/overlays.png is this script's output with the full course model: tools/readme_tour.sh docs/images/overlays.png
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
out="$(realpath -m "${1:-out/overlays.png}")"
mkdir -p "$(dirname "$out")"
if [ ! -f lib/target/camlab-lib.jar ] || [ ! -f lib/target/classpath.txt ] \
    || [ -n "$(find lib/src lib/pom.xml pom.xml -newer lib/target/camlab-lib.jar -print -quit)" ]; then
  ./mvnw -q -B -DskipTests -pl lib -am package
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk '/^## Use the library from Java/ { section = 1 } section && /^```java/ { inside = 1; next }
     inside && /^```/ { exit } inside { print }' README.md > "$work/Tour.java"
[ -s "$work/Tour.java" ] || { echo "tools/readme_tour.sh: no java block under '## Use the library from Java' in README.md" >&2; exit 2; }
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
cd "$work"
# shellcheck disable=SC2046
java $(cat "$root/lib/target/classes/camlab/jvm.options") -Dcamlab.home="$root" \
  -cp "$root/lib/target/camlab-lib.jar:$(cat "$root/lib/target/classpath.txt")" Tour.java "$out"
echo "Wrote $out"
