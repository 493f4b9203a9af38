#!/usr/bin/env bash
# The plugin packages as a user gets them: builds and packs each one, checks
# what the tarballs hold (scripts/check-packages.js), and fails when the
# public API changed without its API report (`yarn build:api-reports`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

packages=(
  @internal/plugin-release-common
  @internal/plugin-release
  @internal/plugin-release-backend
)
include=()
for name in "${packages[@]}"; do include+=(--include "$name"); done

pack_dir="$(mktemp -d)"
trap 'rm -rf "$pack_dir"' EXIT
started=$SECONDS
timed() {
  local phase_started=$SECONDS
  "$@"
  echo "--- $((SECONDS - phase_started)) s: $*"
}
# yarn pack lists every file it packs; keep that for when it fails.
quiet() { "$@" >"$pack_dir/output.log" 2>&1 || { cat "$pack_dir/output.log"; return 1; }; }

# Both the package builds and the API reports read the declarations tsc
# writes to dist-types/. Not incrementally: the order of the members of
# inferred types (zod enums) in those declarations depends on which files an
# incremental run re-emitted, and the reports must not.
timed yarn tsc --incremental false
timed yarn workspaces foreach --all --parallel "${include[@]}" run build
# prepack points main, types and exports at dist/; postpack restores them.
timed quiet yarn workspaces foreach --all --parallel "${include[@]}" \
  pack --out "$pack_dir/%s.tgz"
timed node scripts/check-packages.js "$pack_dir"
timed yarn build:api-reports:only --ci

echo "package checks took $((SECONDS - started)) s"
