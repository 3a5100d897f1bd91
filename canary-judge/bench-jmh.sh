#!/bin/sh
# JMH microbenchmarks of the judge statistics: one metric judged through CanaryJudge.judge for
# 1e3, 1e5, 1e6 requests per side (ratio, histogram) and 60, 600 points per side (series).
# Usage: canary-judge/bench-jmh.sh [JMH options; default -f 1 -wi 5 -w 1s -i 10 -r 1s]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -B -q -o -pl canary-judge test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp=canary-judge/target/classes:canary-judge/target/test-classes:$(cat canary-judge/target/test-classpath.txt)
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 5 -w 1s -i 10 -r 1s
fi
exec java -cp "$cp" org.openjdk.jmh.Main "$@" -rf text -rff canary-judge/target/jmh-result.txt JudgeStatisticsBenchmark
