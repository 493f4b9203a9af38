#!/usr/bin/env bash
# Backend tests run on SQLite and PostgreSQL. Starts the local PostgreSQL cluster
# when it is installed but stopped, then prints the connection string to use.
# Set RELEASE_TEST_POSTGRES_URL to point the tests at another server.
set -euo pipefail
url="${RELEASE_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
if ! pg_isready -q -d "$url" 2>/dev/null && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    echo "Starting PostgreSQL $version" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  done
  for _ in $(seq 1 30); do pg_isready -q -d "$url" && break; sleep 1; done
fi
pg_isready -q -d "$url" || { echo "PostgreSQL is not reachable at $url" >&2; exit 1; }
echo "$url"
