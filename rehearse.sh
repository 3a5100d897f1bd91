#!/usr/bin/env bash
# The canary rehearsal: a real Prometheus, two stable gateways and one canary, the load driver splitting
# traffic by the canary weight, and the real plugin driven by a Go imitation of the Argo Rollouts controller
# that walks src-deploy's Rollout steps with its AnalysisTemplates. One scenario after another; exit 0 only if
# every scenario ended as it must.
#
#   ./rehearse.sh [--quick] [--as-deployed] [--scenario NAME]... [--plugin PATH] [--rate N] [--chart-dir DIR] [--keep]
#
# Scenarios: good, config-error, subtle-errors, slow, prometheus-down (all by default).
# Full: pauses compressed 10x (subtle-errors 5x), measurement interval 30 s as in the templates.
# --quick: the same pauses, measurement intervals (and Argo's 10 s error retry) divided by 3 (10 s).
# --as-deployed: every gateway runs as a pod of the generated Deployment runs (the image's JVM options, tiered
#   compilation, 350 ms processor timeouts) and the canary gets no warm-up traffic; charts go to
#   rehearsal/target/charts-as-deployed unless --chart-dir says otherwise.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=rehearsal/lib.sh
source "$ROOT/rehearsal/lib.sh"

QUICK=0
AS_DEPLOYED=0
SCENARIOS=()
DEFAULT_PLUGIN="$ROOT/rollout-metric-plugin/target/voyager-canary-judge"
PLUGIN=$DEFAULT_PLUGIN
RATE=600
KEEP=0
CHART_DIR=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --as-deployed) AS_DEPLOYED=1 ;;
    --scenario) SCENARIOS+=("${2:?--scenario needs a name}"); shift ;;
    --plugin) PLUGIN="${2:?--plugin needs a path}"; shift ;;
    --rate) RATE="${2:?--rate needs a number}"; shift ;;
    --keep) KEEP=1 ;;
    --chart-dir) CHART_DIR="${2:?--chart-dir needs a directory}"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "rehearse: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$CHART_DIR" ]; then
  if [ "$AS_DEPLOYED" = 1 ]; then CHART_DIR="$ROOT/rehearsal/target/charts-as-deployed"; else CHART_DIR="$ROOT/docs"; fi
fi
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(good config-error subtle-errors slow prometheus-down)
for s in "${SCENARIOS[@]}"; do
  case "$s" in good|config-error|subtle-errors|slow|prometheus-down) ;; *) echo "rehearse: unknown scenario $s" >&2; exit 2 ;; esac
done

if [ "$QUICK" = 1 ]; then
  PAUSE_FACTOR=10; INTERVAL_SCALE=3; DEADLINE=6m; WARMUP=3s
else
  PAUSE_FACTOR=10; INTERVAL_SCALE=1; DEADLINE=12m; WARMUP=5s
fi
# Stable pods have served for hours when a rollout starts: as deployed, the two stable JVMs serve 15 s first.
[ "$AS_DEPLOYED" = 1 ] && WARMUP=15s

require_tools
build_missing

WORK=$(mktemp -d "${TMPDIR:-/tmp}/voyager-rehearsal.XXXXXX")
trap cleanup EXIT
trap 'exit 130' INT TERM
log "work directory $WORK; load $RATE req/s; pauses /$PAUSE_FACTOR; measurement intervals /$INTERVAL_SCALE$(
  [ "$AS_DEPLOYED" = 1 ] && echo '; gateways as deployed')"

render_manifests "$WORK/manifests"
STABLE_HASH=5b6f4a9c7d
start_gateway stable-1 "$WORK/stable-1" ""
start_gateway stable-2 "$WORK/stable-2" ""
wait_gateway stable-1
wait_gateway stable-2
log "warming up the stable instances"
warm_up "$WORK/stable-warmup.log" "http://127.0.0.1:$(cat "$WORK/stable-1.port")" "http://127.0.0.1:$(cat "$WORK/stable-2.port")"

FAILED=()
SUMMARY=()
n=0
for scenario in "${SCENARIOS[@]}"; do
  n=$((n + 1))
  if run_scenario "$scenario" "8c4d7e6f$n"; then
    SUMMARY+=("PASS  $scenario: $(cat "$WORK/$scenario/headline")")
  else
    FAILED+=("$scenario")
    SUMMARY+=("FAIL  $scenario: $(cat "$WORK/$scenario/headline" 2>/dev/null || echo 'did not finish')")
  fi
done

echo
echo "== Canary rehearsal ($([ "$QUICK" = 1 ] && echo quick || echo full)$([ "$AS_DEPLOYED" = 1 ] && echo ', as deployed')): ${#SCENARIOS[@]} scenario(s), ${#FAILED[@]} failed"
printf '%s\n' "${SUMMARY[@]}"
[ ${#FAILED[@]} -eq 0 ]
