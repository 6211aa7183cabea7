#!/usr/bin/env node
// Runs the real-VS-Code test suite (test/vscode/suite) in code-server.
//   node scripts/vscode-test/run.mjs
// Steps: install.sh (cached), compile test/vscode with tsc, copy samples/ to a
// fresh temp workspace, then @vscode/test-electron's runTests() with
// code-shim.sh as the "VS Code executable".
// Env: COUNTERPOINT_VSCODE_TEST_TIMEOUT_MS (default 300000),
//      COUNTERPOINT_VSCODE_TEST_VERBOSE=1 (all workbench console + code-server log),
//      COUNTERPOINT_VSCODE_TEST_GREP=<regex> (mocha grep),
//      COUNTERPOINT_SCREENSHOT_OUT_DIR (default <repo>/docs).
// The extension itself (dist/extension.js, dist/server.js) must be built first: npm run build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const started = Date.now();

function step(cmd, args, what) {
  try {
    execFileSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  } catch (e) {
    console.error(`[vscode-test] ERROR: ${what} failed (exit ${e.status ?? e.signal})`);
    process.exit(1);
  }
}

step('bash', [path.join(here, 'install.sh')], 'scripts/vscode-test/install.sh');
// Compile the suite afresh: stale .test.js files from renamed sources would otherwise run too.
fs.rmSync(path.join(repoRoot, 'out', 'test', 'vscode'), { recursive: true, force: true });
step(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(repoRoot, 'test', 'vscode', 'tsconfig.json')],
  'compiling test/vscode (tsc -p test/vscode/tsconfig.json)');

for (const f of ['dist/extension.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(repoRoot, f))) console.warn(`[vscode-test] warning: ${f} is missing (run npm run build); tests that need the extension will fail`);
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-ws-'));
fs.cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });
// A second folder of the window: a repository whose notes live in research/kazakhstan/ with their own
// counterpoint.yaml, beside a README. The two folders open as one multi-root workspace, the samples first.
const repository = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-repo-'));
fs.cpSync(path.join(repoRoot, 'samples'), path.join(repository, 'research', 'kazakhstan'), { recursive: true });
fs.writeFileSync(path.join(repository, 'README.md'), '# Research\n\nNotes on [[tokayev]] and [a claim]{claim=x} live in research/.\n');
const workspaceFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-multi-root-')), 'counterpoint.code-workspace');
fs.writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: workspace }, { path: repository }] }, null, 2));

const { runTests } = require('@vscode/test-electron');
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-vscode-results-'));

/** One run of the suite in code-server; its counts land in a file the suite's index writes. */
async function runSuite(name, launch, env) {
  const results = path.join(resultsDir, `${name}.json`);
  let code = 1;
  try {
    code = await runTests({
      vscodeExecutablePath: path.join(here, 'code-shim.sh'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js'),
      launchArgs: [launch],
      extensionTestsEnv: { ...env, COUNTERPOINT_VSCODE_RESULTS: results },
    });
  } catch (e) {
    code = typeof e.code === 'number' ? e.code : 1;
    console.error(`[vscode-test] ${name}: ${e.message}`);
  }
  const counts = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { code, ...counts };
}

// The whole suite in a trusted multi-root window; then, in a fresh code-server with workspace trust on, the
// Restricted Mode tests on a copy of the samples that was never trusted.
const restrictedWorkspace = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-restricted-'));
fs.cpSync(path.join(repoRoot, 'samples'), restrictedWorkspace, { recursive: true });
const runs = [];
try {
  runs.push(await runSuite('trusted', workspaceFile, { COUNTERPOINT_TEST_WORKSPACE: workspace, COUNTERPOINT_TEST_REPOSITORY: repository }));
  if (!process.env.COUNTERPOINT_VSCODE_TEST_GREP && !process.env.COUNTERPOINT_SCREENSHOTS) {
    runs.push(await runSuite('restricted', restrictedWorkspace, {
      COUNTERPOINT_TEST_WORKSPACE: restrictedWorkspace, COUNTERPOINT_VSCODE_RESTRICTED: '1', COUNTERPOINT_VSCODE_TEST_GREP: 'Restricted Mode',
    }));
  }
} finally {
  for (const folder of [workspace, repository, path.dirname(workspaceFile), restrictedWorkspace, resultsDir]) fs.rmSync(folder, { recursive: true, force: true });
}
const code = runs.some((run) => run.code !== 0) ? 1 : 0;
const passed = runs.reduce((sum, run) => sum + run.passed, 0);
const failed = runs.reduce((sum, run) => sum + run.failed, 0);
console.log(`[vscode-test] total ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${code}`);
console.log(`vscode: ${passed} passed, ${failed} failed`);
process.exit(code);
