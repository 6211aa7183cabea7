import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { provideDefinition } from '../../server/src/features/definition';
import { textAt } from '../helpers/edits';
import { actorNote, articleNote, tokayevWorkspace, uriOf, withCursor, workspaceOf } from '../helpers/workspace';

function contextOf(workspace: Workspace): FeatureContext {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
}

/** Definitions asked at the `|^|` marker of a note added to the workspace built by `build`. */
function definitionsAt(path: string, markedText: string, build: (extra: Record<string, string>) => Workspace = tokayevWorkspace): { workspace: Workspace; locations: Location[] } {
  const { text, offset } = withCursor(markedText);
  const workspace = build({ [path]: text });
  const position = workspace.getNote(uriOf(path))!.lines.positionAt(offset);
  return { workspace, locations: provideDefinition(contextOf(workspace), uriOf(path), position) };
}

/** `path: covered text` for each location, for readable assertions. */
function describe(workspace: Workspace, locations: Location[]): string[] {
  return locations.map((l) => `${workspace.relativePath(l.uri)}: ${textAt(workspace.getNote(l.uri)!.text, l.range)}`);
}

const article = (...body: string[]) => articleNote({ outlet: 'Test Outlet', perspective: 'ukrainian' }, ...body);

test('a wiki link written as the id goes to the actor name', () => {
  const { workspace, locations } = definitionsAt('articles/t.md', article('Then [[tok|^|ayev]] spoke.'));
  assert.deepEqual(describe(workspace, locations), ['actors/tokayev.md: Kassym-Jomart Tokayev']);
});

test('a wiki link written with an alias, and the label of a labelled link, go to the actor name', () => {
  const aliasLink = definitionsAt('articles/t.md', article('Then [[Tok|^|aev]] spoke.'));
  assert.deepEqual(describe(aliasLink.workspace, aliasLink.locations), ['actors/tokayev.md: Kassym-Jomart Tokayev']);
  const label = definitionsAt('articles/t.md', article('Then [[tokayev|Tok|^|aev]] spoke.'));
  assert.deepEqual(describe(label.workspace, label.locations), ['actors/tokayev.md: Kassym-Jomart Tokayev']);
});

test('a bare alias in prose goes to the actor name', () => {
  const { workspace, locations } = definitionsAt('articles/t.md', article('Yesterday Pu|^|tin said nothing.'));
  assert.deepEqual(describe(workspace, locations), ['actors/putin.md: Vladimir Putin']);
});

test('a by= value goes to the claimant actor name', () => {
  const { workspace, locations } = definitionsAt('articles/t.md', article('[No recognition]{claim=no-recognition by=tok|^|ayev}.'));
  assert.deepEqual(describe(workspace, locations), ['actors/tokayev.md: Kassym-Jomart Tokayev']);
});

test('an actor without a name: the start of its note', () => {
  const { locations } = definitionsAt('articles/t.md', article('Ask [[no|^|name]].'), (extra) =>
    workspaceOf({ 'actors/noname.md': '---\nkind: person\n---\nNo name here.\n', ...extra }));
  assert.deepEqual(locations, [{ uri: uriOf('actors/noname.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
});

test('a wiki link to a note that is not an actor goes to that note\'s start', () => {
  const { locations } = definitionsAt('articles/t.md', article('See [[kyiv|^|post]].'));
  assert.deepEqual(locations, [{ uri: uriOf('articles/kyivpost.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
});

function claimWorkspace(extra: Record<string, string>): Workspace {
  return workspaceOf({
    'articles/late.md': articleNote({ outlet: 'Late', perspective: 'russian-state', date: '2022-07-01' }, '[Late words]{claim=k}.'),
    'articles/b-early.md': articleNote({ outlet: 'B', perspective: 'ukrainian', date: '2022-06-17' }, '[B words]{claim=k}.'),
    'articles/a-early.md': articleNote({ outlet: 'A', perspective: 'ukrainian', date: '2022-06-17' }, '[A words]{claim=k}.'),
    'articles/other.md': articleNote({ outlet: 'Other', perspective: 'ukrainian', date: '2022-01-01' }, '[Unrelated]{claim=other-key}.'),
    ...extra,
  });
}

test('a claim key lists the other occurrences, the earliest article first (date, then path)', () => {
  const { workspace, locations } = definitionsAt('articles/new.md',
    articleNote({ outlet: 'New', perspective: 'ukrainian', date: '2022-08-01' }, '[New words]{claim=|^|k}.'), claimWorkspace);
  assert.deepEqual(describe(workspace, locations), [
    'articles/a-early.md: [A words]{claim=k}',
    'articles/b-early.md: [B words]{claim=k}',
    'articles/late.md: [Late words]{claim=k}',
  ]);
});

test('on the earliest occurrence of a claim key, the others are listed, never itself', () => {
  const { workspace, locations } = definitionsAt('articles/first.md',
    articleNote({ outlet: 'First', perspective: 'ukrainian', date: '2022-01-01' }, '[First words]{claim=k|^|}.'), claimWorkspace);
  assert.deepEqual(describe(workspace, locations), [
    'articles/a-early.md: [A words]{claim=k}',
    'articles/b-early.md: [B words]{claim=k}',
    'articles/late.md: [Late words]{claim=k}',
  ]);
});

test('plain prose, claim text and frontmatter have no definition', () => {
  assert.deepEqual(definitionsAt('articles/t.md', article('The Kazakh pre|^|sident spoke.')).locations, []);
  assert.deepEqual(definitionsAt('articles/t.md', article('[No rec|^|ognition]{claim=no-recognition}.')).locations, []);
  assert.deepEqual(definitionsAt('articles/t.md', article('Body.').replace('outlet: Test', 'outlet: |^|Test')).locations, []);
});

test('a note the workspace does not know has no definition', () => {
  const workspace = tokayevWorkspace();
  assert.deepEqual(provideDefinition(contextOf(workspace), uriOf('articles/missing.md'), { line: 0, character: 0 }), []);
});
