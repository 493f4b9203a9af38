#!/usr/bin/env bash
# The whole test suite: type-check, the packed packages and API reports, lint,
# jest on SQLite and PostgreSQL, and the browser journeys in Debian's Chromium.
# Installs what it needs first.
# Prints the wall time of each part and a final "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

export CI="${CI:-true}" # backstage-cli adds --watch without it
report_dir="$PWD/.data/test-report"
rm -rf "$report_dir" && mkdir -p "$report_dir"

step_names=()
step_results=()
step_seconds=()
run_step() {
  local name="$1"
  shift
  echo
  echo "==> $name"
  local started=$SECONDS
  "$@"
  local status=$?
  step_names+=("$name")
  step_seconds+=($((SECONDS - started)))
  step_results+=("$([ $status -eq 0 ] && echo ok || echo FAILED)")
  return $status
}

run_step "install dependencies" yarn install --immutable || exit 1
run_step "install chromium" bash scripts/ensure-chromium.sh || exit 1

postgres_url="$(bash scripts/ensure-postgres.sh)" || {
  echo "!!! PostgreSQL is required for the backend tests (see README)." >&2
  exit 1
}
# The server version is only a label for TestDatabases; the tests connect to
# whatever server the URL names.
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$postgres_url"
export RELEASE_TEST_REQUIRE_POSTGRES=1

run_step "type-check" yarn tsc
# Builds, packs and inspects the plugin packages; checks the API reports.
run_step "package checks" bash scripts/check-packages.sh
run_step "lint" yarn lint:all
run_step "unit and database tests (jest)" yarn test \
  --json --outputFile="$report_dir/jest.json"
run_step "browser tests (playwright)" yarn test:e2e
# The load script in a short form: it prints its table and fails on any 5xx.
run_step "load test (short)" env LOAD_RELEASES=20000 LOAD_SECONDS=5 \
  LOAD_CONCURRENCY=10,20 LOAD_POSTGRES_URL="$postgres_url" yarn bench:load

echo
echo "==> Summary"
for i in "${!step_names[@]}"; do
  printf '  %-34s %-7s %4ss\n' "${step_names[$i]}" "${step_results[$i]}" "${step_seconds[$i]}"
done
node scripts/count-tests.js "$report_dir/jest.json" e2e-test-report/results.json

for result in "${step_results[@]}"; do
  [ "$result" = ok ] || exit 1
done
