// Runs every test suite (after `npm run build`) and ends with one line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const nodeSuites = ['out/test/unit', 'out/test/cli', 'out/test/fuzz', 'out/test/protocol', 'out/test/browser'].filter((dir) => existsSync(dir));
const suites = [
  { name: 'unit, cli, fuzz, protocol and browser', command: process.execPath, args: ['--test', ...nodeSuites] },
  { name: 'neovim', command: 'bash', args: ['test/nvim/run.sh'] },
  { name: 'emacs', command: 'bash', args: ['test/emacs/run.sh'] },
  { name: 'vscode', command: process.execPath, args: ['scripts/vscode-test/run.mjs'] },
];
const only = process.argv.slice(2);

// The grammar test also runs inside VS Code's own markdown grammar when code-server is installed, and the browser
// tests need Chromium: install both first (cached, quick when done) so that no test skips on a fresh machine.
if (only.length === 0) {
  const install = await run({ command: 'bash', args: ['scripts/vscode-test/install.sh'] });
  if (install.code !== 0) process.stdout.write('test-all: installing code-server failed; the suites that need it will say so\n');
}

function run({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

function counts(output) {
  const nodePass = [...output.matchAll(/^(?:# |ℹ )pass (\d+)$/gm)].at(-1);
  const nodeFail = [...output.matchAll(/^(?:# |ℹ )fail (\d+)$/gm)].at(-1);
  if (nodePass && nodeFail) return { passed: Number(nodePass[1]), failed: Number(nodeFail[1]) };
  const plain = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  return plain ? { passed: Number(plain[1]), failed: Number(plain[2]) } : undefined;
}

let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name.split(/[ ,]/)[0])) continue;
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  const started = Date.now();
  const { code, output } = await run(suite);
  const result = counts(output) ?? { passed: 0, failed: 0 };
  // A suite that fails without saying how many tests failed still counts as one failure.
  if (code !== 0 && result.failed === 0) result.failed = 1;
  passed += result.passed;
  failed += result.failed;
  lines.push(`${suite.name}: ${result.passed} passed, ${result.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
