#!/usr/bin/env bash
# Builds the benchmarks module and runs every benchmark, each against its baseline measured in the same run.
# Prints the machine facts and one line per figure with PASS/FAIL against its target; the full log and the
# summary are kept in benchmarks/<build dir>/.
#
#   benchmarks/run.sh                  # all benchmarks (about 30 minutes on 2 cores)
#   benchmarks/run.sh download startup # only some: client, download, webhook, latency, startup, startup-cds
#                                      # (startup-cds: startup, and again with class-data sharing)
#
# Loads go to 127.0.0.1 only; every loop is bounded in time and count. Needs a JDK 17+, Maven and curl.
set -euo pipefail

cd "$(dirname "$0")/.."
build_dir="${AISTATS_BUILD_DIRNAME:-target}"
out="benchmarks/${build_dir}"
mvn_cmd="./mvnw"
[ -x "$mvn_cmd" ] || mvn_cmd="mvn"

echo "== building (mvn -Pbenchmarks -pl benchmarks -am package)"
"$mvn_cmd" -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -Daistats.build.dirname="$build_dir"

# the module's jar rather than its classes directory: the startup benchmark's class-data archives take jars only
classpath="${out}/ai-stats-benchmarks.jar:$(cat "${out}/classpath.txt")"
# the peers (openai-java, Spring AI's OpenAI starter), from Maven Central through the module's pom: only the
# benchmarks that measure them get them, so that no Spring AI auto-configuration enters the starter's applications
peers_classpath="$(cat "${out}/peers-classpath.txt")"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
log="${out}/benchmark.log"
: > "$log"

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=(client download webhook latency startup)

main_of() {
  case "$1" in
    client) echo io.aistats.benchmarks.ClientOverheadBenchmark ;;
    download) echo io.aistats.benchmarks.DownloadBenchmark ;;
    webhook) echo io.aistats.benchmarks.WebhookIngestionBenchmark ;;
    latency) echo io.aistats.benchmarks.CompletionLatencyBenchmark ;;
    startup|startup-cds) echo io.aistats.benchmarks.StartupBenchmark ;;
    jdbc) bash .ci/postgres.sh >&2 && echo io.aistats.benchmarks.JdbcIngestionBenchmark ;;  # PostgreSQL vs in-memory store
    *) echo "unknown benchmark: $1 (client, download, webhook, latency, startup, startup-cds, jdbc)" >&2; exit 2 ;;
  esac
}

"$java_cmd" -cp "$classpath" io.aistats.benchmarks.MachineFacts | tee -a "$log"
for name in "${selected[@]}"; do
  main="$(main_of "$name")"
  echo "== ${name} (${main})" | tee -a "$log"
  # each benchmark in its own JVM; the ones that measure memory or startup start further JVMs of their own
  case "$name" in
    client|download) "$java_cmd" -Xmx1g -cp "${classpath}:${peers_classpath}" "$main" 2>&1 | tee -a "$log" ;;
    startup|startup-cds)
      args=()
      [ "$name" = startup-cds ] && args=(cds)
      "$java_cmd" -Xmx1g -Daistats.benchmarks.peers-classpath="$peers_classpath" -cp "$classpath" "$main" \
        "${args[@]}" 2>&1 | tee -a "$log" ;;
    *) "$java_cmd" -Xmx1g -cp "$classpath" "$main" 2>&1 | tee -a "$log" ;;
  esac
done

"$java_cmd" -cp "$classpath" io.aistats.benchmarks.MachineFacts | grep 'load average' | tee -a "$log"

echo
echo "== summary (machine, then: benchmark | figure | ratio | target | verdict)"
grep -E '^(MACHINE|LOAD|RESULT) ' "$log" | tee "${out}/summary.txt"
if grep -q '^RESULT .*| FAIL$' "$log"; then
  echo "Some targets were missed (see BENCHMARKS.md for the reasons)."
fi
