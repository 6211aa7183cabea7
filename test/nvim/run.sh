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

. "$ROOT/test/helpers/editorWorkspaces.sh"
make_workspaces nvim
trap 'rm -rf "$WS" "$BIN" "$REPO_WS"' EXIT

# The README's Neovim set-up snippet is what this test runs, with counterpoint-ls on the PATH as `npm install -g .`
# would put it.
SNIPPET="$BIN/setup.lua"
readme_snippet nvim-setup lua "$SNIPPET" || { echo "test/nvim: error: no lua block after <!-- nvim-setup --> in README.md" >&2; exit 1; }
ln -s "$SERVER" "$BIN/counterpoint-ls"
export PATH="$BIN:$PATH"

# One run per layout; the last line sums them up for scripts/test-all.mjs.
passed=0; failed=0; status=0
run_case() { # name, workspace (the notes' root, which the snippet must find from the note)
  local name="$1" ws="$2" log rc start ms
  log="$(mktemp)"
  echo "test/nvim: case $name"
  start=$(date +%s%N)
  set +e
  COUNTERPOINT_SETUP="$SNIPPET" COUNTERPOINT_WORKSPACE="$ws" COUNTERPOINT_ARTICLE="${COUNTERPOINT_ARTICLE:-articles/ccd-kazakhstan-new-course.md}" \
    timeout "${COUNTERPOINT_NVIM_HARD_TIMEOUT:-120}" \
    nvim --headless --clean -u NONE -i NONE -n -c "luafile $ROOT/test/nvim/lsp_e2e.lua" </dev/null | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$rc" -eq 124 ]; then echo "test/nvim: error: timed out after ${COUNTERPOINT_NVIM_HARD_TIMEOUT:-120} s" >&2; fi
  echo "test/nvim: $name: exit code $rc in ${ms} ms"
  local counts
  counts="$(grep -Eo '^nvim: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
  if [ -n "$counts" ]; then
    passed=$((passed + $(echo "$counts" | awk '{print $2}')))
    failed=$((failed + $(echo "$counts" | awk '{print $4}')))
  elif [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
  fi
  [ "$rc" -eq 0 ] || status=1
  rm -f "$log"
}
run_case "notes at the root" "$WS"
run_case "notes in research/kazakhstan/" "$REPO_WS/research/kazakhstan"
echo "test/nvim: $passed passed, $failed failed"
exit "$status"
