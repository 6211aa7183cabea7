// claim.claimant-mismatch: one claim key attributed to different claimants in different articles.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noteDiagnostics } from '../../server/src/rules/registry';
import { actorNote, articleNote, textOf, uriOf, workspaceOf } from '../helpers/workspace';

const ACTORS = {
  'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] }),
  'actors/putin.md': actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] }),
};
const A = articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, 'He said [the border stays]{claim=border by=tokayev stance=reports}.');
const B = (by: string, stance = 'reports') => articleNote({ outlet: 'TASS', perspective: 'russian-state' }, `[The border stays]{claim=border by=${by} stance=${stance}}.`);

function mismatches(files: Record<string, string>, path: string, config = {}) {
  const workspace = workspaceOf({ ...ACTORS, ...files }, config);
  const note = workspace.getNote(uriOf(path))!;
  return noteDiagnostics(workspace, note.uri).filter((d) => d.code === 'claim.claimant-mismatch').map((d) => ({ ...d, text: textOf(note.text, d.span) }));
}

describe('claim.claimant-mismatch', () => {
  test('a key reported by two claimants in two articles: information on each claimant, naming the other', () => {
    const [onA] = mismatches({ 'articles/a.md': A, 'articles/b.md': B('putin') }, 'articles/a.md');
    assert.equal(onA.text, 'tokayev');
    assert.equal(onA.severity, 'information');
    assert.match(onA.message, /^Claim `border` is attributed to tokayev here, but to putin \(articles\/b\.md\) elsewhere\./);
    assert.deepEqual(onA.data, { key: 'border', claimant: 'tokayev', others: ['putin'] });
    assert.deepEqual(mismatches({ 'articles/a.md': A, 'articles/b.md': B('putin') }, 'articles/b.md').map((d) => d.text), ['putin']);
  });

  test('asserts counts like reports; an unknown claimant is compared by its name', () => {
    assert.equal(mismatches({ 'articles/a.md': A, 'articles/b.md': B('lavrov', 'asserts') }, 'articles/a.md').length, 1);
    assert.equal(mismatches({ 'articles/a.md': A.replace('by=tokayev', 'by=lavrov'), 'articles/b.md': B('Lavrov', 'asserts') }, 'articles/a.md').length, 0);
  });

  test('not reported for the same actor under another name, for a denial, for claims without a claimant, or within one article', () => {
    assert.deepEqual(mismatches({ 'articles/a.md': A, 'articles/b.md': B('Tokaev') }, 'articles/a.md'), []);
    assert.deepEqual(mismatches({ 'articles/a.md': A, 'articles/b.md': B('putin', 'disputes') }, 'articles/a.md'), []);
    assert.deepEqual(mismatches({ 'articles/a.md': A, 'articles/b.md': B('putin').replace(' by=putin', '') }, 'articles/a.md'), []);
    const both = articleNote({ outlet: 'O', perspective: 'western' }, '[X]{claim=border by=tokayev} and [Y]{claim=border by=putin}.');
    assert.deepEqual(mismatches({ 'articles/a.md': both }, 'articles/a.md'), []);
  });

  test('off in rules', () => {
    assert.deepEqual(mismatches({ 'articles/a.md': A, 'articles/b.md': B('putin') }, 'articles/a.md', { rules: { 'claim.claimant-mismatch': 'off' } }), []);
  });

  test('an edit of the claimant in one article republishes the other', () => {
    const workspace = workspaceOf({ ...ACTORS, 'articles/a.md': A, 'articles/b.md': B('tokayev') });
    const codes = () => noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => d.code).filter((c) => c === 'claim.claimant-mismatch');
    assert.deepEqual(codes(), []);
    const { affected } = workspace.upsert(uriOf('articles/b.md'), B('putin'));
    assert.ok(affected.has(uriOf('articles/a.md')));
    assert.deepEqual(codes(), ['claim.claimant-mismatch']);
  });
});
