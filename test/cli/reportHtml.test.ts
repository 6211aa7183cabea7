import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';

const run = runCli;

function withFolder(use: (folder: string) => void): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'counterpoint-html-'));
  try {
    use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('report --html writes one self-contained page with a row per claim and says so', () => {
  withFolder((folder) => {
    const file = path.join(folder, 'matrix.html');
    const { code, stdout } = run('report', 'samples', '--html', file);
    assert.equal(code, 0);
    const keys = (JSON.parse(run('report', 'samples', '--format', 'json').stdout) as { rows: { key: string }[] }).rows.map((r) => r.key);
    assert.equal(stdout, `Wrote the claim matrix (${keys.length} claims) to ${file}.\n`);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+'; img-src data:;/);
    assert.deepEqual([...html.matchAll(/<tr class="row[^"]*" data-key="([^"]+)"/g)].map((m) => m[1]), keys);
    assert.doesNotMatch(html, /\s(src|href)="(https?:)?\/\//, 'nothing remote');
    assert.match(html, /<title>Claim matrix — samples<\/title>/);
  });
});

test('the links of the page lead to the notes from wherever the page is written', () => {
  withFolder((folder) => {
    const nested = path.join(folder, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    const file = path.join(nested, 'm.html');
    assert.equal(run('report', 'samples', `--html=${file}`).code, 0);
    const hrefs = [...new Set([...readFileSync(file, 'utf8').matchAll(/<a class="open" href="([^"]+)"/g)].map((m) => m[1]))];
    assert.ok(hrefs.length >= 5, 'every sample article is linked');
    for (const href of hrefs) {
      assert.doesNotMatch(href, /^[a-z]+:|^\//, 'a relative link');
      assert.ok(existsSync(path.resolve(nested, decodeURIComponent(href))), href);
    }
  });
});

test('report --html: a missing value or a folder that does not exist is a usage error', () => {
  const missing = run('report', 'samples', '--html');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--html needs a value/);
  withFolder((folder) => {
    const nowhere = run('report', 'samples', '--html', path.join(folder, 'no-such-folder', 'm.html'));
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.stderr, /cannot write .*m\.html: ENOENT/);
  });
});
