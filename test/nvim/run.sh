#!/usr/bin/env bash
# Neovim headless end-to-end test of the Counterpoint language server.
#   bash test/nvim/run.sh
# Installs neovim (Debian's 0.7.2) if missing, copies samples/ to a temp
# workspace and runs test/nvim/lsp_e2e.lua against the built server
# (bin/counterpoint-ls.js, else dist/server.js: run `npm run build` first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v nvim >/dev/null 2>&1; then
  echo "test/nvim: installing neovim" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq neovim; } >"$log" 2>&1 \
    || { cat "$log" >&2; echo "test/nvim: error: apt-get install neovim failed" >&2; exit 1; }
  rm -f "$log"
fi

if [ ! -f "$ROOT/dist/server.js" ]; then
  echo "test/nvim: error: $ROOT/dist/server.js is missing: run npm run build first" >&2
  exit 1
fi
if [ -f "$ROOT/bin/counterpoint-ls.js" ]; then SERVER="$ROOT/bin/counterpoint-ls.js"; else SERVER="$ROOT/dist/server.js"; fi

WS="$(mktemp -d "${TMPDIR:-/tmp}/counterpoint-nvim-XXXXXX")"
BIN="$(mktemp -d "${TMPDIR:-/tmp}/counterpoint-nvim-bin-XXXXXX")"
trap 'rm -rf "$WS" "$BIN"' EXIT
cp -r "$ROOT/samples/." "$WS/"

# The README's Neovim set-up snippet is what this test runs: take the lua block after its marker,
# and put counterpoint-ls on the PATH as `npm install -g .` would.
SNIPPET="$BIN/setup.lua"
awk '/<!-- nvim-setup -->/ { found = 1; next } found && /^```lua/ { inside = 1; next } inside && /^```/ { exit } inside { print }' \
  "$ROOT/README.md" >"$SNIPPET"
[ -s "$SNIPPET" ] || { echo "test/nvim: error: no lua block after <!-- nvim-setup --> in README.md" >&2; exit 1; }
ln -s "$SERVER" "$BIN/counterpoint-ls"
export PATH="$BIN:$PATH"

start=$(date +%s%N)
set +e
COUNTERPOINT_SETUP="$SNIPPET" COUNTERPOINT_WORKSPACE="$WS" \
  timeout "${COUNTERPOINT_NVIM_HARD_TIMEOUT:-120}" \
  nvim --headless --clean -u NONE -i NONE -n -c "luafile $ROOT/test/nvim/lsp_e2e.lua" </dev/null
rc=$?
set -e
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$rc" -eq 124 ]; then echo "test/nvim: error: timed out after ${COUNTERPOINT_NVIM_HARD_TIMEOUT:-120} s" >&2; fi
echo "test/nvim: exit code $rc in ${ms} ms"
exit "$rc"
