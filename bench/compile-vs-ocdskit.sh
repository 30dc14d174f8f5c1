#!/usr/bin/env bash
# Side-by-side benchmark: `tenderlens compile` against `ocdskit compile` (the Python reference tool) on the
# same enlarged real inputs, in one run, plus the floor: merely parsing the same bytes with Jackson.
#
#   bench/compile-vs-ocdskit.sh                 # the three inputs of PEER-OCDSKIT.md, compiled releases
#   MODES="compiled versioned package" bench/compile-vs-ocdskit.sh
#   BIG_GB=3 bench/compile-vs-ocdskit.sh        # also a multi-GB input (built in $WORK, deleted afterwards)
#
# Prints, per input and mode: releases/s for both tools (wall clock, whole process), the ratio, CPU
# seconds, peak memory (/usr/bin/time %M), whether the outputs agree, and the parse-only floor.
# Environment: SHARED (the shared data folder, default ../shared), PEER_HOME (default /tmp/peers),
# WORK (inputs and outputs, default /tmp/tenderlens-compile-bench), RUNS (runs per measurement, median; default 1),
# INPUTS (default "impic-x100 dncp-x200 gacm-x50"), TENDERLENS_JAVA_OPTS (passed to the launcher).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED=${SHARED:-$here/../shared}
D="$SHARED/data/ocds"
PEER_HOME=${PEER_HOME:-/tmp/peers}
WORK=${WORK:-/tmp/tenderlens-compile-bench}
RUNS=${RUNS:-1}
INPUTS=${INPUTS:-"impic-x100 dncp-x200 gacm-x50"}
MODES=${MODES:-compiled}
BIG_GB=${BIG_GB:-0}
SCHEMA="$D/schema/release-schema.json"

[ -f "$SCHEMA" ] || { echo "error: shared data not found at $SHARED (set SHARED)" >&2; exit 1; }
for tool in jq /usr/bin/time; do
  command -v $tool >/dev/null || { echo "error: $tool is needed (apt-get install jq time)" >&2; exit 1; }
done
mkdir -p "$WORK"

# --- the peer -------------------------------------------------------------------------------------------
peer=yes
if ! (cd "$WORK" && PYTHONPATH="$PEER_HOME/pylib" /usr/bin/python3 -c 'import ocdskit.combine, ocdsmerge' 2>/dev/null); then
  peer=no
  cat >&2 <<EOF
==========================================================================================================
 THE PEER IS MISSING: ocdskit is not importable from $PEER_HOME/pylib, so only tenderlens and the
 parse-only floor are measured (no ratio).
 To set it up (offline, under \$PEER_HOME), as $D/PEER-OCDSKIT.md describes:
   1. get git snapshots of these repositories at these commits, into one directory DIR as <owner>+<name>:
        open-contracting/ocdskit                7bfe195659abb25185189fc89e474a5e9dd1df90
        open-contracting/ocds-merge             a124df3f0038522203b11431b60a0853b4b08ca5
        open-contracting/extension_registry.py  d68ca8b966cc283399ac64ff98f2b99bb018ad8f
        gazpachoking/jsonref                    6331c78a7eb126ad3c908960ea95b6dd363f421d
        OpenDataServices/json-merge-patch       1c3ca78f44d922c6fd6b17e19a925003c5dcae8f
   2. bench/setup-ocdskit-peer.sh DIR     (installs python3-ijson etc. with apt-get, unpacks, links)
==========================================================================================================
EOF
fi

# --- inputs (PEER-OCDSKIT.md section 4: real data copied with ocid/id suffixes) --------------------------
R="$D/real"
# shellcheck source=bench/inputs.sh
. "$here/bench/inputs.sh"
for name in $INPUTS; do build_input "$name"; done

# --- our build -------------------------------------------------------------------------------------------
echo "building tenderlens and the bench module ..." >&2
(cd "$here" && ./mvnw -q -B -o -pl bench -am package -DskipTests >&2)
touch "$here/app/target/tenderlens.jar"   # the launcher must not rebuild during the timings
# one untimed run, so that the launcher's one-off work after a build (its class-data archive) is done
printf '{"ocid":"warm-up","date":"2020-01-01"}\n' | "$here/tenderlens" compile >/dev/null 2>&1
BENCH_CP="$(ls "$here"/bench/target/tenderlens-bench-*.jar | head -1):$here/bench/target/lib/*"
# parse-only runs with the JVM options the launcher gives compile, so that both pay the same start-up
# (the launcher's options for inputs under 1 GB, as all three are)
PARSE_JAVA_OPTS=${TENDERLENS_JAVA_OPTS:-$(sed -n 's/^      default_opts="\(.*TieredStopAtLevel=1\)"$/\1/p' "$here/tenderlens")}

# --- measuring -------------------------------------------------------------------------------------------
# run NAME IN OUT CMD...: runs CMD RUNS times, standard input from IN (both tools read it the same way),
# standard output to OUT; sets WALL USER SYS RSS (of the run with the median wall time)
run() {
  local name=$1 in=$2 out=$3; shift 3
  local results=()
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.$name" "$@" < "$in" > "$out" 2> "$WORK/err.$name" || {
      echo "error: $name failed:" >&2; tail -5 "$WORK/err.$name" >&2; return 1; }
    results+=("$(tail -1 "$WORK/time.$name")")
  done
  read -r WALL USER SYS RSS < <(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

same_output() {  # cmp, else compare as JSON (numbers by value) line by line
  if cmp -s "$1" "$2"; then echo "identical bytes"; return; fi
  if [ "$(wc -l < "$1")" = "$(wc -l < "$2")" ] && cmp -s <(jq -cS . "$1") <(jq -cS . "$2"); then echo "equal as JSON"; return; fi
  echo "DIFFER"
}

mode_options() {
  case $1 in
    compiled) echo "" ;;
    versioned) echo "--versioned" ;;
    package) echo "--package" ;;
    package-versioned) echo "--package --versioned" ;;
  esac
}

echo
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)   java: $(java -version 2>&1 | head -1)"
echo "JVM options (ours and parse-only): $PARSE_JAVA_OPTS   runs per figure: $RUNS (median)"
echo
row() { printf '%-10s %-17s %6s | %6s %6s %6s %5s | %6s %6s %6s %5s | %6s %6s | %6s %6s %5s %5s | %s\n' "$@"; }
row input mode rel. "ocdskit" "" "" "" "ours" "" "" "" "ratio" "ratio" "parse" "parse" "ours%" "ours%" outputs
row "" "" "" "wall s" "CPU s" "rel/s" "MB" "wall s" "CPU s" "rel/s" "MB" "wall" "CPU" "wall s" "CPU s" "wall" "CPU" ""
cpu_of() { awk -v u="$USER" -v s="$SYS" 'BEGIN { printf "%.2f", u + s }'; }
div() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f, (b > 0 ? a / b : 0) }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }'; }
for name in $INPUTS; do
  input="$WORK/$name.jsonl"
  releases=$(jq '.releases | length' "$input" | awk '{ s += $1 } END { print s }')
  # shellcheck disable=SC2086
  run parse /dev/null "$WORK/parse.out" java $PARSE_JAVA_OPTS -cp "$BENCH_CP" io.tenderlens.bench.ParseOnly tree "$input"
  parse_wall=$WALL parse_cpu=$(cpu_of)
  for mode in $MODES; do
    opts=$(mode_options "$mode")
    # shellcheck disable=SC2086
    run ours "$input" "$WORK/$name.$mode.ours" "$here/tenderlens" compile --schema "$SCHEMA" $opts
    ours_wall=$WALL ours_cpu=$(cpu_of) ours_rss=$((RSS / 1024))
    if [ $peer = yes ]; then
      # shellcheck disable=SC2086
      run ocdskit "$input" "$WORK/$name.$mode.ocdskit" env PYTHONPATH="$PEER_HOME/pylib" /usr/bin/python3 -m ocdskit compile --schema "$SCHEMA" $opts
      peer_wall=$WALL peer_cpu=$(cpu_of) peer_rss=$((RSS / 1024))
      ratio=$(div "$peer_wall" "$ours_wall" "%.1fx") cpu_ratio=$(div "$peer_cpu" "$ours_cpu" "%.1fx")
      agree=$(same_output "$WORK/$name.$mode.ours" "$WORK/$name.$mode.ocdskit")
      peer_rate=$(rate "$releases" "$peer_wall")
    else
      peer_wall=- peer_cpu=- peer_rss=- ratio=- cpu_ratio=- peer_rate=- agree="(no peer)"
    fi
    row "$name" "$mode" "$releases" "$peer_wall" "$peer_cpu" "$peer_rate" "$peer_rss" \
      "$ours_wall" "$ours_cpu" "$(rate "$releases" "$ours_wall")" "$ours_rss" "$ratio" "$cpu_ratio" \
      "$parse_wall" "$parse_cpu" "$(pct "$parse_wall" "$ours_wall")" "$(pct "$parse_cpu" "$ours_cpu")" "$agree"
    echo "    ours in-process: $(grep '^compile:' "$WORK/err.ours" | tail -1 | sed 's/.*; \([0-9.]* s (.*)\)$/\1/')"
  done
done
echo
echo "Whole processes (JVM start-up included), each tool reading the input on standard input; rel/s from wall time."
echo "ratio = ocdskit / ours, by wall time and by CPU time (user + sys; on a busy machine CPU time is the steadier"
echo "measure, but it does not credit our second thread). parse = Jackson reading every top-level value of the same"
echo "file into a tree on one thread (bench module io.tenderlens.bench.ParseOnly, its own JVM, same JVM options);"
echo "ours% = parse / ours, the share of the parse-only speed that compile keeps."

# --- a multi-GB input: memory stays bounded ---------------------------------------------------------------
if [ "$BIG_GB" != 0 ]; then
  base="$WORK/gacm-x50.jsonl"
  build_input gacm-x50
  big="$WORK/big-${BIG_GB}gb.jsonl"
  echo
  echo "building $big from copies of gacm-x50 with distinct ocids ..." >&2
  rm -f "$big"
  target=$((BIG_GB * 1024 * 1024 * 1024))
  i=0
  while [ "$(stat -c %s "$big" 2>/dev/null || echo 0)" -lt $target ]; do
    sed "s/\"ocid\":\"/\"ocid\":\"big$i-/g" "$base" >> "$big"
    i=$((i + 1))
  done
  size=$(stat -c %s "$big")
  releases=$(( $(jq '.releases | length' "$base" | awk '{ s += $1 } END { print s }') * i ))
  # the output goes nowhere (it would need as much disk again); compile's summary line counts it
  run big /dev/null /dev/null "$here/tenderlens" compile --schema "$SCHEMA" --temp-dir "$WORK" "$big"
  echo "multi-GB input: $(awk -v s="$size" 'BEGIN { printf "%.2f GB", s / 1073741824 }'), $releases releases:" \
    "wall ${WALL} s ($(rate "$releases" "$WALL") releases/s), CPU $(awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }') s," \
    "peak RSS $((RSS / 1024)) MB with JVM options ${TENDERLENS_JAVA_OPTS:-(launcher defaults)}; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  grep '^compile: [0-9]' "$WORK/err.big" | tail -1
  rm -f "$big"
fi
