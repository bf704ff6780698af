#!/usr/bin/env bash
# jobs/bench/pdf-pages.sh — a long PDF plan: wall time, peak RSS and observations of extracting one PDF of N pages
# (default 500), the 10 pages of fixtures/pdf/001_2751235d0c90732c.pdf (叙永县) imported over and over. Never part of
# the test suite; prints its figures and leaves nothing behind (the PDF is built in a temporary folder).
#
#   jobs/bench/pdf-pages.sh [PAGES]
#
# Each run is its own JVM (org.hrssplan.bench.PdfPages extract: catalog, regions, one PlanExtractor#extract), timed by
# /usr/bin/time: wall and peak RSS include the JVM's start. extract_ms is the extraction alone, inside the JVM.
# Environment: PDF_BENCH_JAVA_OPTS (default -Xmx1g, the heap of jobs/bin/hrss; "" for the JVM's default), BENCH_REPS (3),
# BENCH_MVN_FLAGS (default -o: Maven offline; "" to let it go online).
set -euo pipefail

HRSS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAGES="${1:-500}"
REPS="${BENCH_REPS:-3}"
JAVA_OPTS="${PDF_BENCH_JAVA_OPTS--Xmx1g}"
MVN_FLAGS="${BENCH_MVN_FLAGS--o}"
SOURCE="$HRSS_HOME/jobs/src/test/resources/fixtures/pdf/001_2751235d0c90732c.pdf"
say() { printf '%s\n' "$*" >&2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pdf-pages.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

say "pdf-pages: compiling (mvn test-compile) and resolving the test classpath …"
# shellcheck disable=SC2086
(cd "$HRSS_HOME" && mvn -B -q $MVN_FLAGS -Dexec.skip=true -DskipTests test-compile) >&2
# shellcheck disable=SC2086
(cd "$HRSS_HOME/jobs" && mvn -B -q $MVN_FLAGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt") >&2
CP="$HRSS_HOME/jobs/target/test-classes:$HRSS_HOME/jobs/target/classes:$(cat "$WORK/cp.txt")"

PDF="$WORK/long_plan.pdf"
java -cp "$CP" org.hrssplan.bench.PdfPages build "$SOURCE" "$PAGES" "$PDF" >&2

TIMER=()
[[ -x /usr/bin/time ]] && TIMER=(/usr/bin/time -f '%e %M' -o "$WORK/time")
say "pdf-pages: $PAGES pages, $(du -k "$PDF" | cut -f1) KiB; $REPS run(s), java ${JAVA_OPTS:-(default heap)}, $(nproc) core(s)"
walls=(); rss=(); inner=()
for i in $(seq "$REPS"); do
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  out="$("${TIMER[@]}" java $JAVA_OPTS -cp "$CP" org.hrssplan.bench.PdfPages extract "$PDF" \
    "$HRSS_HOME/conf/indicator-catalog.yaml" "$HRSS_HOME/data/raw/regions.csv" 2>"$WORK/stderr")" \
    || { say "pdf-pages: run $i failed:"; cat "$WORK/stderr" >&2; exit 1; }
  end=$(date +%s.%N)
  peak=""
  if [[ -f "$WORK/time" ]]; then
    read -r wall kib < <(tail -1 "$WORK/time")
    peak="$((kib / 1024))"
    rss+=("$peak")
  else
    wall="$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')"
  fi
  walls+=("$wall")
  inner+=("$(sed -n 's/.*extract_ms=\([0-9]*\).*/\1/p' <<< "$out")")
  say "  run $i: wall ${wall} s${peak:+, peak RSS $peak MiB}   $out"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf 'pages\t%s\n' "$PAGES"
printf 'wall_s_median\t%s\t(runs: %s)\n' "$(median "${walls[@]}")" "${walls[*]}"
[[ ${#rss[@]} -gt 0 ]] && printf 'peak_rss_mib_median\t%s\t(runs: %s)\n' "$(median "${rss[@]}")" "${rss[*]}"
printf 'extract_ms_median\t%s\t(runs: %s)\n' "$(median "${inner[@]}")" "${inner[*]}"
printf 'observations\t%s\n' "$(sed -n 's/.*observations=\([0-9]*\).*/\1/p' <<< "$out")"
printf 'status\t%s\n' "$(sed -n 's/.*status=\([a-z_]*\).*/\1/p' <<< "$out")"
