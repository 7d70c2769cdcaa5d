#!/usr/bin/env bash
# Prepares, on this machine (no GPU needed), everything tools/gpu-check.sh needs on a GPU machine that has no network
# and takes at most 64 MiB of files (the working tree and the kit together):
#
#   tools/gpu-kit.sh [KIT_DIR]          (default .gpu-kit, which .gitignore ignores; a few minutes the first time)
#
# It builds the library and its tests, makes the kit with ../shared/gpu/make-kit.sh (a Java runtime with the JNI
# headers, the jars minus the CPU libtorch, DJL's JNI sources; see ../shared/gpu/README.md) and adds to it
#   tests/        the compiled tests and JUnit's console launcher, to run the engine tests without Maven;
#   fashion-mnist/ the four Fashion-MNIST files, xz-compressed, for the training epoch;
# and repacks the Java runtime with xz (17 MiB instead of 31), which is what makes room for the data.
# The compressed data and runtime are cached in .cache/gpu-kit/, so a second run takes a minute.
# It ends by checking that the tree that travels stays under 64 MiB. Then, with a GPU machine:
#   tools/gpu-check.sh --out DIR        (there; docs/performance.md, section GPU, has the whole command)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
kit="${1:-.gpu-kit}"
shared="${CAMLAB_GPU_SHARED:-$root/../shared/gpu}"
cache=".cache/gpu-kit"
limit=$((64 * 1024 * 1024))
die() { echo "gpu-kit: $*" >&2; exit 2; }

[ -x "$shared/make-kit.sh" ] || die "no $shared/make-kit.sh (set CAMLAB_GPU_SHARED to the folder that holds it)."
command -v xz >/dev/null || die "xz is needed to compress the kit (Debian: apt-get install xz-utils)."
mkdir -p "$cache"

echo "gpu-kit: building the library and its tests ..."
./mvnw -q -B -pl lib -am -DskipTests package

# The jars of the run: the shared default drop list (the CPU libtorch, the prebuilt bridge, and the large jars that
# only tables, PDF export and Unicode collation load) plus Tablesaw's dependencies. Tablesaw itself stays: classes that
# can build a table (the evaluation report) load some of its classes, though nothing the GPU check runs builds one.
drop="pytorch-native-cpu|pytorch-jni|fastutil|icu4j|pdfbox|fontbox|VectorGraphics2D|graphics2d"
drop="$drop|guava|failureaccess|listenablefuture|commons-math3|RoaringBitmap|univocity|classgraph|checker-qual|j2objc|jsr305|error_prone"
export KIT_DROP="${KIT_DROP:-$drop}"
"$shared/make-kit.sh" "$kit" "$(cat lib/target/classpath.txt):lib/target/camlab-lib.jar" >/dev/null

# The Java runtime, repacked: make-kit.sh's modules and jdk.management (the memory bench reads the JVM's flags through
# it), uncompressed inside and xz outside.
modules=java.base,java.desktop,java.logging,java.management,jdk.management,jdk.unsupported,java.xml,java.sql,jdk.zipfs
java_version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
jre="$cache/jre-$java_version-$(echo "$modules" | md5sum | cut -c1-8).txz"
if [ ! -f "$jre" ]; then
  echo "gpu-kit: repacking the Java runtime with xz (about a minute) ..."
  tmp="$(mktemp -d)"
  jlink --add-modules "$modules" \
    --strip-debug --no-man-pages --compress=0 --output "$tmp/jre.tmp"
  tar -C "$tmp" -cf - jre.tmp | xz -9 -T0 > "$jre.part" && mv "$jre.part" "$jre"
  rm -rf "$tmp"
fi
rm -f "$kit/jre.tgz"
cp "$jre" "$kit/jre.txz"

# The tests and JUnit's console launcher (the version the build's JUnit platform has).
platform="$(sed -n 's:.*<junit.platform.version>\(.*\)</junit.platform.version>.*:\1:p' pom.xml | head -1)"
mkdir -p "$kit/tests"
./mvnw -q -B dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$platform" \
  -DoutputDirectory="$kit/tests" -Dmdep.stripVersion=true
(cd lib/target/test-classes && jar cf "$root/$kit/tests/camlab-lib-tests.jar" .)

# Fashion-MNIST, from the first folder that has it (the order FashionMnist searches), xz-compressed once.
mkdir -p "$kit/fashion-mnist" "$cache/fashion-mnist"
for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  if [ ! -f "$cache/fashion-mnist/$name.xz" ]; then
    src=""
    for dir in datasets/fashion-mnist "${CAMLAB_DATA:-/nonexistent}" /usr/share/datasets/fashion-mnist; do
      if [ -f "$dir/$name" ]; then src="cat $dir/$name"; break; fi
      if [ -f "$dir/$name.gz" ]; then src="gzip -dc $dir/$name.gz"; break; fi
    done
    [ -n "$src" ] || die "Fashion-MNIST's $name was not found; run ./camlab data first."
    echo "gpu-kit: compressing $name with xz ..."
    $src | xz -9 -T0 > "$cache/fashion-mnist/$name.xz.part"
    mv "$cache/fashion-mnist/$name.xz.part" "$cache/fashion-mnist/$name.xz"
  fi
  cp "$cache/fashion-mnist/$name.xz" "$kit/fashion-mnist/"
done

# The commit the kit was built from, for the record of the run (the GPU machine gets the files, not the history).
commit="$(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain -- lib pom.xml tools)" ] || commit="$commit+uncommitted"
echo "$commit" > "$kit/commit.txt"

# What travels: the files git tracks or would add, and the kit.
tree_bytes="$(git ls-files -z --cached --others --exclude-standard | xargs -0 stat -c %s 2>/dev/null | awk '{s += $1} END {print s + 0}')"
kit_bytes="$(du -sb "$kit" | cut -f1)"
total=$((tree_bytes + kit_bytes))
awk -v k="$kit_bytes" -v t="$tree_bytes" 'BEGIN { m = 1048576
  printf "gpu-kit: kit %.1f MiB + working tree %.1f MiB = %.1f MiB of the 64 MiB that may travel\n", k / m, t / m, (k + t) / m }'
du -sh "$kit"/* | sed 's/^/  /'
[ "$total" -lt "$limit" ] || die "over the 64 MiB limit: leave something out of the kit (KIT_DROP) or the tree."
echo "gpu-kit: ready. On the GPU machine, from the checkout's root: tools/gpu-check.sh --kit $kit --out DIR"
