#!/usr/bin/env bash
# Load test of the web application (issue 6): `tenderlens serve` over the 1,000,000-record store that
# bench/report-1m.sh builds, on 127.0.0.1 only, then io.tenderlens.bench.LoadTest — CLIENTS concurrent clients
# (default 100) for DURATION seconds (default 60) over a mix of overview (filter combinations), search (the
# query mix of bench/search.sh), project pages, buyer and supplier profiles, open tenders and API routes.
# Prints p50/p90/p99/max and errors per endpoint, the load average, and the CPU time of the server and client.
#
#   bench/load.sh                                  # the store of bench/report-1m.sh
#   DB=/path/to/store CLIENTS=50 DURATION=30 WARMUP=10 bench/load.sh
#   ENDPOINTS='overview|search' bench/load.sh      # only the endpoints whose name matches
#
# Bounded in time: the server is stopped when the script ends, whatever happens.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB=${DB:-$here/bench/target/report-bench/db-1000000}
CLIENTS=${CLIENTS:-100}
DURATION=${DURATION:-60}
PORT=${PORT:-18473}
WORK=${WORK:-$here/bench/target/load}
[ -d "$DB" ] || { echo "error: no store at $DB: run bench/report-1m.sh first (it builds the 1,000,000-record store)" >&2; exit 1; }
mkdir -p "$WORK"
(cd "$here" && ./mvnw -q -B -o -pl bench -am package -DskipTests >&2)
cp="$here/bench/target/tenderlens-bench-0.1.0-SNAPSHOT.jar:$here/bench/target/lib/*"
base="http://127.0.0.1:$PORT"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java ${SERVER_OPTS:--Xmx3g} -cp "$cp" io.tenderlens.cli.Main serve --db "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -fsS -o /dev/null "$base/api/topics" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { echo "error: the server stopped:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
  [ $(( $(date +%s) - started )) -lt 600 ] || { echo "error: the server did not answer within 600 s" >&2; exit 1; }
  sleep 1
done
echo "server up after $(( $(date +%s) - started )) s (pid $server)"
# the first overview reads the topic's records from the index (once per server): not part of the steady state
/usr/bin/time -f "first overview (reads the topic's procurements): %e s" curl -fsS -o /dev/null --max-time 600 "$base/api/overview"

# the JIT compiles the hot paths during a first, shorter run of the same mix; its figures are printed, not reported
if [ "${WARMUP:-20}" -gt 0 ]; then
  echo "warm-up: ${WARMUP:-20} s"
  timeout $((${WARMUP:-20} + 600)) java -Xmx1g -cp "$cp" io.tenderlens.bench.LoadTest "$base" "$CLIENTS" "${WARMUP:-20}" 99 "${ENDPOINTS:-.*}" > "$WORK/warmup.txt"
  tail -2 "$WORK/warmup.txt" | head -1
fi

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(cpu)
timeout $((DURATION + 600)) java -Xmx1g -cp "$cp" io.tenderlens.bench.LoadTest "$base" "$CLIENTS" "$DURATION" 7 "${ENDPOINTS:-.*}"
after=$(cpu)
echo "server CPU time during the test (discovery included): $(( (after - before) / ticks )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
