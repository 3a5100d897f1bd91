#!/usr/bin/env bash
# Assembles the release of the Argo Rollouts plugin voyager/canary-judge, the same
# way on a laptop (--dry-run) and in .github/workflows/release.yml:
#
#   <out>/voyager-canary-judge-jvm           JVM launcher: a #!/bin/sh stub with the uber-jar appended
#   <out>/voyager-canary-judge-linux-amd64   static native binaries, when --native-dir holds them
#   <out>/voyager-canary-judge-linux-arm64
#   <out>/<asset>.sha256                     one per asset, in `sha256sum --check` format
#   <out>/sbom.cdx.json                      CycloneDX SBOM of every module
#   <out>/argo-rollouts-config-entry.yaml    the metricProviderPlugins entry pointing at this release
#
# The entry points at the linux-amd64 binary, which Argo's stock (distroless) controller
# image can run. A dry run without native binaries points it at the JVM launcher instead
# and says so. --write-config copies location and sha256 into the argo-rollouts-config
# ConfigMap; release.yml does that on a branch and opens a pull request.
set -euo pipefail
cd "$(dirname "$0")"

readonly PLUGIN_NAME="voyager/canary-judge"
readonly ASSET_PREFIX="voyager-canary-judge"
readonly LAUNCHER="rollout-metric-plugin/target/voyager-canary-judge"
readonly ENTRY_FILE="argo-rollouts-config-entry.yaml"

usage() {
  cat <<'EOF'
Usage: ./release.sh --dry-run [options]
       ./release.sh --tag vX.Y.Z --native-dir DIR [options]

  --dry-run            build and assemble locally; the tag defaults to v<project version>
                       and native binaries are optional
  --tag TAG            release tag the asset URLs point at (required without --dry-run)
  --repo OWNER/NAME    GitHub repository of the release (default: $GITHUB_REPOSITORY,
                       else voyager-payments/voyager)
  --native-dir DIR     folder with voyager-canary-judge-linux-{amd64,arm64}
  --out DIR            output folder (default: target/release)
  --skip-build         do not run Maven; use the launcher already built (or already in --out)
  --skip-sbom          do not generate the SBOM
  --write-config FILE  set location and sha256 of the voyager/canary-judge entry in FILE
                       (src-deploy/argo-rollouts/argo-rollouts-config.yaml)
EOF
}

fail() {
  echo "release.sh: $*" >&2
  exit 1
}

dry_run=false tag="" repo="${GITHUB_REPOSITORY:-voyager-payments/voyager}" native_dir=""
out="target/release" skip_build=false skip_sbom=false config_file=""
while (($#)); do
  case "$1" in
    --dry-run) dry_run=true ;;
    --tag) tag="${2:?--tag needs a value}"; shift ;;
    --repo) repo="${2:?--repo needs a value}"; shift ;;
    --native-dir) native_dir="${2:?--native-dir needs a value}"; shift ;;
    --out) out="${2:?--out needs a value}"; shift ;;
    --skip-build) skip_build=true ;;
    --skip-sbom) skip_sbom=true ;;
    --write-config) config_file="${2:?--write-config needs a value}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument: $1" ;;
  esac
  shift
done

project_version() {
  sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1
}

if [[ -z "$tag" ]]; then
  $dry_run || fail "--tag is required for a real release (or pass --dry-run)"
  tag="v$(project_version)"
fi
[[ "$tag" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([.-][0-9A-Za-z.-]+)?$ ]] || fail "tag '$tag' is not of the form vX.Y.Z"
[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || fail "repository '$repo' is not of the form owner/name"

mkdir -p "$out"

# 1. The JVM launcher: one executable file Argo can download by URL (or use via file://).
if ! $skip_build; then
  echo "release.sh: building the JVM launcher" >&2
  ./mvnw -B -q -pl rollout-metric-plugin -am package -DskipTests
fi
if [[ -f "$LAUNCHER" ]]; then
  install -m 0755 "$LAUNCHER" "$out/$ASSET_PREFIX-jvm"
elif [[ ! -f "$out/$ASSET_PREFIX-jvm" ]]; then
  fail "the JVM launcher $LAUNCHER does not exist; \`./mvnw -B -pl rollout-metric-plugin -am package -DskipTests\` must produce it"
fi
head -c 2 "$out/$ASSET_PREFIX-jvm" | grep -q '#!' || fail "$out/$ASSET_PREFIX-jvm does not start with a #! line"

# 2. Native binaries built by native.yml, one per architecture.
if [[ -n "$native_dir" ]]; then
  for arch in amd64 arm64; do
    binary="$native_dir/$ASSET_PREFIX-linux-$arch"
    if [[ -f "$binary" ]]; then
      install -m 0755 "$binary" "$out/$ASSET_PREFIX-linux-$arch"
    else
      echo "release.sh: no $binary; the release carries no linux/$arch native binary" >&2
    fi
  done
fi

# 3. One .sha256 per asset; `sha256sum --check` verifies it next to the download.
assets=()
for asset in "$ASSET_PREFIX-jvm" "$ASSET_PREFIX-linux-amd64" "$ASSET_PREFIX-linux-arm64"; do
  [[ -f "$out/$asset" ]] || continue
  (cd "$out" && sha256sum "$asset" > "$asset.sha256")
  assets+=("$asset")
done

# 4. The SBOM of every module (dependencies with versions, hashes and licences).
if ! $skip_sbom; then
  echo "release.sh: generating the CycloneDX SBOM" >&2
  ./mvnw -B -q org.cyclonedx:cyclonedx-maven-plugin:2.9.3:makeAggregateBom \
    -DoutputFormat=json -DoutputName=sbom.cdx -DincludeTestScope=false
  install -m 0644 target/sbom.cdx.json "$out/sbom.cdx.json"
fi

# 5. The argo-rollouts-config entry for this release.
entry_asset="$ASSET_PREFIX-linux-amd64"
if [[ ! -f "$out/$entry_asset" ]]; then
  $dry_run || fail "$out/$entry_asset is missing; a release needs the static linux/amd64 binary (--native-dir)"
  entry_asset="$ASSET_PREFIX-jvm"
  echo "release.sh: dry run without native binaries: the entry points at the JVM launcher," \
    "which needs a controller image with a JRE" >&2
fi
location="https://github.com/$repo/releases/download/$tag/$entry_asset"
sha256=$(cut -d ' ' -f 1 "$out/$entry_asset.sha256")
[[ "$sha256" =~ ^[0-9a-f]{64}$ ]] || fail "sha256 of $entry_asset is not 64 hex characters: '$sha256'"
cat > "$out/$ENTRY_FILE" <<EOF
# metricProviderPlugins entry for $PLUGIN_NAME $tag (rendered by release.sh)
- name: $PLUGIN_NAME
  location: $location
  sha256: $sha256
EOF

# 6. Optionally, point the argo-rollouts-config ConfigMap at this release.
if [[ -n "$config_file" ]]; then
  [[ -f "$config_file" ]] || fail "$config_file does not exist"
  .github/scripts/set-yaml-item.pl "$config_file" "$PLUGIN_NAME" "location=$location" "sha256=$sha256" \
    || fail "could not update $config_file"
  echo "release.sh: $config_file now points at $location" >&2
fi

listing=("${assets[@]}" "${assets[@]/%/.sha256}" "$ENTRY_FILE")
$skip_sbom || listing+=(sbom.cdx.json)
echo "release.sh: $out for $tag:" >&2
(cd "$out" && ls -l "${listing[@]}") >&2
