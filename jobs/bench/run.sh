#!/usr/bin/env bash
# jobs/bench/run.sh — the benchmark. One command from a fresh checkout; prints every figure as it goes and ends with
# a Markdown table (machine, date, commit) in jobs/target/bench/results.md. Never part of the test suite.
#
#   jobs/bench/run.sh              all figures, each the min / median of BENCH_REPS runs (default 3)
#   jobs/bench/run.sh --docs       … and replace the table between the BENCHMARK markers in docs/benchmark.md
#                                  (--readme: the same, the option's older name)
#
# What it measures (docs/benchmark.md explains each and the goals):
#   floor      JVM + SparkSession + as many trivial Delta tables as the pipeline publishes (StackFloor)
#   seeds      `hrss run --force` on the five seed documents (the nightly run as shipped)
#   noop       `hrss run` again with nothing changed (must write no table version)
#   extract    extraction of the 2,850 synthetic documents, checked exact against the generator's rows
#   formats    the same 2,850 plans printed as Word (.docx) and as PDF: printing, and extraction checked exact
#   national   `hrss run --force` on the national dataset (2,850 counties, 1,786,950 observations)
#   township   `hrss run --force` on the township dataset (38,000 townships, 20,064,000 observations)
#   duckdb     DuckDB computing the same metric tables from the same Parquet, cross-checked against ours
#   models     (only when named) the SQL models alone over the national run's tables, each timed (bench/ModelTimes)
#   endpoint   (only when named) hrss serve over the seeds' tables: start, the notebooks' queries through Trino JDBC
#              (bench/EndpointQueries), the server's memory, and hrss sql with and without it. Needs a Java 24+.
# Environment: BENCH_ENDPOINT_PORT (18090), BENCH_TOWNSHIP_JAVA_OPTS (HRSS_JAVA_OPTS of the township runs; default none: the launcher's defaults),
# BENCH_REPS (3), BENCH_REPS_LARGE (runs of the township figures, ours and DuckDB's, default BENCH_REPS;
# 1 skips our uncounted table-creating run too), BENCH_WORK (jobs/target/bench), BENCH_ONLY (space-separated subset of the names).
set -euo pipefail

HRSS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export HRSS_HOME
REPS="${BENCH_REPS:-3}"
REPS_LARGE="${BENCH_REPS_LARGE:-$REPS}"
WORK="${BENCH_WORK:-$HRSS_HOME/jobs/target/bench}"
ONLY="${BENCH_ONLY:-floor seeds noop extract formats national township duckdb}"
DOCS_UPDATE=false
[[ "${1:-}" == "--docs" || "${1:-}" == "--readme" ]] && DOCS_UPDATE=true
DOCS_PAGE="$HRSS_HOME/docs/benchmark.md"

want() { [[ " $ONLY " == *" $1 "* ]]; }
say() { printf '%s\n' "$*" >&2; }

say "bench: building (mvn -q -B -DskipTests package) …"
(cd "$HRSS_HOME" && mvn -q -B -DskipTests package) >&2
TARGET="$HRSS_HOME/jobs/target"
JAR="$(ls "$TARGET"/hrss-plan-analytics-*-SNAPSHOT.jar | grep -v cluster | head -1)"
RUN_CP="$JAR:$(cat "$TARGET/local-classpath-runtime.txt"):$(cat "$TARGET/local-classpath-provided.txt")"
TEST_CP="$TARGET/test-classes:$RUN_CP:$(cat "$TARGET/local-classpath-test.txt")"
HRSS="$HRSS_HOME/jobs/bin/hrss"
mkdir -p "$WORK/logs"
RESULTS="$WORK/figures.tsv"
: > "$RESULTS"

# ---------------------------------------------------------------- helpers
# timed LOG CMD…: runs CMD, its output to LOG; appends "wall_s rss_kib exit" to LOG.time
timed() {
  local log="$1"; shift
  /usr/bin/time -f '%e %M %x' -o "$log.time" "$@" > "$log" 2>&1 || true
  cat "$log.time" | tail -1
}

# stats V…: "min median" of the numbers
stats() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f %.2f", a[1], m}'
}

# record NAME WHAT VALUE…: one figure (its runs), into the results file
record() {
  local name="$1" what="$2"; shift 2
  local s; s="$(stats "$@")"
  printf '%s\t%s\t%s\t%s\n' "$name" "$what" "$s" "$*" >> "$RESULTS"
  say "$(printf '  %-10s %-34s min %8s  median %8s   runs: %s' "$name" "$what" ${s% *} ${s#* } "$*")"
}

# stage NAME LOG: seconds of a stage from hrss run's "Stages:" line
stage() {
  sed -n 's/^Stages:.*[[:space:]]'"$1"' \([0-9.]*\) s.*/\1/p' "$2" | tail -1
}

# config NAME PLANS REGIONS DATASETS: a copy of conf/hrss.yaml pointing at the bench's inputs and its own lakehouse
config() {
  local name="$1" plans="$2" regions="$3" datasets="$4"
  sed -e "s#^  plans: .*#  plans: $plans#" -e "s#^  regions: .*regions[.]csv.*#  regions: $regions#" -e "s#^  datasets: .*#  datasets: \"$datasets\"#" \
      -e "s#^lakehouse: .*#lakehouse: $WORK/lake-$name#" -e "s#^database: .*#database: bench_$name#" \
      -e "s#^normalized_csv: .*#normalized_csv: $WORK/lake-$name/indicator_observations.csv#" \
      "$HRSS_HOME/conf/hrss.yaml" > "$WORK/$name.yaml"
  echo "$WORK/$name.yaml"
}

# pipeline NAME CONFIG [RUNS]: forced runs (REPS by default); records wall, RSS and the publish + metrics stages
pipeline() {
  local name="$1" cfg="$2" runs="${3:-$REPS}" walls=() rss=() pm=() ext=()
  rm -rf "$WORK/lake-$name"
  if [[ "$runs" -gt 1 ]]; then
    say "bench: $name — a first run creates the tables (not counted) …"
    timed "$WORK/logs/$name.create.log" "$HRSS" run --force --config "$cfg" > /dev/null
  else
    say "bench: $name — one run, which also creates the tables …"
  fi
  for i in $(seq "$runs"); do
    read -r wall kib code < <(timed "$WORK/logs/$name.$i.log" "$HRSS" run --force --config "$cfg")
    [[ "$code" == 0 ]] || { say "bench: $name run $i failed (exit $code), see $WORK/logs/$name.$i.log"; exit 1; }
    walls+=("$wall"); rss+=("$((kib / 1024))")
    pm+=("$(awk -v a="$(stage publish "$WORK/logs/$name.$i.log")" -v b="$(stage metrics "$WORK/logs/$name.$i.log")" 'BEGIN {print a + b}')")
    ext+=("$(stage extract "$WORK/logs/$name.$i.log")")
  done
  # each metric model's computation (its "computed in" line), from the last run
  local model secs
  while read -r model secs; do
    record "$name" "model $model s" "$secs"
  done < <(sed -n 's/^ *\([a-z_]*\) *computed in \([0-9.]*\) s$/\1 \2/p' "$WORK/logs/$name.$runs.log")
  record "$name" "wall s (hrss run --force)" "${walls[@]}"
  record "$name" "publish + metrics stages s" "${pm[@]}"
  record "$name" "extract stage s" "${ext[@]}"
  record "$name" "peak RSS MiB" "${rss[@]}"
  local files
  files="$(sed -n 's/^  \([a-z_]*\.[a-z_]*\) .* file(s)$/\1/p' "$WORK/logs/$name.$runs.log" | wc -l)"
  local most
  most="$(sed -n 's/^  [a-z_]*\.[a-z_]* .* \([0-9]*\) file(s)$/\1/p' "$WORK/logs/$name.$runs.log" | sort -n | tail -1)"
  record "$name" "data files per table per run (max of $files)" "$most"
}

# ---------------------------------------------------------------- inputs (generated once, kept in $WORK)
EMPTY="$WORK/no-plans"; mkdir -p "$EMPTY"
if want national || want duckdb; then
  [[ -f "$WORK/national/regions.csv" ]] || "$HRSS" synth dataset --scale national --out "$WORK/national" >&2
fi
if want township || want duckdb; then
  [[ -f "$WORK/township/regions.csv" ]] || "$HRSS" synth dataset --scale township --out "$WORK/township" >&2
fi
if want extract; then
  [[ -f "$WORK/corpus/regions.csv" ]] || "$HRSS" synth corpus --regions 2850 --seed 42 --out "$WORK/corpus" >&2
fi

# ---------------------------------------------------------------- figures
if want floor; then
  say "bench: floor — JVM + SparkSession + 14 trivial Delta tables …"
  rm -rf "$WORK/floor"
  timed "$WORK/logs/floor.create.log" "$HRSS_HOME/jobs/bin/spark-java" "$TEST_CP" org.hrssplan.bench.StackFloor 14 "$WORK/floor" > /dev/null
  walls=(); rss=()
  for i in $(seq "$REPS"); do
    read -r wall kib code < <(timed "$WORK/logs/floor.$i.log" "$HRSS_HOME/jobs/bin/spark-java" "$TEST_CP" org.hrssplan.bench.StackFloor 14 "$WORK/floor")
    [[ "$code" == 0 ]] || { say "bench: floor failed, see $WORK/logs/floor.$i.log"; exit 1; }
    walls+=("$wall"); rss+=("$((kib / 1024))")
  done
  record floor "wall s (14 trivial Delta tables)" "${walls[@]}"
  record floor "peak RSS MiB" "${rss[@]}"
fi

SEEDS_CFG="$(config seeds "$HRSS_HOME/data/raw/plans" "$HRSS_HOME/data/raw/regions.csv" "")"
if want seeds; then pipeline seeds "$SEEDS_CFG"; fi

if want noop; then
  [[ -d "$WORK/lake-seeds/fct_observation" ]] || "$HRSS" run --force --config "$SEEDS_CFG" > /dev/null 2>&1
  "$HRSS" run --config "$SEEDS_CFG" > /dev/null 2>&1 || true   # settles last_success for this exact code and config
  before="$(find "$WORK/lake-seeds" -path '*_delta_log*' -name '*.json' | wc -l)"
  walls=()
  for i in $(seq "$REPS"); do
    read -r wall kib code < <(timed "$WORK/logs/noop.$i.log" "$HRSS" run --config "$SEEDS_CFG")
    [[ "$code" == 0 ]] || { say "bench: no-op run failed (exit $code)"; exit 1; }
    walls+=("$wall")
  done
  after="$(find "$WORK/lake-seeds" -path '*_delta_log*' -name '*.json' | wc -l)"
  record noop "wall s (hrss run, nothing changed)" "${walls[@]}"
  record noop "table versions written" "$((after - before))"
fi

# the SQL endpoint over the seeds' tables (Trino unpacked already: the first start of a machine unpacks it, ~10 s more)
if want endpoint; then
  [[ -d "$WORK/lake-seeds/fct_observation" ]] || "$HRSS" run --force --config "$SEEDS_CFG" > /dev/null 2>&1
  EP_CFG="$WORK/endpoint.yaml"
  sed -e "s#^  port: 8090 #  port: ${BENCH_ENDPOINT_PORT:-18090} #" "$SEEDS_CFG" > "$EP_CFG"
  EP_URL="jdbc:trino://127.0.0.1:${BENCH_ENDPOINT_PORT:-18090}/lakehouse/bench_seeds"
  Q="SELECT count(*) FROM bench_seeds.fct_target_attainment WHERE NOT achieved"
  starts=(); answers=(); sql_ep=(); sql_spark=()
  for i in $(seq "$REPS"); do
    log="$WORK/logs/endpoint.$i.log"
    t0="$(date +%s.%N)"
    "$HRSS" serve --config "$EP_CFG" > "$log" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && ! grep -q "^hrss serve: serving" "$log"; do sleep 0.1; done
    grep -q "^hrss serve: serving" "$log" || { say "bench: hrss serve did not start, see $log"; exit 1; }
    starts+=("$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')")
    answers+=("$(sed -n 's/.*Trino answers after \([0-9.]*\) s$/\1/p' "$log")")
    read -r wall kib code < <(timed "$WORK/logs/sql-endpoint.$i.log" "$HRSS" sql --config "$EP_CFG" "$Q")
    [[ "$code" == 0 ]] || { say "bench: hrss sql through the endpoint failed, see $WORK/logs/sql-endpoint.$i.log"; exit 1; }
    sql_ep+=("$wall")
    if [[ "$i" == "$REPS" ]]; then
      "$HRSS_HOME/jobs/bin/spark-java" "$TEST_CP" org.hrssplan.bench.EndpointQueries "$EP_URL" "$HRSS_HOME/notebooks-export" bench_seeds 5 \
        > "$WORK/logs/endpoint-queries.log" 2>&1 || { say "bench: the notebooks' queries failed, see $WORK/logs/endpoint-queries.log"; exit 1; }
      server="$(sed -n 's/.*"server_pid" : \([0-9]*\).*/\1/p' "$WORK/lake-seeds/_endpoint/endpoint.json")"
      # Trino runs under a watchdog shell: the resident memory of both
      record endpoint "Trino RSS MiB after the queries" "$(ps -o rss= --pid "$server" --ppid "$server" | awk '{s += $1} END {printf "%d", s / 1024}')"
    fi
    "$HRSS" serve stop --config "$EP_CFG" > /dev/null 2>&1
    wait "$pid" || true
    read -r wall kib code < <(timed "$WORK/logs/sql-spark.$i.log" "$HRSS" sql --config "$EP_CFG" "$Q")
    [[ "$code" == 0 ]] || { say "bench: hrss sql on Spark failed, see $WORK/logs/sql-spark.$i.log"; exit 1; }
    sql_spark+=("$wall")
  done
  record endpoint "start s (hrss serve until serving)" "${starts[@]}"
  record endpoint "of which Trino's own start s" "${answers[@]}"
  q="$(tail -1 "$WORK/logs/endpoint-queries.log")"
  for k in first_median first_max warm_median warm_max; do
    record endpoint "notebook queries ms, $k of 13" "$(sed "s/.*$k=\([0-9]*\).*/\1/" <<< "$q")"
  done
  record endpoint "hrss sql wall s, through the endpoint" "${sql_ep[@]}"
  record endpoint "hrss sql wall s, embedded Spark" "${sql_spark[@]}"
fi

if want extract; then
  walls=()
  for i in $(seq "$REPS"); do
    read -r wall kib code < <(timed "$WORK/logs/extract.$i.log" "$HRSS" synth verify --expected "$WORK/corpus/expected_observations.csv" \
      --input "$WORK/corpus/plans" --regions "$WORK/corpus/regions.csv")
    [[ "$code" == 0 ]] || { say "bench: extraction of the corpus is not exact (exit $code), see $WORK/logs/extract.$i.log"; exit 1; }
    walls+=("$wall")
  done
  record extract "wall s (2,850 documents, verified exact)" "${walls[@]}"
  CORPUS_CFG="$(config corpus "$WORK/corpus/plans" "$WORK/corpus/regions.csv" "")"
  pipeline corpus "$CORPUS_CFG"
fi

if want formats; then
  for fmt in docx pdf; do
    if [[ ! -f "$WORK/corpus-$fmt/regions.csv" ]]; then
      say "bench: printing the 2,850 plans as $fmt …"
      read -r wall kib code < <(timed "$WORK/logs/print-$fmt.log" "$HRSS" synth corpus --regions 2850 --seed 42 --formats "$fmt" \
        --out "$WORK/corpus-$fmt")
      [[ "$code" == 0 ]] || { say "bench: printing the $fmt corpus failed, see $WORK/logs/print-$fmt.log"; exit 1; }
      record "$fmt" "print s (2,850 plans, once)" "$wall"
    fi
    walls=(); rss=()
    for i in $(seq "$REPS"); do
      read -r wall kib code < <(timed "$WORK/logs/extract-$fmt.$i.log" "$HRSS" synth verify \
        --expected "$WORK/corpus-$fmt/expected_observations.csv" --input "$WORK/corpus-$fmt/plans" --regions "$WORK/corpus-$fmt/regions.csv")
      [[ "$code" == 0 ]] || { say "bench: extraction of the $fmt corpus is not exact (exit $code), see $WORK/logs/extract-$fmt.$i.log"; exit 1; }
      walls+=("$wall"); rss+=("$((kib / 1024))")
    done
    record "$fmt" "extract wall s (2,850 plans, verified exact)" "${walls[@]}"
    record "$fmt" "extract peak RSS MiB" "${rss[@]}"
    say "bench: $fmt files: $(du -sh "$WORK/corpus-$fmt/plans" | cut -f1)"
  done
fi

if want national; then pipeline national "$(config national "$EMPTY" "$WORK/national/regions.csv" "$WORK/national/observations")"; fi
# the SQL models alone over the national run's tables, REPS times in one JVM (the first with the JIT's warm-up)
if want models; then
  [[ -d "$WORK/lake-national/fct_observation" ]] || { say "bench: models needs the national run's tables; run with national first"; exit 1; }
  "$HRSS_HOME/jobs/bin/spark-java" "$TEST_CP" org.hrssplan.bench.ModelTimes "$WORK/lake-national" "$REPS" > "$WORK/logs/models.log" 2>&1
  for m in $(sed -n 's/^model_ms rep=1 //p' "$WORK/logs/models.log" | tr ' ' '\n' | cut -d= -f1); do
    record models-national "model $m s" $(sed -n 's/.* '"$m"'=\([0-9]*\).*/\1/p' "$WORK/logs/models.log" | awk '{printf "%.1f ", $1 / 1000}')
  done
fi
# the township runs get the launcher's defaults (its heap sized to the machine); BENCH_TOWNSHIP_JAVA_OPTS overrides
export BENCH_TOWNSHIP_JAVA_OPTS="${BENCH_TOWNSHIP_JAVA_OPTS-}"
if want township; then
  HRSS_JAVA_OPTS="$BENCH_TOWNSHIP_JAVA_OPTS" pipeline township \
    "$(config township "$EMPTY" "$WORK/township/regions.csv" "$WORK/township/observations")" "$REPS_LARGE"
fi

if want duckdb; then
  for scale in national township; do
    lake="$WORK/lake-$scale/exports/parquet"
    [[ -d "$lake/fct_target_attainment" ]] || { say "bench: duckdb needs the $scale run's exports; run with $scale first"; exit 1; }
    walls=(); procs=(); rss=(); runs="$REPS"
    [[ "$scale" == township ]] && runs="$REPS_LARGE"
    for i in $(seq "$runs"); do
      /usr/bin/time -f '%e %M %x' -o "$WORK/logs/duckdb-$scale.$i.log.time" java -cp "$TEST_CP" org.hrssplan.bench.DuckDbMetrics \
        --observations "$WORK/$scale/observations/*.parquet" --indicators "$lake/dim_indicator/*.parquet" \
        --regions "$lake/dim_region/*.parquet" --findings "$lake/dq_findings/*.parquet" --ours "$lake" \
        --sql-dir "$HRSS_HOME/jobs/bench/duckdb" > "$WORK/logs/duckdb-$scale.$i.log" 2>&1 \
        || { say "bench: DuckDB differs from ours or failed, see $WORK/logs/duckdb-$scale.$i.log"; exit 1; }
      walls+=("$(sed -n 's/^duckdb .*total_ms=\([0-9]*\).*/\1/p' "$WORK/logs/duckdb-$scale.$i.log" | awk '{print $1 / 1000}')")
      procs+=("$(awk '{print $1}' "$WORK/logs/duckdb-$scale.$i.log.time")")
      rss+=("$(awk '{print int($2 / 1024)}' "$WORK/logs/duckdb-$scale.$i.log.time")")
    done
    record "duckdb-$scale" "metric tables from Parquet s (in-process)" "${walls[@]}"
    record "duckdb-$scale" "process wall s (JVM + DuckDB + cross-check)" "${procs[@]}"
    record "duckdb-$scale" "peak RSS MiB" "${rss[@]}"
    grep '^crosscheck' "$WORK/logs/duckdb-$scale.$runs.log" | sed 's/^/    /' >&2
  done
fi

# ---------------------------------------------------------------- the table
BENCH_REPS_LARGE="$REPS_LARGE" "$HRSS_HOME/jobs/bench/report.sh" "$RESULTS" "$REPS" > "$WORK/results.md"
cat "$WORK/results.md"
if $DOCS_UPDATE; then
  awk -v table="$WORK/results.md" '
    /<!-- BENCHMARK:BEGIN -->/ {print; while ((getline l < table) > 0) print l; skip = 1; next}
    /<!-- BENCHMARK:END -->/ {skip = 0}
    !skip {print}' "$DOCS_PAGE" > "$WORK/benchmark.md.new" && mv "$WORK/benchmark.md.new" "$DOCS_PAGE"
  say "bench: docs/benchmark.md updated"
fi
