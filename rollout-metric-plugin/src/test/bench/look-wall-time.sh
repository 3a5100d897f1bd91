#!/bin/sh
# A look's wall time with the two default metrics against a Prometheus that answers each query 200 ms late
# (docs/benchmarks.md, "A look against a slow Prometheus"), for the working tree and for an older commit built
# in the same run (default: the commit before the look's queries were sent at once).
# Usage: rollout-metric-plugin/src/test/bench/look-wall-time.sh [--old REV] [LOOKS]. Run from the repository root.
set -eu
old=cf079c0
if [ "${1:-}" = --old ]; then old=$2; shift 2; fi
looks=${1:-20}
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/voyager-look-bench.XXXXXX")
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

run() { # run DIR LABEL
  # Older commits have the gob codec as its own module, gob-codec, in place of go-plugin-transport.
  (cd "$1" && transport=go-plugin-transport && { [ -d "$transport" ] || transport=gob-codec; } \
    && ./mvnw -B -q -o -N install >/dev/null && ./mvnw -B -q -o -pl "canary-judge,$transport" install -DskipTests >/dev/null \
    && ./mvnw -B -q -o -pl rollout-metric-plugin test-compile >/dev/null \
    && cd rollout-metric-plugin \
    && ../mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null \
    && printf '%s: ' "$2" \
    && java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.voyager.rollouts.bench.LookWallTime "$looks")
}

git worktree add -q --detach "$work/old" "$old"
mkdir -p "$work/old/rollout-metric-plugin/src/test/java/io/voyager/rollouts/bench"
cp rollout-metric-plugin/src/test/java/io/voyager/rollouts/bench/LookWallTime.java \
  "$work/old/rollout-metric-plugin/src/test/java/io/voyager/rollouts/bench/"
run "$work/old" "old ($old)"
run "$root" "new (working tree)"
