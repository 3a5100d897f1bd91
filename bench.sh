#!/usr/bin/env bash
# Gateway benchmarks: builds a sandbox-enabled gateway (non-prod build profile, so the in-process sandbox
# processors and the baseline route exist; the prod jar has neither), the production jar (for the first seconds
# of a fresh pod), the old design's gateway from a git
# worktree, the route-shape limit (benchmarks/route-limit) and the load driver, runs figures 1-4 and 6,
# the capacity at a processor latency and the first seconds of a fresh pod on loopback, and rewrites their
# sections of docs/benchmarks.md between the bench.sh markers.
#
#   ./bench.sh            full mode: 5 runs per figure, capacity steps of 10 s, 5 fresh starts per
#                         warm-up setting (about 65 minutes)
#   ./bench.sh --short    3 shorter runs per figure, capacity steps of 6 s, 3 fresh starts (about 40 minutes)
#   --smoke               checks the harness end to end with tiny runs; writes target/bench-smoke/benchmarks.md
#                         (a copy of docs/benchmarks.md) and target/bench-smoke/results.json, never the doc itself
#   --figures LIST        only these, comma-separated: throughput (figures 1, 4, 6), capacity, latency (figure 2),
#                         coldstart (figure 3), firstseconds (the first 30 s of a fresh production gateway JVM
#                         against the same JVM warm, start-up warm-up off and on; about 20 minutes, --short about
#                         12); the others keep their sections and their results.json entries
#   --old REV             the old design's commit for the capacity figure (default: OLD_REV below)
#   --no-build            reuse voyager-gateway/target/bench-app, bench-aot, bench-prod, target/bench/old-app (built from
#                         the same REV), benchmarks/route-limit/target/route-limit.jar and loadtest/driver/target/load-driver.jar
#   --offline             pass -o to Maven
#   --plugin              also run the plugin benchmarks (figure 5) that write their own sections
#
# Needs: wrk, python3, git, JDK 17 at /usr/lib/jvm/java-17-openjdk-amd64, Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64.
# Logs, the JFR recording, the AOT cache, the old design's build and results.json go to target/bench/.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

# The last commit before the non-blocking authorization path: the capacity figure's old design.
OLD_REV=c06f1b5

mode=full build=1 plugin=0 maven_flags=() figures=throughput,capacity,latency,coldstart,firstseconds old_rev=$OLD_REV
while [ $# -gt 0 ]; do
  case "$1" in
    --short) mode=short ;;
    --smoke) mode=smoke ;;
    --no-build) build=0 ;;
    --offline) maven_flags+=(-o) ;;
    --plugin) plugin=1 ;;
    --figures) [ $# -ge 2 ] || { echo "bench.sh: --figures needs a list" >&2; exit 2; }; figures=$2; shift ;;
    --figures=*) figures=${1#--figures=} ;;
    --old) [ $# -ge 2 ] || { echo "bench.sh: --old needs a commit" >&2; exit 2; }; old_rev=$2; shift ;;
    --old=*) old_rev=${1#--old=} ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
wants() { case ",$figures," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

for tool in wrk python3 git /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is required" >&2; exit 1; }
done

app=voyager-gateway/target/bench-app
aot=voyager-gateway/target/bench-aot
prod=voyager-gateway/target/bench-prod
driver=loadtest/driver/target/load-driver.jar
limit=benchmarks/route-limit/target/route-limit.jar
old_src=target/bench/old-src
old_app=target/bench/old-app
old_commit=$(git rev-parse --verify --quiet "$old_rev^{commit}") || { echo "bench.sh: --old $old_rev is not a commit" >&2; exit 2; }
# The sandbox build accepts this documented test key for m_loadtest; the driver, wrk and the cold-start probe send it.
export MERCHANT_API_KEY="${MERCHANT_API_KEY:-vk_test_voyager_sandbox}"

remove_old_src() {
  if [ -e "$old_src" ]; then
    git worktree remove --force "$old_src" >/dev/null 2>&1 || rm -rf "$old_src"
  fi
  git worktree prune
}

if [ "$build" = 1 ]; then
  echo "[bench] building the sandbox-enabled gateway (fast-jar and aot-jar), the route-shape limit and the load driver"
  # Build profile "bench": not prod, so @UnlessBuildProfile("prod") sandbox beans are in; separate output
  # directories so target/quarkus-app (the production jar) is left alone.
  ./mvnw -B -q "${maven_flags[@]}" -pl voyager-gateway package -DskipTests -Dquarkus.profile=bench \
    -Dquarkus.package.output-directory=bench-app
  if wants coldstart; then
    ./mvnw -B -q "${maven_flags[@]}" -pl voyager-gateway package -DskipTests -Dquarkus.profile=bench \
      -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=bench-aot
  fi
  if wants firstseconds; then
    # The production build, as a pod runs it; its own output directory, so target/quarkus-app is left alone.
    ./mvnw -B -q "${maven_flags[@]}" -pl voyager-gateway package -DskipTests \
      -Dquarkus.package.output-directory=bench-prod
  fi
  if wants latency || wants capacity || wants firstseconds; then
    ./mvnw -B -q "${maven_flags[@]}" -pl loadtest/driver package -DskipTests
  fi
  if wants throughput; then
    # Not in the root reactor: a parent-less module of its own.
    ./mvnw -B -q "${maven_flags[@]}" -f benchmarks/route-limit/pom.xml package
  fi
  if wants capacity; then
    echo "[bench] building the old design's gateway from $old_rev (${old_commit:0:12}) in a worktree"
    mkdir -p target/bench
    trap remove_old_src EXIT
    remove_old_src
    git worktree add --detach "$old_src" "$old_commit" >/dev/null
    (cd "$old_src" && ./mvnw -B -q "${maven_flags[@]}" -pl voyager-gateway package -DskipTests -Dquarkus.profile=bench \
      -Dquarkus.package.output-directory=bench-app)
    # Kept outside the worktree (which goes when this script ends) so --no-build can reuse it.
    rm -rf "$old_app"
    cp -a "$old_src/voyager-gateway/target/bench-app" "$old_app"
    echo "$old_commit" > "$old_app/REV"
    remove_old_src
    trap - EXIT
  fi
fi

needed=("$app/quarkus-run.jar")
wants coldstart && needed+=("$aot/quarkus-run.jar")
wants firstseconds && needed+=("$prod/quarkus-run.jar")
{ wants latency || wants capacity || wants firstseconds; } && needed+=("$driver")
wants throughput && needed+=("$limit")
wants capacity && needed+=("$old_app/quarkus-run.jar")
for file in "${needed[@]}"; do
  [ -f "$file" ] || { echo "bench.sh: $file is missing; run without --no-build" >&2; exit 1; }
done
if wants capacity && [ "$(cat "$old_app/REV" 2>/dev/null)" != "$old_commit" ]; then
  echo "bench.sh: $old_app was not built from $old_rev; run without --no-build" >&2
  exit 1
fi

doc=docs/benchmarks.md workdir=target/bench
if [ "$mode" = smoke ]; then
  # Smoke figures mean nothing: they go to a copy of the doc.
  workdir=target/bench-smoke doc=target/bench-smoke/benchmarks.md
  mkdir -p "$workdir"
  cp docs/benchmarks.md "$doc"
fi

python3 benchmarks/gateway_bench.py --mode "$mode" --figures "$figures" --app "$app" --aot-app "$aot" --prod-app "$prod" \
  --old-app "$old_app" --old-rev "$old_rev" --driver "$driver" --limit-jar "$limit" --doc "$doc" --workdir "$workdir"

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
