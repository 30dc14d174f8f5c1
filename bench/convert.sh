#!/usr/bin/env bash
# Side-by-side benchmark of notice conversion: tenderlens (CcgpNoticeParser → release → JSON, NoticeConvertBench)
# against a peer, a Python BeautifulSoup extraction of the same fields (bench/notice_peer.py, Debian's python3-bs4,
# with lxml and with bs4's own html.parser), on the real pages of cn-notices/raw-html repeated to a measurable volume.
# Then the real command: `tenderlens convert --workers N --out FILE DIR` (a fresh JVM with the launcher's options,
# start-up and JIT warm-up included) over a directory of PAGES copies of the same pages under distinct names
# (hard links in a temporary directory, removed afterwards), timed by /usr/bin/time.
#
#   bench/convert.sh                 # PAGES=20000 conversions for tenderlens, PEER_PAGES=1000 for the peer
#   PAGES=50000 THREADS="1 2" bench/convert.sh
#   CLI_ONLY=1 PAGES=3000 bench/convert.sh      # only the command (no in-process figures, no peer)
#
# Prints pages/s by wall clock and by CPU time for each, the ratios, and the load average before and after
# (the machine is shared: on a loaded machine read the CPU-time figures and the ratios, not the wall clock).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED=${SHARED:-$here/../shared}
PAGES_DIR="$SHARED/data/cn-notices/raw-html"
PAGES=${PAGES:-20000}
PEER_PAGES=${PEER_PAGES:-1000}
THREADS=${THREADS:-"1 2"}
CLI_ONLY=${CLI_ONLY:-}
PY=/usr/bin/python3

[ -d "$PAGES_DIR" ] || { echo "error: $PAGES_DIR not found (set SHARED)" >&2; exit 1; }
if ! $PY -c 'import bs4, lxml' 2>/dev/null; then
  echo "installing the peer's libraries (python3-bs4, python3-lxml) ..." >&2
  apt-get install -y python3-bs4 python3-lxml >&2 || { echo "error: apt-get install python3-bs4 python3-lxml failed" >&2; exit 1; }
fi

echo "building the bench module ..." >&2
(cd "$here" && ./mvnw -q -B -o -pl bench -am package -DskipTests >&2)
CP="$(ls "$here"/bench/target/tenderlens-bench-*.jar | head -1):$here/bench/target/lib/*"
# the in-process runs use the collector the ./tenderlens launcher gives convert; the command runs through the launcher
BENCH_OPTS="-Xmx2g -XX:+UseParallelGC"

work=$(mktemp -d)
results="$work/results"
trap 'rm -rf "$work"' EXIT

# The pages to copy: those convert takes as notices (the list page is left out, by convert itself, not by name).
"$here/tenderlens" convert --out "$work/pages.json" "$PAGES_DIR" 2>/dev/null || true
mapfile -t notice_pages < <($PY -c 'import json, sys
for r in json.load(open(sys.argv[1]))["releases"]: print(r["noticeSource"]["file"])' "$work/pages.json")
[ "${#notice_pages[@]}" -gt 0 ] || { echo "error: convert found no notice page in $PAGES_DIR" >&2; exit 1; }
mkdir "$work/originals" "$work/copies"
for i in "${!notice_pages[@]}"; do
  cp "${notice_pages[$i]}" "$work/originals/$i.html"
done
for ((i = 0; i < PAGES; i++)); do
  ln "$work/originals/$((i % ${#notice_pages[@]})).html" "$(printf '%s/copies/%06d.html' "$work" "$i")"
done
echo "${#notice_pages[@]} notice pages, $PAGES copies in $work/copies" >&2

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)"
printf '%-18s %8s %7s %8s %8s %10s %9s\n' measurement threads pages wall_s cpu_s pages/s pages/cpu-s
touch "$results"
if [ -z "$CLI_ONLY" ]; then
  for t in $THREADS; do
    java $BENCH_OPTS -cp "$CP" io.tenderlens.bench.NoticeConvertBench "$PAGES" "$t" "$PAGES_DIR" 2>/dev/null | sed "s/^/$t /" >> "$results"
  done
  for parser in lxml html.parser; do
    $PY "$here/bench/notice_peer.py" "$PEER_PAGES" "$parser" "$PAGES_DIR" | sed 's/^/1 /' >> "$results"
  done
fi
for t in $THREADS; do
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$here/tenderlens" convert \
      --workers "$t" --out "$work/out.json" "$work/copies" 2> "$work/err"
  grep -q "^convert: $PAGES notices read" "$work/err" || { echo "error: convert did not read $PAGES notices:" >&2; tail -3 "$work/err" >&2; exit 1; }
  read -r wall user sys < "$work/time"
  awk -v t="$t" -v n="$PAGES" -v w="$wall" -v c="$(echo "$user + $sys" | bc)" \
      'BEGIN {printf "%s cli-convert %d %.3f %.3f %.0f %.0f\n", t, n, w, c, n / w, n / c}' >> "$results"
done
awk '{printf "%-18s %8s %7s %8s %8s %10s %9s\n", $2, $1, $3, $4, $5, $6, $7}' "$results"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
# ratios: tenderlens in process (1 thread) and the command (each worker count) against each peer (one process)
awk '$1 == 1 && $2 == "convert" {w = $6; c = $7}
     $2 == "cli-convert" {cw[$1] = $6; cc[$1] = $7}
     $2 ~ /^bs4-/ {peer[$2] = $6 " " $7}
     END {
       for (p in peer) {
         split(peer[p], v, " ")
         if (w) printf "ratio tenderlens/%s (1 thread, in process): %.1fx wall, %.1fx CPU\n", p, w / v[1], c / v[2]
         for (t in cw) printf "ratio tenderlens convert command/%s (%s workers vs 1 process): %.1fx wall, %.1fx CPU\n", p, t, cw[t] / v[1], cc[t] / v[2]
       }
     }' "$results"
