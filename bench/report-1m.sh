#!/usr/bin/env bash
# The report and search over a store of 1,000,000 synthetic records shaped like real ones (issue: "the full
# report over 1,000,000 records in under 10 seconds; search p99 under 50 ms").
# First run: generates 50,000 records, ingests them, copies them under new ocids up to the record count (in
# SQL: ingesting 1M takes hours on a shared machine) and builds the search index with the real update; later
# runs reuse <work>/db-<records>. Prints, per run, the report's wall and CPU time, records/s and the load
# average; the same for a DuckDB SQL peer; the search latency on the same store; then times the whole
# command line (JVM start included) once. Work directory: 2nd argument (a RAM disk such as /dev/shm when
# the disk is slow; RESULTS-report.md was measured so).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
records="${1:-1000000}"
work="${2:-$here/bench/target/report-bench}"
cd "$here"
./mvnw -q -B -o -pl bench -am package -DskipTests
cp="bench/target/tenderlens-bench-0.1.0-SNAPSHOT.jar:$(ls bench/target/lib/*.jar | tr '\n' ':')"
java -Xmx4g -cp "$cp" io.tenderlens.bench.ReportBenchmark "$records" "$work" 3
echo "whole command, JVM start included:"
/usr/bin/time -f "%e s wall, %U s user, %M KB max resident" ./tenderlens report --db "$work/db-$records" --out "$work/out-cli"
