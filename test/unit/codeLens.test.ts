import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens, Location, Position } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { provideCodeLenses } from '../../server/src/features/codeLens';
import { DEFAULT_FEATURE_SETTINGS, type FeatureSettings } from '../../server/src/features/context';
import { actorNote, articleNote, tokayevWorkspace, uriOf, workspaceOf } from '../helpers/workspace';

function lensesOf(workspace: Workspace, path: string, settings: Partial<FeatureSettings> = {}): CodeLens[] {
  return provideCodeLenses({ workspace, settings: { ...DEFAULT_FEATURE_SETTINGS, ...settings }, documentVersion: () => null }, uriOf(path));
}

function titles(lenses: CodeLens[]): string[] {
  return lenses.map((lens) => lens.command?.title ?? '');
}

/** The text of the line a lens stands above. */
function lineOf(workspace: Workspace, path: string, lens: CodeLens): string {
  const note = workspace.getNote(uriOf(path))!;
  const line = lens.range.start.line;
  return note.text.slice(note.lines.lineStart(line), note.lines.lineEnd(line));
}

test('claims carried by one perspective only get a lens saying they have no counter-source', () => {
  const workspace = tokayevWorkspace();
  const lenses = lensesOf(workspace, 'articles/channel24.md');
  assert.deepEqual(titles(lenses), [
    '2 sources · 1 perspective · no counter-source',
    '1 source · 1 perspective · no counter-source',
  ]);
  assert.match(lineOf(workspace, 'articles/channel24.md', lenses[0]), /\{claim=no-recognition /);
  assert.match(lineOf(workspace, 'articles/channel24.md', lenses[1]), /\{claim=putin-losing-allies\}/);
});

test('a claim another perspective carries gets a lens with the counter-source tick', () => {
  const workspace = tokayevWorkspace({
    'articles/tass-claim.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' },
      '[Kazakhstan is weighing recognition]{claim=no-recognition stance=disputes}.'),
  });
  assert.deepEqual(titles(lensesOf(workspace, 'articles/kyivpost.md')), ['3 sources · 2 perspectives · counter-source ✓']);
  assert.deepEqual(titles(lensesOf(workspace, 'articles/tass-claim.md')), ['3 sources · 2 perspectives · counter-source ✓']);
});

test('single-source and counter= claims say so', () => {
  const workspace = workspaceOf({
    'articles/orda.md': articleNote({ outlet: 'Orda', perspective: 'kazakh-independent' },
      '[Only we know this]{claim=orda-scoop .single-source}.',
      '',
      '[Akorda denied it]{claim=akorda-denial counter=https://example.org/denial}.',
      '',
      '[Unmarked]{claim=unmarked}.'),
  });
  assert.deepEqual(titles(lensesOf(workspace, 'articles/orda.md')), [
    '1 source · 1 perspective · single-source',
    '1 source · 1 perspective · counter-source cited',
    '1 source · 1 perspective · no counter-source',
  ]);
});

test('two articles of the same outlet count as one source', () => {
  const workspace = workspaceOf({
    'articles/tass1.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' }, '[Allies]{claim=allies}.'),
    'articles/tass2.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' }, '[Still allies]{claim=allies}.'),
  });
  assert.deepEqual(titles(lensesOf(workspace, 'articles/tass1.md')), ['1 source · 1 perspective · no counter-source']);
});

test('a lens peeks at every occurrence of its claim key', () => {
  const workspace = tokayevWorkspace();
  const [lens] = lensesOf(workspace, 'articles/kyivpost.md');
  assert.equal(lens.command?.command, 'editor.action.showReferences');
  const [uri, position, locations] = lens.command!.arguments as [string, Position, Location[]];
  assert.equal(uri, uriOf('articles/kyivpost.md'));
  const note = workspace.getNote(uri)!;
  assert.equal(note.text.slice(note.lines.offsetAt(position)).slice(0, 14), 'no-recognition');
  assert.deepEqual(locations.map((l) => l.uri), [uriOf('articles/channel24.md'), uriOf('articles/kyivpost.md')]);
  const channel24 = workspace.getNote(uriOf('articles/channel24.md'))!;
  const first = locations[0].range;
  assert.equal(
    channel24.text.slice(channel24.lines.offsetAt(first.start), channel24.lines.offsetAt(first.end)),
    '[Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}',
  );
});

test('no lenses when they are turned off, outside articles, or for claims without a valid key', () => {
  const workspace = tokayevWorkspace({
    'actors/aside.md': actorNote({ name: 'Aside' }, '[Not counted]{claim=aside-claim}.'),
    'articles/broken.md': articleNote({ outlet: 'Broken', perspective: 'western' }, '[No key]{by=tokayev}.', '', '[Bad key]{claim=-bad}.'),
  });
  assert.deepEqual(lensesOf(workspace, 'articles/channel24.md', { codeLensEnabled: false }), []);
  assert.deepEqual(lensesOf(workspace, 'actors/aside.md'), []);
  assert.deepEqual(lensesOf(workspace, 'articles/broken.md'), []);
  assert.deepEqual(lensesOf(workspace, 'articles/tass.md'), [], 'an article without claims');
  assert.deepEqual(lensesOf(workspace, 'articles/missing.md'), []);
});
