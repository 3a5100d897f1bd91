#!/usr/bin/env bash
# Gateway benchmarks: builds a sandbox-enabled gateway (non-prod build profile, so the in-process sandbox
# processors and the baseline route exist; the prod jar has neither), runs figures 1-4 and 6 on loopback, and
# rewrites their sections of docs/benchmarks.md between the bench.sh markers.
#
#   ./bench.sh            full mode: 5 runs per figure (about 15 minutes)
#   ./bench.sh --short    3 shorter runs per figure (under 10 minutes)
#   --no-build            reuse voyager-gateway/target/bench-app, bench-aot and loadtest/driver/target/load-driver.jar
#   --offline             pass -o to Maven
#   --plugin              also run the plugin benchmarks (figure 5) that write their own sections
#
# Needs: wrk, python3, JDK 17 at /usr/lib/jvm/java-17-openjdk-amd64, Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64.
# Logs, the JFR recording, the AOT cache and results.json go to target/bench/.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

mode=full build=1 plugin=0 maven_flags=()
for arg in "$@"; do
  case "$arg" in
    --short) mode=short ;;
    --no-build) build=0 ;;
    --offline) maven_flags+=(-o) ;;
    --plugin) plugin=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

for tool in wrk python3 /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is required" >&2; exit 1; }
done

app=voyager-gateway/target/bench-app
aot=voyager-gateway/target/bench-aot
driver=loadtest/driver/target/load-driver.jar
# The sandbox build accepts this documented test key for m_loadtest; the driver, wrk and the cold-start probe send it.
export MERCHANT_API_KEY="${MERCHANT_API_KEY:-vk_test_voyager_sandbox}"
if [ "$build" = 1 ]; then
  echo "[bench] building the sandbox-enabled gateway (fast-jar and aot-jar) and the load driver"
  # Build profile "bench": not prod, so @UnlessBuildProfile("prod") sandbox beans are in; separate output
  # directories so target/quarkus-app (the production jar) is left alone.
  ./mvnw -B -q "${maven_flags[@]}" -pl voyager-gateway package -DskipTests -Dquarkus.profile=bench \
    -Dquarkus.package.output-directory=bench-app
  ./mvnw -B -q "${maven_flags[@]}" -pl voyager-gateway package -DskipTests -Dquarkus.profile=bench \
    -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=bench-aot
  ./mvnw -B -q "${maven_flags[@]}" -pl loadtest/driver package -DskipTests
fi
for needed in "$app/quarkus-run.jar" "$aot/quarkus-run.jar" "$driver"; do
  [ -f "$needed" ] || { echo "bench.sh: $needed is missing; run without --no-build" >&2; exit 1; }
done

python3 benchmarks/gateway_bench.py --mode "$mode" --app "$app" --aot-app "$aot" --driver "$driver" \
  --doc docs/benchmarks.md --workdir target/bench

if [ "$plugin" = 1 ]; then
  for script in rollout-metric-plugin/src/test/bench/run-benchmarks.sh canary-judge/bench-jmh.sh; do
    if [ -x "$script" ]; then
      echo "[bench] $script"
      "./$script"
    else
      echo "[bench] $script not found; skipping" >&2
    fi
  done
fi
