import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const VSCE = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

test('the extension packages into a .vsix holding the bundles and the grammar, and no sources', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'counterpoint-vsix-'));
  try {
    const vsix = path.join(out, 'counterpoint.vsix');
    const common = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
    const packaged = spawnSync(process.execPath, [VSCE, 'package', ...common, '-o', vsix], { cwd: REPO, encoding: 'utf8' });
    assert.equal(packaged.status, 0, packaged.stderr + packaged.stdout);
    // A .vsix is a zip: its central directory names every file in plain text.
    const names = new Set(readFileSync(vsix).toString('latin1').match(/extension\/[\w./-]+/g) ?? []);
    for (const file of ['package.json', 'dist/extension.js', 'dist/server.js', 'syntaxes/counterpoint.injection.tmLanguage.json']) {
      assert.ok(names.has(`extension/${file}`), `${file} in ${[...names].join(', ')}`);
    }
    assert.ok(![...names].some((name) => /^extension\/(?:server|client|test|samples|node_modules)\//.test(name)), [...names].join(', '));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
