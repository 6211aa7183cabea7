// The command line on hostile notes and configs: nothing written outside the workspace, nothing but line ends among
// the control characters it prints (findings 7, 10 and 15 of the second untrusted-input review).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, runCliIn, tempFolder } from '../helpers/cli';

const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZWNobyBwd24=\u0007\u009b31m\u202e';
// eslint-disable-next-line no-control-regex -- looking for control characters is the test
const CONTROL_BUT_LINE_END = /[\0-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function rawText(): string {
  return 'A plain title\n\nSome body text of the article, long enough to be one.\n';
}

test('finding 7: import never writes outside --out, whatever the article folders say', () => {
  const parent = tempFolder({}, 'counterpoint-escape-');
  const root = path.join(parent, 'ws');
  mkdirSync(root);
  writeFileSync(path.join(root, 'counterpoint.yaml'), 'articles: ["../esc/pwn", articles]\n');
  writeFileSync(path.join(parent, 'raw.txt'), rawText());
  try {
    const { code, stdout, stderr } = runCliIn(REPO, 'import', path.join(parent, 'raw.txt'), '--out', root);
    assert.ok(code === 0 || code === 1, stderr);
    assert.equal(existsSync(path.join(parent, 'esc')), false, 'no folder is created outside the workspace');
    if (code === 1) assert.match(stderr, /outside the output folder/);
    else assert.match(stdout, /articles\//);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('finding 15: import refuses to write through a symbolic link to a folder outside --out', () => {
  const parent = tempFolder({}, 'counterpoint-symlink-');
  const root = path.join(parent, 'ws');
  const elsewhere = path.join(parent, 'elsewhere');
  mkdirSync(root);
  mkdirSync(elsewhere);
  symlinkSync(elsewhere, path.join(root, 'articles'), 'dir');
  writeFileSync(path.join(parent, 'raw.txt'), rawText());
  try {
    const { code, stderr } = runCliIn(REPO, 'import', path.join(parent, 'raw.txt'), '--out', root);
    assert.equal(code, 1);
    assert.match(stderr, /symbolic link to a place outside/);
    assert.deepEqual(readdirSync(elsewhere), []);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('finding 10: check, report and export print no control characters from notes, and a file name cannot forge a line', () => {
  const root = tempFolder({
    'actors/tokayev.md': `---\nname: Tokayev${ESCAPES}\naliases: [Tokayev]\n---\n`,
    [`articles/a${ESCAPES}.md`]: `---\ntitle: T${ESCAPES}\noutlet: Evil${ESCAPES}\nperspective: western\n---\n[x]{claim=k by=tokayev${ESCAPES}}\n`,
    'articles/b\nfake.md:1:1 error forged.md': '---\ntitle: T\noutlet: O\nperspective: russian-state\n---\n[[nobody]] [y]{claim=k stance=disputes}\n',
  });
  try {
    for (const args of [['check'], ['check', '--format', 'json'], ['report'], ['report', '--format', 'markdown'], ['report', '--format', 'json'], ['export', '--claimreview']]) {
      const { stdout, stderr } = runCliIn(root, ...args, '.');
      assert.doesNotMatch(stdout, CONTROL_BUT_LINE_END, `${args.join(' ')}: ${JSON.stringify(stdout.slice(0, 300))}`);
      assert.doesNotMatch(stderr, CONTROL_BUT_LINE_END, `${args.join(' ')} (stderr)`);
    }
    const { stdout } = runCliIn(root, 'check', '.');
    const lines = stdout.trim().split('\n');
    assert.ok(lines.every((line) => !line.startsWith('fake.md')), 'a file name with a line break stays on its line');
    assert.ok(lines.some((line) => line.startsWith('articles/b fake.md:1:1 error forged.md:')), stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
