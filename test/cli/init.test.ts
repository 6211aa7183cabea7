// `counterpoint init [folder]`: a workspace that works at once (the example claim flagged, nothing else), and never
// a file overwritten or written through a symbolic link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { newWorkspaceFiles } from '../../server/src/scaffold/newWorkspace';
import { runCliIn, tempFolder } from '../helpers/cli';

const FILES = ['counterpoint.yaml', 'actors/example-ministry.md', 'articles/example-article.md'];

test('init creates counterpoint.yaml, an example actor and an example article whose one claim is flagged', () => {
  const parent = tempFolder();
  try {
    const init = runCliIn(parent, 'init', 'notes');
    assert.equal(init.code, 0, init.stderr);
    assert.deepEqual(newWorkspaceFiles().map((f) => f.path), FILES);
    for (const file of FILES) assert.ok(existsSync(path.join(parent, 'notes', file)), file);
    assert.match(init.stdout, /^created notes\/counterpoint\.yaml$/m);
    const check = runCliIn(parent, 'check', 'notes', '--hints', '--format', 'json');
    assert.equal(check.code, 0, check.stderr);
    const { summary, diagnostics } = JSON.parse(check.stdout);
    assert.deepEqual({ ...summary }, { notes: 2, actors: 1, claimKeys: 1, errors: 0, warnings: 1, information: 0, hints: 0 });
    assert.deepEqual(diagnostics.map((d: { path: string; code: string }) => `${d.path} ${d.code}`), ['notes/articles/example-article.md claim.no-counter-source']);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('init never overwrites: an existing file is kept as it is, and a second run creates nothing', () => {
  const folder = tempFolder({ 'counterpoint.yaml': 'perspectives: [mine]\n' });
  try {
    const first = runCliIn(folder, 'init');
    assert.equal(first.code, 0);
    assert.match(first.stdout, /^kept counterpoint\.yaml: it exists$/m);
    assert.equal(readFileSync(path.join(folder, 'counterpoint.yaml'), 'utf8'), 'perspectives: [mine]\n');
    writeFileSync(path.join(folder, 'articles', 'example-article.md'), 'my own text');
    const second = runCliIn(folder, 'init', '.');
    assert.equal(second.code, 0);
    assert.match(second.stdout, /Nothing to create/);
    assert.equal(readFileSync(path.join(folder, 'articles', 'example-article.md'), 'utf8'), 'my own text');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('init writes nothing through a folder that is a symbolic link out of the workspace', () => {
  const folder = tempFolder();
  const outside = tempFolder();
  try {
    mkdirSync(path.join(folder, 'ws'));
    symlinkSync(outside, path.join(folder, 'ws', 'articles'), 'dir');
    const init = runCliIn(folder, 'init', 'ws');
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /^skipped ws\/articles\/example-article\.md: its folder is a symbolic link$/m);
    assert.ok(!existsSync(path.join(outside, 'example-article.md')));
    assert.ok(existsSync(path.join(folder, 'ws', 'actors', 'example-ministry.md')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});
