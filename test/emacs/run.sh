#!/usr/bin/env bash
# Emacs (eglot) headless end-to-end test of the Counterpoint language server.
#   bash test/emacs/run.sh
# Installs Emacs and eglot (Debian's emacs-nox and elpa-eglot) if missing, and runs test/emacs/eglot_e2e.el with the
# README's Emacs snippet against the built server, on two workspaces that are not version control repositories:
# the samples as the opened folder, and the samples in a repository's research/kazakhstan/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v emacs >/dev/null 2>&1 || [ ! -d /usr/share/emacs/site-lisp/elpa ] || ! ls /usr/share/emacs/site-lisp/elpa | grep -q '^eglot'; then
  echo "test/emacs: installing emacs-nox and elpa-eglot" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq emacs-nox elpa-eglot; } >"$log" 2>&1 \
    || { cat "$log" >&2; echo "test/emacs: error: apt-get install emacs-nox elpa-eglot failed" >&2; exit 1; }
  rm -f "$log"
fi
if [ ! -f "$ROOT/dist/server.js" ]; then
  echo "test/emacs: error: $ROOT/dist/server.js is missing: run npm run build first" >&2
  exit 1
fi
if [ -f "$ROOT/bin/counterpoint-ls.js" ]; then SERVER="$ROOT/bin/counterpoint-ls.js"; else SERVER="$ROOT/dist/server.js"; fi
SERVER="${COUNTERPOINT_SERVER:-$SERVER}"

. "$ROOT/test/helpers/editorWorkspaces.sh"
make_workspaces emacs
trap 'rm -rf "$BIN" "$WS" "$REPO_WS"' EXIT

# The README's Emacs snippet is what this test runs.
SNIPPET="$BIN/setup.el"
readme_snippet emacs-setup elisp "$SNIPPET" || { echo "test/emacs: error: no elisp block after <!-- emacs-setup --> in README.md" >&2; exit 1; }
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$(command -v node)" "$SERVER" >"$BIN/counterpoint-ls"
chmod +x "$BIN/counterpoint-ls"
export PATH="$BIN:$PATH"

passed=0; failed=0; status=0
run_case() { # name, article
  local name="$1" article="$2" log rc start ms counts
  log="$(mktemp)"
  echo "test/emacs: case $name"
  start=$(date +%s%N)
  set +e
  (cd "$(dirname "$article")" && COUNTERPOINT_SETUP="$SNIPPET" COUNTERPOINT_ARTICLE="$article" HOME="$BIN" \
    timeout "${COUNTERPOINT_EMACS_HARD_TIMEOUT:-120}" emacs --batch -Q -l "$ROOT/test/emacs/eglot_e2e.el" </dev/null 2>"$log.err") | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$rc" -ne 0 ]; then tail -20 "$log.err" >&2; fi
  echo "test/emacs: $name: exit code $rc in ${ms} ms"
  counts="$(grep -Eo '^emacs: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
  if [ -n "$counts" ]; then
    passed=$((passed + $(echo "$counts" | awk '{print $2}')))
    failed=$((failed + $(echo "$counts" | awk '{print $4}')))
  elif [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
  fi
  [ "$rc" -eq 0 ] || status=1
  rm -f "$log" "$log.err"
}
run_case "notes at the root" "$WS/articles/ccd-kazakhstan-new-course.md"
run_case "notes in research/kazakhstan/" "$REPO_WS/research/kazakhstan/articles/ccd-kazakhstan-new-course.md"
echo "test/emacs: $passed passed, $failed failed"
exit "$status"
