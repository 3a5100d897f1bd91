#!/usr/bin/env bash
# Detection time per scenario, median of several rehearsals: rehearsal/bench.sh [--runs 3] [rehearse.sh options...]
# Prints, per scenario, the outcomes and the seconds from canary start to the deciding measurement (the promotion
# for good) of every run, and their median.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=3
case "${1:-}" in
  -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
esac
OUT="$ROOT/rehearsal/target/bench"
rm -rf "$OUT"
mkdir -p "$OUT"

for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS" >&2
  rm -rf "$ROOT/rehearsal/target/timelines"
  "$ROOT/rehearse.sh" "$@" >"$OUT/run-$run.log" 2>&1 || echo "run $run: some scenario did not end as expected" >&2
  mkdir -p "$OUT/run-$run"
  cp "$ROOT"/rehearsal/target/timelines/*.json "$OUT/run-$run/" 2>/dev/null || true
  grep -E '^(PASS|FAIL)  ' "$OUT/run-$run.log" >&2 || true
done

field() { grep -o "\"$2\": *\"\\{0,1\\}[^,\"]*" "$1" | head -1 | sed 's/.*: *"\{0,1\}//'; }

echo
printf '%-16s %-40s %s\n' scenario "outcomes (weight at decision)" "seconds from canary start: runs -> median"
for scenario in good config-error subtle-errors slow prometheus-down; do
  outcomes=() seconds=()
  for run in $(seq 1 "$RUNS"); do
    f="$OUT/run-$run/$scenario.json"
    [ -f "$f" ] || continue
    outcomes+=("$(field "$f" outcome)@$(field "$f" weightAtDecision)%")
    seconds+=("$(printf '%.1f' "$(field "$f" decisionSeconds)")")
  done
  [ ${#seconds[@]} -gt 0 ] || continue
  median=$(printf '%s\n' "${seconds[@]}" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
  printf '%-16s %-40s %s -> %s\n' "$scenario" "${outcomes[*]}" "${seconds[*]}" "$median"
done
