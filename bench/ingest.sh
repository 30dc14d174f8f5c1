#!/usr/bin/env bash
# Ingest throughput, side by side in one run: `tenderlens ingest` into a fresh store, the same ingest again
# (every release a duplicate), `tenderlens compile` of the same input (the same reading and merging, but
# nothing stored: the peer that shows what storing costs) and the floor: merely parsing the bytes with Jackson.
#
#   bench/ingest.sh                          # the largest real input, and enlarged real inputs
#   INPUTS="gacm-x50" RUNS=3 bench/ingest.sh
#
# Prints per input: releases, wall seconds and releases/s of each run, CPU seconds, peak memory
# (/usr/bin/time %M), the store's size on disk, and ingest / compile and parse / ingest ratios.
# Environment: SHARED (the shared data folder, default ../shared), WORK (inputs, stores and outputs,
# default /tmp/tenderlens-bench), RUNS (runs per figure, median; default 1), INPUTS (default
# "gacm-real gacm-x50 dncp-x200"), TENDERLENS_JAVA_OPTS (passed to the launcher).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED=${SHARED:-$here/../shared}
R="$SHARED/data/ocds/real"
WORK=${WORK:-/tmp/tenderlens-bench}
RUNS=${RUNS:-1}
INPUTS=${INPUTS:-"gacm-real gacm-x50 dncp-x200"}

[ -d "$R" ] || { echo "error: shared data not found at $SHARED (set SHARED)" >&2; exit 1; }
for tool in jq /usr/bin/time; do
  command -v $tool >/dev/null || { echo "error: $tool is needed (apt-get install jq time)" >&2; exit 1; }
done
mkdir -p "$WORK"

# --- inputs: the largest real file as published, and real data copied under new ocids and ids ---------------
# shellcheck source=bench/inputs.sh
. "$here/bench/inputs.sh"
input_file() {
  if [ "$1" = gacm-real ]; then
    echo "$R/mexico-gacm/release-package.json"
  else
    build_input "$1"
    echo "$WORK/$1.jsonl"
  fi
}

# --- our build -----------------------------------------------------------------------------------------------
echo "building tenderlens and the bench module ..." >&2
(cd "$here" && ./mvnw -q -B -o -pl bench -am package -DskipTests >&2)
touch "$here/app/target/tenderlens.jar"   # the launcher must not rebuild during the timings
BENCH_CP="$(ls "$here"/bench/target/tenderlens-bench-*.jar | head -1):$here/bench/target/lib/*"

# run NAME CMD...: runs CMD RUNS times (BEFORE, if set, runs first each time, untimed); output to
# $WORK/out.NAME; sets WALL USER SYS RSS of the run with the median wall time
run() {
  local name=$1; shift
  local results=()
  for ((i = 0; i < RUNS; i++)); do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.$name" "$@" > "$WORK/out.$name" 2> "$WORK/err.$name" || {
      echo "error: $name failed:" >&2; tail -5 "$WORK/err.$name" >&2; return 1; }
    results+=("$(tail -1 "$WORK/time.$name")")
  done
  read -r WALL USER SYS RSS < <(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
cpu() { awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }'; }

echo
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)   java: $(java -version 2>&1 | head -1)"
echo "launcher JVM options: ${TENDERLENS_JAVA_OPTS:-(launcher defaults)}   runs per figure: $RUNS (median)"
echo
printf '%-10s %7s %8s | %-28s | %-28s | %-20s | %-10s | %7s %7s\n' input MB releases \
  "ingest: wall s, rel/s, CPU s, RSS MB" "again: wall s, rel/s, RSS MB" "compile: wall s, rel/s" "parse: s" \
  "ingest/" "parse/"
printf '%-10s %7s %8s | %-28s | %-28s | %-20s | %-10s | %7s %7s\n' "" "" "" "" "" "" "" "compile" "ingest"
for name in $INPUTS; do
  input=$(input_file "$name")
  db="$WORK/store.$name"
  mb=$(awk -v s="$(stat -c %s "$input")" 'BEGIN { printf "%.1f", s / 1048576 }')
  releases=$(jq '.releases | length' "$input" | awk '{ s += $1 } END { print s }')

  run parse java -cp "$BENCH_CP" io.tenderlens.bench.ParseOnly tree "$input"
  parse_wall=$WALL
  run compile "$here/tenderlens" compile "$input"
  compile_wall=$WALL
  BEFORE="rm -rf '$db'" run ingest "$here/tenderlens" ingest --db "$db" "$input"
  ingest_wall=$WALL ingest_cpu=$(cpu) ingest_rss=$((RSS / 1024))
  grep -q "$releases new" "$WORK/err.ingest" || { echo "error: ingest did not store $releases releases:" >&2; tail -3 "$WORK/err.ingest" >&2; exit 1; }
  summary=$(grep '^tenderlens ingest:' "$WORK/err.ingest" | tail -1)
  run again "$here/tenderlens" ingest --db "$db" "$input"
  grep -q "0 new, $releases duplicate" "$WORK/err.again" || { echo "error: the second ingest changed the store" >&2; exit 1; }

  printf '%-10s %7s %8s | %-28s | %-28s | %-20s | %-10s | %7s %7s\n' "$name" "$mb" "$releases" \
    "$ingest_wall $(rate "$releases" "$ingest_wall") $ingest_cpu $ingest_rss" \
    "$WALL $(rate "$releases" "$WALL") $((RSS / 1024))" \
    "$compile_wall $(rate "$releases" "$compile_wall")" "$parse_wall" \
    "$(awk -v a="$ingest_wall" -v b="$compile_wall" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="$parse_wall" -v b="$ingest_wall" 'BEGIN { printf "%.0f%%", 100 * a / b }')"
  echo "    $summary; store on disk $(du -sm "$db" | cut -f1) MB"
done
echo
echo "Wall seconds are whole processes, JVM start-up included. ingest/compile = how much longer storing takes than"
echo "compiling the same input to standard output; parse/ingest = the parse-only floor (Jackson reading every"
echo "top-level value into a tree on one thread, io.tenderlens.bench.ParseOnly) as a share of the ingest time."
