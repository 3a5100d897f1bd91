# Functions of ./rehearse.sh. Every process is started in its own process group and killed by group on exit.
# shellcheck shell=bash

REHEARSAL="$ROOT/rehearsal"
GATEWAY_BUILD="$REHEARSAL/target/gateway-sandbox"
GATEWAY_JAR="$GATEWAY_BUILD/voyager-gateway/target/quarkus-app/quarkus-run.jar"
CONTROLLER="$REHEARSAL/target/rehearsalcontroller"
DRIVER_JAR="$ROOT/loadtest/driver/target/load-driver.jar"
# The sandbox builds accept this documented test key for m_loadtest; the load driver sends it.
export MERCHANT_API_KEY="${MERCHANT_API_KEY:-vk_test_voyager_sandbox}"
TOOLS_CP="$REHEARSAL/target/classes:$REHEARSAL/target/lib/*"
PGIDS=()

log() { printf '[rehearse %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_tools() {
  local missing=()
  for tool in java go prometheus curl setsid; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    die "missing ${missing[*]} (Debian: apt-get install default-jdk-headless golang-go prometheus curl; see scripts/apt-packages.txt)"
  fi
  [ -d /usr/share/gocode/src/github.com/hashicorp/go-plugin ] \
    || die "missing go-plugin sources in /usr/share/gocode (apt-get install golang-github-hashicorp-go-plugin-dev)"
}

# The Maven builds are offline first (fast when the cache is warm), online if that fails.
mvn_build() {
  (cd "$ROOT" && { ./mvnw -B -q -o "$@" || ./mvnw -B -q "$@"; })
}

newer_than() { # newer_than FILE PATH... : true if FILE is missing or any file under PATH is newer
  [ -e "$1" ] || return 0
  local target=$1; shift
  [ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}

build_missing() {
  local stale=0 tools_class="$REHEARSAL/target/classes/io/voyager/rehearsal/ScenarioCheck.class"
  if [ "$PLUGIN" = "$DEFAULT_PLUGIN" ] && newer_than "$PLUGIN" "$ROOT/rollout-metric-plugin/src/main" \
      "$ROOT/canary-judge/src/main" "$ROOT/go-plugin-transport/src/main"; then
    stale=1
  fi
  if newer_than "$DRIVER_JAR" "$ROOT/loadtest/driver/src/main" || newer_than "$tools_class" "$REHEARSAL/src/main" \
      || [ ! -d "$REHEARSAL/target/lib" ]; then
    stale=1
  fi
  if [ "$stale" = 1 ]; then
    log "building the plugin, the load driver and the rehearsal tools (mvnw -pl rehearsal -am package)"
    mvn_build -pl rehearsal -am package -DskipTests
  fi
  [ -x "$PLUGIN" ] || die "plugin executable $PLUGIN not found"
  # The normal (prod) gateway build has no sandbox processors; this one is built with a non-prod profile from a
  # copy of the sources, so it never touches voyager-gateway/target.
  local sources
  sources=$(cd "$ROOT" && find voyager-gateway/src/main voyager-gateway/pom.xml pom.xml -type f -print0 | sort -z \
    | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
  if [ ! -f "$GATEWAY_JAR" ] || [ "$(cat "$GATEWAY_BUILD/sources.sha256" 2>/dev/null)" != "$sources" ]; then
    log "building the gateway with its sandbox processors (profile rehearsal) in $GATEWAY_BUILD"
    rm -rf "$GATEWAY_BUILD"
    mkdir -p "$GATEWAY_BUILD/voyager-gateway"
    cp -r "$ROOT/pom.xml" "$ROOT/mvnw" "$ROOT/.mvn" "$GATEWAY_BUILD/"
    cp -r "$ROOT/voyager-gateway/pom.xml" "$ROOT/voyager-gateway/src" "$GATEWAY_BUILD/voyager-gateway/"
    rm -rf "$GATEWAY_BUILD/voyager-gateway/src/test"
    (cd "$GATEWAY_BUILD" && { ./mvnw -B -q -o -f voyager-gateway/pom.xml package -DskipTests -Dquarkus.profile=rehearsal \
      || ./mvnw -B -q -f voyager-gateway/pom.xml package -DskipTests -Dquarkus.profile=rehearsal; })
    echo "$sources" >"$GATEWAY_BUILD/sources.sha256"
  fi
  if newer_than "$CONTROLLER" "$REHEARSAL/go/src" "$ROOT/rollout-metric-plugin/src/test/go/src/voyager/argo"; then
    log "building the controller imitation (Go, GOPATH mode)"
    mkdir -p "$REHEARSAL/target"
    (cd "$REHEARSAL" && GO111MODULE=off GOFLAGS='' \
      GOPATH="$REHEARSAL/go:$ROOT/rollout-metric-plugin/src/test/go:/usr/share/gocode" \
      GOCACHE="${GOCACHE:-$REHEARSAL/target/go-cache}" \
      go build -o "$CONTROLLER" voyager/rehearsalcontroller)
  fi
}

cleanup() {
  local code=$?
  for pgid in "${PGIDS[@]}"; do
    kill -TERM -- "-$pgid" 2>/dev/null || true
  done
  sleep 1
  for pgid in "${PGIDS[@]}"; do
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then
    log "kept $WORK"
  elif [ -n "${WORK:-}" ]; then
    rm -rf "$WORK"
  fi
  exit "$code"
}

# spawn NAME LOGFILE CMD...: starts CMD as the leader of a new process group; sets SPAWNED to its pid.
spawn() {
  local name=$1 logfile=$2; shift 2
  setsid "$@" >"$logfile" 2>&1 < /dev/null &
  SPAWNED=$!
  PGIDS+=("$SPAWNED")
  echo "$SPAWNED" >"$WORK/$name.pid"
}

stop() { # stop NAME: ends the process group started under NAME
  local pid
  pid=$(cat "$WORK/$1.pid" 2>/dev/null) || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free loopback port found"
}

# start_gateway NAME DIR "EXTRA -D OPTIONS": the sandbox-enabled gateway on a free loopback port.
start_gateway() {
  local name=$1 dir=$2 extra=$3 version=1.0.0 jvm
  mkdir -p "$dir"
  case "$name" in canary*) version=1.1.0-canary ;; esac
  if [ "${AS_DEPLOYED:-0}" = 1 ]; then
    # As a pod of the generated Deployment runs it: the image's entry point (Dockerfile.jvm: -XX:MaxRAMPercentage=75.0,
    # the JBoss log manager) in a container of 1 GiB and 2 CPUs (MaxRAM and ActiveProcessorCount say the same
    # outside one; below 1,792 MB the JVM's ergonomics pick the serial collector there), tiered compilation as
    # shipped, and the processors' own 350 ms timeouts.
    jvm="-XX:MaxRAM=1g -XX:MaxRAMPercentage=75.0 -XX:+UseSerialGC -XX:ActiveProcessorCount=2"
    jvm="$jvm -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
  else
    # C1 only (TieredStopAtLevel=1): every instance reaches its final code within the warm-up, so canary and stable
    # are compared at the same compilation level instead of by how long each JVM has been running. Processor
    # timeouts of 1 s instead of 350 ms: on two busy cores a scheduling delay must not become a timeout and a
    # breaker trip on every instance; the scenarios' faults (403s, HTTP 500s, +120 ms) are far from it.
    jvm="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
    jvm="$jvm -Dvoyager.processors.stripe.timeout-ms=1000 -Dvoyager.processors.adyen.timeout-ms=1000"
    jvm="$jvm -Dvoyager.processors.mercadopago.timeout-ms=1000"
  fi
  # shellcheck disable=SC2086
  spawn "$name" "$dir/gateway.log" java $jvm \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -Dvoyager.version="$version" \
    -Dvoyager.processors.stripe.api-key=sk_test_voyager_sandbox \
    -Dvoyager.processors.adyen.api-key=AQE_voyager_sandbox_key \
    -Dvoyager.processors.adyen.merchant-account=VoyagerSandboxECOM \
    -Dvoyager.processors.mercadopago.api-key=TEST-voyager-sandbox-token \
    $extra -jar "$GATEWAY_JAR"
  echo "$dir/gateway.log" >"$WORK/$name.log-path"
}

# wait_gateway NAME: waits until the gateway is ready (its own warm-up done, as a pod's readiness probe waits) and
# records its port in $WORK/NAME.port. Traffic goes only to ready gateways, as a Service sends it only to ready pods.
wait_gateway() {
  local name=$1 logfile port
  logfile=$(cat "$WORK/$name.log-path")
  for _ in $(seq 1 600); do
    port=$(grep -o 'Listening on: http://127.0.0.1:[0-9]*' "$logfile" 2>/dev/null | head -1 | sed 's/.*://' || true)
    if [ -n "$port" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
      echo "$port" >"$WORK/$name.port"
      log "$name ready on 127.0.0.1:$port"
      return
    fi
    kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null || { tail -20 "$logfile" >&2; die "$name exited during start"; }
    sleep 0.1
  done
  tail -20 "$logfile" >&2
  die "$name was not ready within 60 s"
}

render_manifests() {
  local out=$1
  mkdir -p "$out"
  java -cp "$TOOLS_CP" io.voyager.rehearsal.ManifestJson \
    "$ROOT/src-deploy/base/rollout.yaml" "$out/rollout.json" \
    "$ROOT/src-deploy/base/analysis-template-canary-vs-stable.yaml" "$out/canary-vs-stable.json" \
    "$ROOT/src-deploy/base/analysis-template-slo-guardrails.yaml" "$out/slo-guardrails.json"
}

# prometheus_config FILE CANARY_HASH: scrape every 5 s; each instance gets its rollouts_pod_template_hash
# through relabelling, as podTargetLabels gives it in the cluster; the recording rules and alerts are loaded.
prometheus_config() {
  local file=$1 canary_hash=$2 s1 s2 c
  s1=$(cat "$WORK/stable-1.port"); s2=$(cat "$WORK/stable-2.port"); c=$(cat "$WORK/canary.port")
  cat >"$file" <<EOF
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - $ROOT/observability/prometheus/voyager-recording-rules.yml
  - $ROOT/observability/prometheus/voyager-alerts.yml
scrape_configs:
  - job_name: voyager-gateway
    metrics_path: /q/metrics
    scrape_interval: 5s
    scrape_timeout: 4s
    static_configs:
      - targets: ['127.0.0.1:$s1', '127.0.0.1:$s2', '127.0.0.1:$c']
        labels:
          namespace: voyager
    relabel_configs:
      - source_labels: [__address__]
        regex: '127\\.0\\.0\\.1:($s1|$s2)'
        target_label: rollouts_pod_template_hash
        replacement: '$STABLE_HASH'
      - source_labels: [__address__]
        regex: '127\\.0\\.0\\.1:$c'
        target_label: rollouts_pod_template_hash
        replacement: '$canary_hash'
      - source_labels: [rollouts_pod_template_hash, __address__]
        regex: '([^;]+);127\\.0\\.0\\.1:([0-9]+)'
        target_label: pod
        replacement: 'voyager-gateway-\$1-\$2'
EOF
}

start_prometheus() {
  local dir=$1 port
  port=$(free_port)
  spawn prometheus "$dir/prometheus.log" prometheus --config.file="$dir/prometheus.yml" \
    --storage.tsdb.path="$dir/prometheus-data" --web.listen-address="127.0.0.1:$port" \
    --storage.tsdb.retention.time=1h
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then
      echo "$port" >"$WORK/prometheus.port"
      log "prometheus ready on 127.0.0.1:$port"
      return
    fi
    sleep 0.1
  done
  tail -20 "$dir/prometheus.log" >&2
  die "prometheus did not become ready"
}

# wait_for_first_scrape: the rollout starts once Prometheus has scraped all three instances, so the canary's
# counters have a sample from before its first request and every canary request shows in increase().
wait_for_first_scrape() {
  local port
  port=$(cat "$WORK/prometheus.port")
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/api/v1/query" --data-urlencode 'query=count(up{job="voyager-gateway"} == 1) == 3' \
        | grep -q '"value"'; then
      return
    fi
    sleep 0.5
  done
  die "prometheus has not scraped the three gateways after 30 s"
}

# warm_up LOG URL...: a gentle start (a cold JVM times out and trips its breakers under full load), then the
# per-instance rate of the rehearsal, for $WARMUP each.
warm_up() {
  local logfile=$1 targets=() per_instance=$((RATE / 2)); shift
  for url in "$@"; do targets+=(--target "$url"); done
  if ! java -Xmx128m -jar "$DRIVER_JAR" --rate $((20 * $#)) --duration "$WARMUP" --seed 7 "${targets[@]}" >"$logfile" 2>&1 \
    || ! java -Xmx128m -jar "$DRIVER_JAR" --rate $((per_instance * $#)) --duration "$WARMUP" --seed 8 "${targets[@]}" \
      >>"$logfile" 2>&1; then
    log "warm-up load failed (see $logfile)"
  fi
}

# A 1 pp difference needs thousands of canary requests: at 600 req/s the 5% and 10% stages compressed 10x hold
# about 2,000 in quick mode, so subtle-errors compresses its pauses only 5x (about 3,000 by the end of 10%).
pause_factor() {
  if [ "$1" = subtle-errors ]; then echo 5; else echo "$PAUSE_FACTOR"; fi
}

canary_options() {
  case "$1" in
    good|prometheus-down) echo "" ;;
    config-error) echo "-Dvoyager.processors.adyen.merchant-account=WrongECOM" ;;
    subtle-errors) echo "-Dvoyager.sandbox.faults.stripe.error-rate=0.01 -Dvoyager.sandbox.faults.adyen.error-rate=0.01 -Dvoyager.sandbox.faults.mercadopago.error-rate=0.01" ;;
    slow) echo "-Dvoyager.sandbox.faults.stripe.latency-ms=120 -Dvoyager.sandbox.faults.adyen.latency-ms=120 -Dvoyager.sandbox.faults.mercadopago.latency-ms=120" ;;
  esac
}

# kill_prometheus_at_weight DIR WEIGHT: in the background, stops Prometheus once the canary weight reaches WEIGHT.
kill_prometheus_at_weight() {
  local dir=$1 weight=$2
  (
    for _ in $(seq 1 6000); do
      w=$(awk '{print $3 / 2}' "$dir/weights" 2>/dev/null || echo 0)
      if [ "${w%.*}" -ge "$weight" ] 2>/dev/null; then
        stop prometheus
        echo "prometheus stopped at $(date -u +%H:%M:%S) with the canary at ${w%.*}%" >"$dir/prometheus-stopped"
        exit 0
      fi
      sleep 0.2
    done
  ) &
  WATCHER=$!
}

run_scenario() {
  local scenario=$1 canary_hash=$2 dir="$WORK/$1" s1 s2 c status=0
  mkdir -p "$dir"
  echo
  log "=== scenario $scenario (canary hash $canary_hash) ==="
  start_gateway canary "$dir/canary" "$(canary_options "$scenario")"
  wait_gateway canary
  c=$(cat "$WORK/canary.port")
  if [ "${AS_DEPLOYED:-0}" != 1 ]; then
    # A new JVM answers its first requests slower than a warm one (class loading, JIT). The canary gets the warm-up
    # the stable instances already had, before Prometheus starts: scraping begins after it, so its requests never
    # appear in any rate or increase the analyses read. As deployed, only the gateway's own warm-up before readiness.
    warm_up "$dir/warmup.log" "http://127.0.0.1:$c"
  fi
  prometheus_config "$dir/prometheus.yml" "$canary_hash"
  start_prometheus "$dir"
  s1=$(cat "$WORK/stable-1.port"); s2=$(cat "$WORK/stable-2.port")
  echo "100 100 0" >"$dir/weights"
  spawn driver "$dir/driver.log" java -Xmx256m -jar "$DRIVER_JAR" --rate "$RATE" --duration 30m --seed 42 \
    --connections 256 --timeout 5s \
    --target "http://127.0.0.1:$s1=100" --target "http://127.0.0.1:$s2=100" --target "http://127.0.0.1:$c=0" \
    --weights-file "$dir/weights" --timeline "$dir/driver-timeline.csv" --timeline-interval 1s
  # The controller launches and warms the plugin while Prometheus takes its first scrapes; the rollout starts
  # when the start file appears.
  spawn controller "$dir/timeline.txt" "$CONTROLLER" -plugin "$PLUGIN" \
    -rollout "$WORK/manifests/rollout.json" \
    -templates "$WORK/manifests/canary-vs-stable.json,$WORK/manifests/slo-guardrails.json" \
    -prometheus "http://127.0.0.1:$(cat "$WORK/prometheus.port")" \
    -canary-hash "$canary_hash" -stable-hash "$STABLE_HASH" \
    -pause-factor "$(pause_factor "$scenario")" -interval-scale "$INTERVAL_SCALE" \
    -weights-file "$dir/weights" -stable-targets 2 \
    -timeline "$dir/timeline.jsonl" -result "$dir/result.json" -deadline "$DEADLINE" -start-file "$dir/start"
  local controller=$SPAWNED
  wait_for_first_scrape
  if [ "$scenario" = prometheus-down ]; then
    kill_prometheus_at_weight "$dir" 10
  fi
  log "rollout starts"
  touch "$dir/start"
  # tail in the background and wait on the controller, so a TERM to this script runs the cleanup at once.
  tail -n +1 --pid="$controller" -f "$dir/timeline.txt" &
  local tail_pid=$!
  wait "$controller" || status=$?
  wait "$tail_pid" 2>/dev/null || true
  sleep 2 # the driver writes the last seconds after the rollback
  [ -n "${WATCHER:-}" ] && { kill "$WATCHER" 2>/dev/null || true; WATCHER=; }
  stop driver
  stop prometheus
  stop canary
  [ -f "$dir/prometheus-stopped" ] && log "$(cat "$dir/prometheus-stopped")"
  if [ "$status" != 0 ] || [ ! -f "$dir/result.json" ]; then
    log "controller failed (exit $status)"
    echo "controller failed" >"$dir/headline"
    return 1
  fi
  mkdir -p "$CHART_DIR" "$REHEARSAL/target/timelines"
  cp "$dir/timeline.txt" "$REHEARSAL/target/timelines/$scenario.txt"
  cp "$dir/result.json" "$REHEARSAL/target/timelines/$scenario.json"
  java -Djava.awt.headless=true -cp "$TOOLS_CP" io.voyager.rehearsal.RehearsalChart \
    "Canary rehearsal: $scenario" "$dir/driver-timeline.csv" "$dir/timeline.jsonl" "$CHART_DIR/rehearsal-$scenario.png" \
    || log "chart for $scenario failed"
  log "checks for $scenario:"
  java -cp "$TOOLS_CP" io.voyager.rehearsal.ScenarioCheck "$scenario" "$dir/result.json" | tee "$dir/check.txt" >&2 \
    || true
  grep '^HEADLINE ' "$dir/check.txt" | sed 's/^HEADLINE //' >"$dir/headline"
  ! grep -q '^  FAIL' "$dir/check.txt"
}
