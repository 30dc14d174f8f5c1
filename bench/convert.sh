#!/usr/bin/env bash
# Side-by-side benchmark of notice conversion: tenderlens (CcgpNoticeParser → release → JSON, NoticeConvertBench)
# against a peer, a Python BeautifulSoup extraction of the same fields (bench/notice_peer.py, Debian's python3-bs4,
# with lxml and with bs4's own html.parser), on the real pages of cn-notices/raw-html repeated to a measurable volume.
#
#   bench/convert.sh                 # PAGES=20000 conversions for tenderlens, PEER_PAGES=1000 for the peer
#   PAGES=50000 THREADS="1 2" bench/convert.sh
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
PY=/usr/bin/python3

[ -d "$PAGES_DIR" ] || { echo "error: $PAGES_DIR not found (set SHARED)" >&2; exit 1; }
if ! $PY -c 'import bs4, lxml' 2>/dev/null; then
  echo "installing the peer's libraries (python3-bs4, python3-lxml) ..." >&2
  apt-get install -y python3-bs4 python3-lxml >&2 || { echo "error: apt-get install python3-bs4 python3-lxml failed" >&2; exit 1; }
fi

echo "building the bench module ..." >&2
(cd "$here" && ./mvnw -q -B -o -pl bench -am package -DskipTests >&2)
CP="$(ls "$here"/bench/target/tenderlens-bench-*.jar | head -1):$here/bench/target/lib/*"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)"
printf '%-18s %8s %7s %8s %8s %10s %9s\n' measurement threads pages wall_s cpu_s pages/s pages/cpu-s
results=$(mktemp)
for t in $THREADS; do
  java -cp "$CP" io.tenderlens.bench.NoticeConvertBench "$PAGES" "$t" "$PAGES_DIR" 2>/dev/null | sed "s/^/$t /" >> "$results"
done
for parser in lxml html.parser; do
  $PY "$here/bench/notice_peer.py" "$PEER_PAGES" "$parser" "$PAGES_DIR" | sed 's/^/1 /' >> "$results"
done
awk '{printf "%-18s %8s %7s %8s %8s %10s %9s\n", $2, $1, $3, $4, $5, $6, $7}' "$results"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
# ratios on one thread: tenderlens convert against each peer, by wall clock and by CPU time
awk '$1 == 1 && $2 == "convert" {w = $6; c = $7}
     $2 ~ /^bs4-/ {printf "ratio tenderlens/%s (1 thread): %.1fx wall, %.1fx CPU\n", $2, w / $6, c / $7}' "$results"
rm -f "$results"
