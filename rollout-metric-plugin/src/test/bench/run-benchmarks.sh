#!/bin/sh
# Prints the plugin transport benchmarks (docs/benchmarks.md, "Plugin transport"): exec -> handshake
# time of the JVM launcher, round trips from the Go host, decode time of a full RunArgs.
# Needs a JDK 17, go and Debian's go-plugin/yamux sources. Run from the repository root.
set -eu
./mvnw -B -q -pl rollout-metric-plugin -am package -DskipTests
cd rollout-metric-plugin
../mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.voyager.rollouts.bench.TransportBenchmark
