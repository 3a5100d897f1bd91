#!/bin/sh
# Accuracy benchmark of the canary judge against the original threshold rule and a Kayenta-style judge
# on simulated Black Friday rollouts.
#   --traffic ideal (default): counts pooled per side, exactly binomial/multinomial, identical pods; prints the
#     Markdown table, writes it to canary-judge/target/judge-accuracy.md and draws docs/judge-accuracy.png.
#   --traffic realistic: rollouts drawn pod by pod under cluster-like traffic (pods that differ, error bursts,
#     cold canary pods, off-peak load); prints the table and writes canary-judge/target/judge-accuracy-realistic.md.
# Usage: canary-judge/bench-accuracy.sh [--traffic ideal|realistic] [--seed N] [--runs N] [--threads N]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
traffic=ideal
n=$#
i=0
while [ "$i" -lt "$n" ]; do
  arg=$1
  shift
  i=$((i + 1))
  if [ "$arg" = "--traffic" ]; then
    if [ "$i" -ge "$n" ]; then
      echo "--traffic needs ideal or realistic" >&2
      exit 2
    fi
    traffic=$1
    shift
    i=$((i + 1))
  else
    set -- "$@" "$arg"
  fi
done
./mvnw -B -q -o -pl canary-judge test-compile
cp=canary-judge/target/classes:canary-judge/target/test-classes
case $traffic in
  ideal)
    exec java -Djava.awt.headless=true -cp "$cp" io.voyager.rollouts.judge.bench.AccuracyBenchmark \
      --seed 20251128 --runs 1000 --threads 2 \
      --markdown canary-judge/target/judge-accuracy.md --png docs/judge-accuracy.png "$@" ;;
  realistic)
    exec java -cp "$cp" io.voyager.rollouts.judge.bench.ClusterAccuracyBenchmark \
      --seed 20251128 --runs 2000 --threads 2 \
      --markdown canary-judge/target/judge-accuracy-realistic.md "$@" ;;
  *)
    echo "--traffic must be ideal or realistic, got $traffic" >&2
    exit 2 ;;
esac
