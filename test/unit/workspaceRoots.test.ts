// node/files.ts: where Counterpoint workspaces are found below and above a folder, and which one owns a note.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findRootAbove, findWorkspaceRoots, ownerOf } from '../../server/src/node/files';

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'counterpoint-roots-')));
after(() => rmSync(base, { recursive: true, force: true }));

function tree(name: string, entries: string[]): string {
  const root = path.join(base, name);
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (entry.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, entry.endsWith('.yaml') ? 'articles: [articles]\n' : '# note\n');
    }
  }
  return root;
}

const relative = (root: string, found: string[]) => found.map((f) => path.relative(root, f) || '.');

test('roots are the folders holding counterpoint.yaml, or actors/ outside every root; nested configs are roots of their own', async () => {
  const root = tree('layout', [
    'README.md',
    'research/kazakhstan/counterpoint.yaml', 'research/kazakhstan/actors/', 'research/kazakhstan/articles/a.md',
    'research/kazakhstan/archive/actors/',          // an actors/ inside a root is that root's business
    'research/kazakhstan/sub/counterpoint.yaml',    // a nested config is a root
    'wiki/actors/tokayev.md',                       // actors/ alone makes a root
    '.hidden/counterpoint.yaml', 'node_modules/pkg/counterpoint.yaml', 'out/counterpoint.yaml', 'dist/actors/',
  ]);
  assert.deepEqual(relative(root, await findWorkspaceRoots(root)), ['research/kazakhstan', 'research/kazakhstan/sub', 'wiki']);
});

test('the search follows no symbolic link and stops at its depth, folder and root bounds', async () => {
  const root = tree('bounds', ['a/b/c/d/counterpoint.yaml', 'x/counterpoint.yaml', 'y/counterpoint.yaml', 'z/counterpoint.yaml']);
  symlinkSync(path.join(root, 'x'), path.join(root, 'linked'));
  assert.deepEqual(relative(root, await findWorkspaceRoots(root)), ['a/b/c/d', 'x', 'y', 'z'], 'the link to x is not a second x');
  assert.deepEqual(relative(root, await findWorkspaceRoots(root, { maxDepth: 3, maxRoots: 64, maxFolders: 1000 })), ['x', 'y', 'z']);
  assert.equal((await findWorkspaceRoots(root, { maxDepth: 6, maxRoots: 2, maxFolders: 1000 })).length, 2);
  assert.ok((await findWorkspaceRoots(root, { maxDepth: 6, maxRoots: 64, maxFolders: 2 })).length <= 2);
});

test('the root above a note is the nearest folder holding counterpoint.yaml or actors/', async () => {
  const root = tree('above', ['counterpoint.yaml', 'notes/actors/', 'notes/articles/deep/a.md', 'other/articles/b.md']);
  assert.equal(await findRootAbove(path.join(root, 'notes/articles/deep')), path.join(root, 'notes'));
  assert.equal(await findRootAbove(path.join(root, 'other/articles')), root);
  const lone = tree('lone', ['articles/a.md']);
  assert.equal(await findRootAbove(path.join(lone, 'articles')), undefined);
});

test('a note belongs to the deepest root that holds it, and to no root whose name merely begins the same', () => {
  const roots = ['file:///r/research', 'file:///r/research/kazakhstan', 'file:///r/wiki'];
  assert.equal(ownerOf('file:///r/research/kazakhstan/articles/a.md', roots), 'file:///r/research/kazakhstan');
  assert.equal(ownerOf('file:///r/research/notes.md', roots), 'file:///r/research');
  assert.equal(ownerOf('file:///r/wiki-old/a.md', roots), undefined);
  assert.equal(ownerOf('file:///r/README.md', roots), undefined);
});
