#!/usr/bin/env bash
# Refreshes the generated manifests committed in src-deploy/base/generated/, so GitOps tools can apply the
# overlays straight from git:
#   kubernetes.yml       the gateway's ServiceAccount, Service and Deployment, as quarkus-kubernetes generates
#                        them from voyager-gateway's application.properties and src/main/kubernetes/*.yml
#   prometheus-rule.yaml the PrometheusRule built from observability/prometheus/*.yml
# Usage: src-deploy/generate.sh            (uses voyager-gateway/target/kubernetes/kubernetes.yml as built)
#        src-deploy/generate.sh --build    (packages voyager-gateway first)
# src-deploy/tests (npm test) fails when a committed copy differs from a fresh generation.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--build" ]]; then
  ./mvnw -B -q -pl voyager-gateway package -DskipTests
fi
generated=voyager-gateway/target/kubernetes/kubernetes.yml
if [[ ! -f "$generated" ]]; then
  echo "generate.sh: $generated is missing; run with --build (or ./mvnw -pl voyager-gateway package)" >&2
  exit 1
fi
cp "$generated" src-deploy/base/generated/kubernetes.yml

if [[ ! -d src-deploy/tests/node_modules ]]; then
  (cd src-deploy/tests && npm ci --no-audit --no-fund --loglevel=error)
fi
node src-deploy/tests/lib/prometheus-rule.mjs > src-deploy/base/generated/prometheus-rule.yaml
echo "generate.sh: refreshed src-deploy/base/generated/{kubernetes.yml,prometheus-rule.yaml}"
