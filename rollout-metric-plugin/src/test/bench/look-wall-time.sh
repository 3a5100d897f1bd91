#!/bin/sh
# A Run's wall time with the two default metrics against a Prometheus that answers each query 200 ms late
# (docs/benchmarks.md, "A look against a slow Prometheus"), for the working tree and for an older commit built
# in the same run (default: 56d44dc, before the Run path was flattened; cf079c0 is the last commit that sent a
# look's queries one after another). Both sides are built through their own reactor (nothing is installed into
# the local repository) and run the working tree's LookWallTime.
# Usage: rollout-metric-plugin/src/test/bench/look-wall-time.sh [--old REV] [RUNS]. Run from the repository root.
set -eu
old=56d44dc
if [ "${1:-}" = --old ]; then old=$2; shift 2; fi
runs=${1:-20}
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/voyager-look-bench.XXXXXX")
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

run() { # run DIR LABEL
  (cd "$1" && ./mvnw -B -q -o -pl rollout-metric-plugin -am test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null \
    && cd rollout-metric-plugin \
    && printf '%s: ' "$2" \
    && java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.voyager.rollouts.bench.LookWallTime "$runs")
}

git worktree add -q --detach "$work/old" "$old"
mkdir -p "$work/old/rollout-metric-plugin/src/test/java/io/voyager/rollouts/bench"
cp rollout-metric-plugin/src/test/java/io/voyager/rollouts/bench/LookWallTime.java \
  "$work/old/rollout-metric-plugin/src/test/java/io/voyager/rollouts/bench/"
run "$work/old" "old ($old)"
run "$root" "new (working tree)"
