import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-types';
import type { Cancellation, Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { provideReferences } from '../../server/src/features/references';
import { textAt } from '../helpers/edits';
import { articleNote, tokayevWorkspace, uriOf } from '../helpers/workspace';

function contextOf(workspace: Workspace): FeatureContext {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
}

/** References at the first occurrence of `needle` (plus `shift` characters) in a note. */
function referencesAt(workspace: Workspace, path: string, needle: string, includeDeclaration: boolean, shift = 1, token?: Cancellation): Location[] {
  const note = workspace.getNote(uriOf(path))!;
  const offset = note.text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${path}`);
  return provideReferences(contextOf(workspace), note.uri, note.lines.positionAt(offset + shift), includeDeclaration, token);
}

function describe(workspace: Workspace, locations: Location[]): string[] {
  return locations.map((l) => `${workspace.relativePath(l.uri)}@${l.range.start.line}: ${textAt(workspace.getNote(l.uri)!.text, l.range)}`);
}

// In the shared workspace, Tokayev is mentioned in channel24 by a bare alias in the heading, a labelled wiki link and a
// by= value, and in kyivpost by a bare alias and a by= value; TASS only says "the Kazakh president", which is no alias.
const TOKAYEV_MENTIONS = [
  'articles/channel24.md@7: Tokayev',
  'articles/channel24.md@9: tokayev',
  'articles/channel24.md@9: tokayev',
  'articles/kyivpost.md@7: Tokayev',
  'articles/kyivpost.md@7: tokayev',
];

test('references of an actor: every wiki link, bare alias and by= value, without the declaration', () => {
  const workspace = tokayevWorkspace();
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'articles/channel24.md', '[[tokayev', false, 3)), TOKAYEV_MENTIONS);
});

test('with includeDeclaration the actor name comes first', () => {
  const workspace = tokayevWorkspace();
  const locations = referencesAt(workspace, 'articles/kyivpost.md', 'Tokayev told', true);
  assert.deepEqual(describe(workspace, locations), ['actors/tokayev.md@1: Kassym-Jomart Tokayev', ...TOKAYEV_MENTIONS]);
});

test('the same references from a by= value, a bare alias and the actor note\'s own name and alias', () => {
  const workspace = tokayevWorkspace();
  const expected = describe(workspace, referencesAt(workspace, 'articles/channel24.md', 'by=tokayev', false, 5));
  assert.equal(expected.length, 5);
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'articles/kyivpost.md', 'Tokayev told', false)), expected);
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'actors/tokayev.md', 'Kassym-Jomart', false)), expected);
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'actors/tokayev.md', '- Tokaev', false, 3)), expected);
});

test('bare aliases count (acronyms only in capitals: the lowercase prose "dpr" is none; the link [[dpr|Donetsk]] is one)', () => {
  const workspace = tokayevWorkspace({
    'articles/dpr.md': articleNote({ outlet: 'X', perspective: 'ukrainian' }, 'The DPR and the DNR; the dpr in lowercase. [[dpr|Donetsk]] too.'),
  });
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'articles/dpr.md', 'DNR', false)), [
    'articles/channel24.md@9: DPR',
    'articles/dpr.md@7: DPR',
    'articles/dpr.md@7: DNR',
    'articles/dpr.md@7: dpr',
    'articles/kyivpost.md@7: DNR',
  ]);
});

test('references of a claim key: every claim= value of the key, from the key or the claimed words', () => {
  const workspace = tokayevWorkspace();
  const expected = ['articles/channel24.md@9: no-recognition', 'articles/kyivpost.md@7: no-recognition'];
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'articles/kyivpost.md', 'no-recognition', false)), expected);
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'articles/kyivpost.md', 'Kazakhstan will', true)), expected);
});

test('a claim key written in an otherwise invalid claim is still a reference', () => {
  const workspace = tokayevWorkspace({
    'articles/bad.md': articleNote({ outlet: 'X', perspective: 'ukrainian' }, '[Said]{claim=no-recognition stance=shouts}.'),
  });
  assert.deepEqual(describe(workspace, referencesAt(workspace, 'articles/channel24.md', 'no-recognition', false)), [
    'articles/bad.md@7: no-recognition',
    'articles/channel24.md@9: no-recognition',
    'articles/kyivpost.md@7: no-recognition',
  ]);
});

test('plain prose has no references', () => {
  const workspace = tokayevWorkspace();
  assert.deepEqual(referencesAt(workspace, 'articles/tass.md', 'Kazakh president', true), []);
});

test('a cancelled request answers nothing', () => {
  const workspace = tokayevWorkspace();
  const cancelled = { isCancellationRequested: true };
  assert.deepEqual(referencesAt(workspace, 'articles/kyivpost.md', 'Tokayev told', true, 1, cancelled), []);
  assert.deepEqual(referencesAt(workspace, 'articles/kyivpost.md', 'no-recognition', true, 1, cancelled), []);
});
