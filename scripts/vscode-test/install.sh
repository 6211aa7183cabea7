#!/usr/bin/env bash
# Installs what the real-VS-Code test suite needs: Debian packages (libkrb5-dev,
# ripgrep, chromium) and code-server into .vscode-test/code-server/.
# Idempotent and cached: a marker file records the installed version, and
# each step is skipped when it is already done. Quiet on success.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
RIPGREP_CACHE_VERSION="1.15.11"
RIPGREP_TARBALL="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/.vscode-test/code-server"
MARKER="$DEST/.installed-version"
LOG="$ROOT/.vscode-test/install.log"

die() { echo "vscode-test/install.sh: error: $*" >&2; exit 1; }

mkdir -p "$ROOT/.vscode-test"

# ---- Debian packages -------------------------------------------------------
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "vscode-test: installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >>"$LOG" 2>&1 || die "apt-get update failed (see $LOG)"
  $SUDO apt-get install -y -qq "${missing[@]}" >>"$LOG" 2>&1 \
    || die "apt-get install ${missing[*]} failed (see $LOG)"
fi

# ---- code-server -----------------------------------------------------------
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$CODE_SERVER_VERSION" ] \
   && [ -x "$DEST/node_modules/.bin/code-server" ]; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || die "npm not found"
command -v rg >/dev/null 2>&1 || die "rg (ripgrep) not found after apt install"

echo "vscode-test: installing code-server@$CODE_SERVER_VERSION into $DEST (1-2 minutes)" >&2

# @vscode/ripgrep's postinstall downloads a binary from the internet; give it
# Debian's rg through its download cache instead.
cache_dir="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
if [ ! -s "$cache_dir/$RIPGREP_TARBALL" ]; then
  mkdir -p "$cache_dir"
  tmp="$(mktemp -d)"
  cp "$(command -v rg)" "$tmp/rg"
  tar -czf "$cache_dir/$RIPGREP_TARBALL" -C "$tmp" rg
  rm -rf "$tmp"
fi

rm -rf "$DEST"
mkdir -p "$DEST"
cat > "$DEST/package.json" <<JSON
{ "name": "counterpoint-vscode-test-code-server", "private": true, "version": "0.0.0" }
JSON

(
  cd "$DEST"
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr
  npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >>"$LOG" 2>&1
) || die "npm install code-server@$CODE_SERVER_VERSION failed (see $LOG)"

[ -x "$DEST/node_modules/.bin/code-server" ] || die "code-server binary missing after install (see $LOG)"
echo "$CODE_SERVER_VERSION" > "$MARKER"
echo "vscode-test: code-server@$CODE_SERVER_VERSION installed" >&2
