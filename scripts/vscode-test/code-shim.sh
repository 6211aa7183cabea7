#!/usr/bin/env bash
# Stand-in for a VS Code executable, given to @vscode/test-electron's runTests()
# as vscodeExecutablePath. It hands the arguments (--extensionDevelopmentPath=,
# --extensionTestsPath=, the folder) to the code-server + headless Chromium driver.
exec node "$(dirname "${BASH_SOURCE[0]}")/driver.mjs" "$@"
