import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, SEEDS, runCliIn } from '../helpers/cli';

const run = runCliIn;

/** A workspace with the samples' actors and config, and no articles yet. */
function workspaceWithSampleActors(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'counterpoint-import-'));
  cpSync(path.join(REPO, 'samples/actors'), path.join(root, 'actors'), { recursive: true });
  cpSync(path.join(REPO, 'samples/counterpoint.yaml'), path.join(root, 'counterpoint.yaml'));
  return root;
}

function articlesIn(root: string): string[] {
  return existsSync(path.join(root, 'articles')) ? readdirSync(path.join(root, 'articles')).sort() : [];
}

test('import a folder of raw seeds: one note each in articles/, what was written and how many hints, then check is clean of errors', () => {
  const root = workspaceWithSampleActors();
  try {
    const { code, stdout, stderr } = run(REPO, 'import', SEEDS, '--out', root);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 6);
    for (const line of lines.slice(0, 5)) {
      assert.match(line, /^wrote \S+\/articles\/[a-z0-9-]+\.md from test\/fixtures\/seeds\/\d{3}_[0-9a-f]+\.txt: \d+ hints \(fill in [a-z, ]+; .*\d+ links? to known actors\)$/);
    }
    assert.equal(lines[5], '5 notes written.');
    assert.deepEqual(articlesIn(root), [
      'is-kazakhstan-moving-away-from-russia.md',
      'kazakhstans-new-course-will-change-the-political-map-of-the.md',
      'russia-wants-to-annex-three-regions-in-kazakhstan-so-tokayev.md',
      'tokaev-leads-a-double-play-trying-to-be-a-friend-of-both.md',
      'tokayev-is-trying-to-distance-himself-from-russia-a-public.md',
    ]);
    const channel24 = readFileSync(path.join(root, 'articles/tokayev-is-trying-to-distance-himself-from-russia-a-public.md'), 'utf8');
    assert.match(channel24, /^outlet: Channel 24 {2}# from “He told Channel 24 about this\.”$/m);
    assert.match(channel24, /\[\[tokayev\|Kasim-Jomart Tokayev\]\]/);

    const check = run(REPO, 'check', root);
    assert.equal(check.code, 0, check.stdout);
    assert.doesNotMatch(check.stdout, / (error|hint) /);
    assert.match(check.stdout, /article\.missing-field This article has no `perspective`/);
    assert.match(check.stdout, /: 0 errors, \d+ warnings, 0 information, \d+ hints not shown \(--hints shows them\)\.\n$/);
    const withHints = run(REPO, 'check', root, '--hints');
    assert.match(withHints.stdout, /hint actor\.candidate «Europe» looks like a name but is no actor's alias/);
    assert.match(withHints.stdout, /hint claim\.candidate This sentence reports speech or attribution \(“emphasized”\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('import never overwrites: each existing note is refused with a message, the others are written, exit 1', () => {
  const root = workspaceWithSampleActors();
  try {
    assert.equal(run(REPO, 'import', path.join(SEEDS, '000_8e45970f5b5a8b29.txt'), '--out', root).code, 0);
    const target = path.join(root, 'articles/tokayev-is-trying-to-distance-himself-from-russia-a-public.md');
    writeFileSync(target, 'edited by hand');
    const { code, stdout, stderr } = run(REPO, 'import', SEEDS, '--out', root);
    assert.equal(code, 1);
    assert.match(stderr, /^refused \S+tokayev-is-trying-to-distance-himself-from-russia-a-public\.md: it exists, and import never overwrites a note \(test\/fixtures\/seeds\/000_8e45970f5b5a8b29\.txt was not imported\)$/m);
    assert.equal(readFileSync(target, 'utf8'), 'edited by hand');
    assert.match(stdout, /^4 notes written, 1 not\.$/m);
    assert.equal(articlesIn(root).length, 5);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('import a single file into the current folder; a note with frontmatter is skipped; usage errors exit 2', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'counterpoint-import-'));
  try {
    mkdirSync(path.join(root, 'inbox'));
    writeFileSync(path.join(root, 'inbox/raw.md'), 'A headline about Kassym-Jomart Tokayev\n\nTokayev said that the borders of Kazakhstan will not change in the next years.\n');
    writeFileSync(path.join(root, 'inbox/note.md'), '---\ntitle: Already a note\n---\nBody.\n');
    writeFileSync(path.join(root, 'inbox/picture.png'), 'not text');
    const { code, stdout, stderr } = run(root, 'import', 'inbox');
    assert.equal(code, 1);
    assert.match(stdout, /^wrote articles\/a-headline-about-kassym-jomart-tokayev\.md from inbox\/raw\.md: \d+ hints \(fill in outlet, perspective; \d+ actor candidates?, 1 claim candidate to review; 0 links to known actors\)$/m);
    assert.match(stderr, /^skipped inbox\/note\.md: it has frontmatter, so it is a note already$/m);
    assert.deepEqual(articlesIn(root), ['a-headline-about-kassym-jomart-tokayev.md']);

    assert.equal(run(root, 'import').code, 2);
    const missing = run(root, 'import', 'nowhere.txt');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere\.txt does not exist/);
    mkdirSync(path.join(root, 'empty'));
    assert.match(run(root, 'import', 'empty').stderr, /empty has no \.txt or \.md files to import/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
