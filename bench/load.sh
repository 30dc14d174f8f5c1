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
#   CLIENT=wrk bench/load.sh                       # wrk instead of the Java client, one run per endpoint
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
if [ "${CLIENT:-java}" = wrk ]; then
  # wrk (C, event loop: a fraction of the Java client's CPU, which otherwise takes half of this machine's two
  # cores from the server): one run of DURATION s per endpoint, over that endpoint's paths of the same mix
  command -v wrk >/dev/null || { echo "error: CLIENT=wrk needs wrk (apt-get install wrk)" >&2; exit 1; }
  java -Xmx1g -cp "$cp" io.tenderlens.bench.LoadTest "$base" 0 0 7 "${ENDPOINTS:-.*}" > "$WORK/mix.tsv"
  echo "| endpoint | requests | errors (non-2xx, socket) | p50 ms | p90 ms | p99 ms | max ms | requests/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  cut -f1 "$WORK/mix.tsv" | awk '!seen[$0]++' | while IFS= read -r endpoint; do
    awk -F'\t' -v e="$endpoint" '$1 == e {print $2}' "$WORK/mix.tsv" > "$WORK/paths.txt"
    WRK_PATHS="$WORK/paths.txt" timeout $((DURATION + 60)) wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --timeout 30s --latency \
      -s "$here/bench/load-wrk.lua" "$base" > "$WORK/wrk.txt"
    awk -v e="$endpoint" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
      /^ +Latency +[0-9]/ { max = ms($4) }
      /^ +50% / { p50 = ms($2) } /^ +90% / { p90 = ms($2) } /^ +99% / { p99 = ms($2) }
      /requests in/ { n = $1 }
      /Non-2xx/ { err += $NF }
      /Socket errors/ { gsub(",", ""); err += $4 + $6 + $8 + $10 }
      /^Requests\/sec/ { rps = $2 }
      END { printf "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |\n", e, n, err, p50, p90, p99, max, rps }' "$WORK/wrk.txt"
  done
else
  timeout $((DURATION + 600)) java -Xmx1g -cp "$cp" io.tenderlens.bench.LoadTest "$base" "$CLIENTS" "$DURATION" 7 "${ENDPOINTS:-.*}"
fi
after=$(cpu)
echo "server CPU time during the test (discovery included): $(( (after - before) / ticks )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
