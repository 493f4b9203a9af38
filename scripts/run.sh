#!/usr/bin/env bash
# Runs a command with the project's toolchain, e.g. `scripts/run.sh yarn start`.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
exec "$@"
