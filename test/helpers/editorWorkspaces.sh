# Sourced by the editor suites (test/nvim/run.sh, test/emacs/run.sh), with ROOT set to the repository.

# make_workspaces EDITOR: sets BIN (a folder for the PATH), WS (the samples as the opened folder) and REPO_WS (a
# repository with a README whose notes live in research/kazakhstan/, with their own counterpoint.yaml, as users keep them).
make_workspaces() {
  BIN="$(mktemp -d "${TMPDIR:-/tmp}/counterpoint-$1-bin-XXXXXX")"
  WS="$(mktemp -d "${TMPDIR:-/tmp}/counterpoint-$1-XXXXXX")"
  REPO_WS="$(mktemp -d "${TMPDIR:-/tmp}/counterpoint-$1-repo-XXXXXX")"
  cp -r "$ROOT/samples/." "$WS/"
  mkdir -p "$REPO_WS/research/kazakhstan"
  cp -r "$ROOT/samples/." "$REPO_WS/research/kazakhstan/"
  printf '# Research\n\nNotes on [[tokayev]] live in research/.\n' >"$REPO_WS/README.md"
}

# readme_snippet MARKER LANGUAGE FILE: writes the README's fenced LANGUAGE block after `<!-- MARKER -->` to FILE, so that
# the suite runs exactly what users copy; fails when there is none.
readme_snippet() {
  awk -v marker="<!-- $1 -->" -v fence="\`\`\`$2" '
    index($0, marker) { found = 1; next }
    found && index($0, fence) == 1 { inside = 1; next }
    inside && /^```/ { exit }
    inside { print }' "$ROOT/README.md" >"$3"
  [ -s "$3" ]
}
