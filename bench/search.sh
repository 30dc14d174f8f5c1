#!/usr/bin/env bash
# Search latency benchmark: tenderlens search (Lucene) against DuckDB ILIKE scans (the peer), same records,
# same queries, one run. See SearchBench for what is measured.
#
#   bench/search.sh                          # 1,000,000 records, 3,000 queries, 200 of them also on the peer
#   RECORDS=100000 QUERIES=1000 bench/search.sh
#
# Environment: SHARED (default ../shared), WORK (index and peer table, reused when records and seed match;
# default /tmp/tenderlens-search-bench), RECORDS, QUERIES, PEER_QUERIES, SEED, JAVA_OPTS (default -Xmx1g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED=${SHARED:-$here/../shared}
WORK=${WORK:-/tmp/tenderlens-search-bench}
[ -f "$SHARED/data/cn-notices/INDEX.csv" ] || { echo "error: shared data not found at $SHARED (set SHARED)" >&2; exit 1; }
(cd "$here" && ./mvnw -q -B -o -pl bench -am package -DskipTests >&2)
cp="$here/bench/target/tenderlens-bench-0.1.0-SNAPSHOT.jar:$here/bench/target/lib/*"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u +%FT%TZ)"
exec java ${JAVA_OPTS:--Xmx1g} -Dfile.encoding=UTF-8 -cp "$cp" io.tenderlens.bench.SearchBench \
  "$WORK" "$SHARED" "$here/samples/blockchain/seed-releases.json" \
  "${RECORDS:-1000000}" "${QUERIES:-3000}" "${PEER_QUERIES:-200}" "${SEED:-42}"
