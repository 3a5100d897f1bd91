#!/bin/sh
# Accuracy benchmark of the canary judge against the original threshold rule and a Kayenta-style judge
# on simulated Black Friday rollouts. Prints the Markdown table and writes docs/judge-accuracy.png.
# Usage: canary-judge/bench-accuracy.sh [--seed N] [--runs N] [--threads N]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -B -q -o -pl canary-judge test-compile
cp=canary-judge/target/classes:canary-judge/target/test-classes
exec java -Djava.awt.headless=true -cp "$cp" io.voyager.rollouts.judge.bench.AccuracyBenchmark \
  --seed 20251128 --runs 1000 --threads 2 \
  --markdown canary-judge/target/judge-accuracy.md --png docs/judge-accuracy.png "$@"
