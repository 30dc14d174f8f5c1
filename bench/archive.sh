#!/usr/bin/env bash
# Archive figures: write throughput of `tenderlens archive add` (notices/s, MB/s) on copies of the real ccgp pages,
# re-add (deduplication) rate, verify rate, and proof sizes for trees of 1,000 and 100,000 leaves.
# Usage: bench/archive.sh [NOTICES]   (default 2000). Needs ../shared/data beside the checkout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pages=("$here"/../shared/data/cn-notices/raw-html/*/*.html)
mkdir -p "$work/in"
for ((i = 0; i < n; i++)); do
  page="${pages[$((i % ${#pages[@]}))]}"
  { cat "$page"; printf '\n<!-- copy %d -->\n' "$i"; } > "$work/in/notice-$i.html"   # distinct bytes, real size
done
bytes=$(du -sb "$work/in" | cut -f1)
"$here/tenderlens" --version >/dev/null   # build once, outside the timings
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"

rate() { python3 -c "import sys; n,b,s=map(float,sys.argv[1:]); print('%.0f notices/s, %.2f MB/s (%.2f s)' % (n/s, b/s/1e6, s))" "$@"; }
t0=$(date +%s.%N); "$here/tenderlens" archive add --db "$work/db" "$work/in" >/dev/null 2>"$work/err"; t1=$(date +%s.%N)
echo "archive add, $n new notices ($((bytes / 1024)) KiB): $(rate "$n" "$bytes" "$(echo "$t1 - $t0" | bc)")"
t0=$(date +%s.%N); "$here/tenderlens" archive add --db "$work/db" "$work/in" >/dev/null 2>&1; t1=$(date +%s.%N)
echo "archive add, the same $n again (all deduplicated): $(rate "$n" "$bytes" "$(echo "$t1 - $t0" | bc)")"
t0=$(date +%s.%N); "$here/tenderlens" verify --db "$work/db" | tail -1; t1=$(date +%s.%N)
echo "verify: $(rate "$n" "$bytes" "$(echo "$t1 - $t0" | bc)")"
"$here/tenderlens" prove --db "$work/db" "$work/in/notice-7.html" > "$work/proof.json"
python3 - "$work/proof.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
print("prove, tree of %d: %d-hash audit path, %d bytes of JSON" % (p["treeSize"], len(p["auditPath"]), len(open(sys.argv[1]).read())))
PY
echo "(each CLI timing above includes the JVM start-up: 1 s on an idle machine, several on a loaded one)"

# In-process write rate (no JVM start-up in the timing): Archive.add of every file, then commit.
cat > "$work/WriteRate.java" <<'JAVA'
import io.tenderlens.archive.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
public class WriteRate {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) { files = s.sorted().toList(); }
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        for (String pass : new String[] {"new", "deduplicated"}) {
            long t0 = System.nanoTime();
            try (Archive archive = Archive.open(Path.of(args[1]))) {
                for (Path f : files) archive.add(f);
                archive.commit();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("in-process Archive.add, %d %s notices: %.0f notices/s, %.2f MB/s (%.2f s)%n",
                    files.size(), pass, files.size() / s, bytes / s / 1e6, s);
        }
    }
}
JAVA
cp="$here/app/target/classes:$here/core/target/classes:$(ls "$here"/app/target/lib/jackson-*.jar | tr '\n' ':')"
javac -cp "$cp" -d "$work" "$work/WriteRate.java"
java -cp "$cp:$work" WriteRate "$work/in" "$work/db2"

# Proof sizes for large trees, computed with the core MerkleTree over synthetic leaves; and what a report or the web
# server pays for proofs of many sources: MerkleLevels built once (O(n)), then each audit path O(log n).
cat > "$work/ProofSizes.java" <<'JAVA'
import io.tenderlens.archive.MerkleLevels;
import io.tenderlens.archive.MerkleTree;
import java.util.ArrayList;
import java.util.List;
public class ProofSizes {
    public static void main(String[] args) {
        for (int n : new int[] {1_000, 100_000}) {
            List<byte[]> leaves = new ArrayList<>(n);
            for (int i = 0; i < n; i++) leaves.add(MerkleTree.leafHash(Integer.toString(i).getBytes()));
            int maxIncl = 0, maxCons = 0;
            for (int i = 0; i < n; i += Math.max(1, n / 997)) maxIncl = Math.max(maxIncl, MerkleTree.inclusionProof(leaves, i, n).size());
            for (int m = 1; m < n; m += Math.max(1, n / 211)) maxCons = Math.max(maxCons, MerkleTree.consistencyProof(leaves, m, n).size());
            long t0 = System.nanoTime();
            MerkleTree.inclusionProof(leaves, n / 3, n);
            long t1 = System.nanoTime();
            MerkleLevels levels = new MerkleLevels(leaves);
            long t2 = System.nanoTime();
            int proofs = 0;
            for (int i = 0; i < n; i += 7) { levels.inclusionProof(i); proofs++; }
            long t3 = System.nanoTime();
            System.out.printf("tree of %,d leaves: inclusion proof up to %d hashes (%d bytes), consistency proof up to %d hashes (%d bytes);"
                    + " one inclusion proof from the leaves %.1f ms; levels built once in %.1f ms, then %.2f us a proof (%d proofs)%n",
                    n, maxIncl, maxIncl * 32, maxCons, maxCons * 32, (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6, (t3 - t2) / 1e3 / proofs, proofs);
        }
    }
}
JAVA
javac -cp "$here/core/target/classes" -d "$work" "$work/ProofSizes.java"
java -cp "$here/core/target/classes:$work" ProofSizes
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
