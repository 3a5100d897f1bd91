#!/usr/bin/env bash
# Runs every test in the repository: provisions missing tools, then the Maven
# build with all unit and integration tests, then the Node-based checks of the
# non-Java parts (Terraform, manifests, workflows, load scripts), then the
# native build steps up to the native-image sources.
set -euo pipefail
cd "$(dirname "$0")"

scripts/provision.sh

./mvnw -B verify "$@"

while IFS= read -r pkg; do
  dir=$(dirname "$pkg")
  [[ "$dir" == src-deploy/tests ]] && continue # run inside the Maven build (src-deploy/pom.xml)
  echo "== node tests: $dir"
  (cd "$dir" && npm test --silent)
done < <(git ls-files -- '*/tests/package.json' '*tests/package.json' | sort -u)

# No GraalVM here: prove the native build steps up to the generated native-image sources.
echo "== native build steps (sources only)"
./mvnw -B -q package -DskipTests -pl voyager-gateway,rollout-metric-plugin -am \
  -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true
