// `counterpoint check` of a folder whose notes live in subfolders, each with its own counterpoint.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, runCliIn, tempFolder } from '../helpers/cli';
import { articleNote } from '../helpers/workspace';

/** A repository with the samples in research/kazakhstan/, a second workspace in research/other/, and a README. */
function repository(): string {
  const root = tempFolder({ 'README.md': '# Notes\n\nSee [[tokayev]] and [x]{claim=x}.\n' }, 'counterpoint-repo-');
  cpSync(path.join(REPO, 'samples'), path.join(root, 'research/kazakhstan'), { recursive: true });
  mkdirSync(path.join(root, 'research/other/articles'), { recursive: true });
  writeFileSync(path.join(root, 'research/other/counterpoint.yaml'), 'articles: [articles]\nrules:\n  actor.unknown: error\n');
  writeFileSync(path.join(root, 'research/other/articles/elsewhere.md'), articleNote({ outlet: 'TASS', perspective: 'russian-state' },
    '[[tokayev]] said [TV hosts promote hatred]{claim=russian-tv-promotes-ethnic-hatred}.'));
  return root;
}

test('check of a parent folder finds each workspace below it and checks each with its own config', () => {
  const root = repository();
  try {
    const { code, stdout } = runCliIn(root, 'check', '.');
    const lines = stdout.trim().split('\n');
    const kazakhstan = lines.filter((line) => line.startsWith('research/kazakhstan/'));
    assert.ok(kazakhstan.length > 0, stdout);
    assert.ok(!kazakhstan.some((line) => / actor\.unknown | claim\.outside-article /.test(line)), 'no false unknown actors or asides in the subfolder');
    assert.ok(kazakhstan.some((line) => /claim\.no-counter-source .*russian-tv-promotes-ethnic-hatred/.test(line)),
      'the other workspace\'s russian-state article does not count as a counter-source here');
    // The other workspace's own config: an unknown actor is an error there (and only there), so check fails.
    assert.match(stdout, /^research\/other\/articles\/elsewhere\.md:\d+:\d+ error actor\.unknown /m);
    assert.equal(code, 1);
    assert.ok(!lines.some((line) => line.startsWith('README.md')), 'the repository README is in no workspace');
    assert.match(lines.at(-1)!, /^2 workspaces, \d+ notes/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('check of a folder inside a workspace checks the workspace that holds it', () => {
  const root = repository();
  try {
    const { stdout } = runCliIn(path.join(root, 'research/kazakhstan/articles'), 'check', '.');
    assert.doesNotMatch(stdout, / actor\.unknown /);
    assert.match(stdout, /claim\.no-counter-source/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('report of a folder holding several workspaces asks for one of them', () => {
  const root = repository();
  try {
    const { code, stderr } = runCliIn(root, 'report', '.');
    assert.equal(code, 2);
    assert.match(stderr, /holds 2 Counterpoint workspaces \(research\/kazakhstan, research\/other\)/);
    assert.equal(runCliIn(root, 'report', 'research/kazakhstan').code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('import with --out inside a workspace writes into that workspace\'s article folder', () => {
  const root = repository();
  try {
    writeFileSync(path.join(root, 'raw.txt'), 'Tokayev meets Putin\n\nKassym-Jomart Tokayev met Vladimir Putin in Moscow on Tuesday.\n');
    const { code, stdout, stderr } = runCliIn(root, 'import', 'raw.txt', '--out', 'research/kazakhstan/articles');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^wrote research\/kazakhstan\/articles\/[^/\s]+\.md from raw\.txt/m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
