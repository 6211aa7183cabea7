// Mocha entry point loaded by VS Code's extension host (extensionTestsPath).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    grep: process.env.COUNTERPOINT_VSCODE_TEST_GREP || undefined,
  });
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // A plain closing line for CI log readers.
        const stats = runner.stats;
        console.log(`vscode: ${stats ? stats.passes : 0} passed, ${failures} failed${stats && stats.pending ? `, ${stats.pending} skipped` : ''}`);
        // scripts/vscode-test/run.mjs sums up its runs (the second in Restricted Mode) from these files.
        const results = process.env.COUNTERPOINT_VSCODE_RESULTS;
        if (results) fs.writeFileSync(results, JSON.stringify({ passed: stats ? stats.passes : 0, failed: failures }));
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
