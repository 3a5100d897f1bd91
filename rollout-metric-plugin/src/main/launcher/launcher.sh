#!/bin/sh
# voyager-canary-judge: an Argo Rollouts metric-provider plugin. This sh stub starts the JVM on
# the jar appended to this very file (java reads a jar from its end, so the stub is invisible to it).
# Needs java 17+ on PATH or in JAVA_HOME. Extra JVM flags: VOYAGER_JAVA_OPTS.
# The flags favour start-up time over peak speed: calls are few and small. stdout belongs to the
# go-plugin handshake line, so the JVM's own messages and log warnings are sent to stderr.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xss512k -Xms16m -Xmx128m \
  $VOYAGER_JAVA_OPTS -jar "$0" "$@"
