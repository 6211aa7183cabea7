import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Location, type Range } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS } from '../../server/src/features/context';
import { provideDocumentSymbols, provideWorkspaceSymbols } from '../../server/src/features/symbols';
import { textAt } from '../helpers/edits';
import { actorNote, articleNote, tokayevWorkspace, uriOf, workspaceOf } from '../helpers/workspace';

function contextOf(workspace: Workspace) {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
}

interface Shape {
  name: string;
  kind: string;
  detail?: string;
  children?: Shape[];
}

function kindName(kind: SymbolKind): string {
  return Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0] ?? String(kind);
}

/** The tree as names, kind names and details, for readable comparisons. */
function shape(symbols: DocumentSymbol[]): Shape[] {
  return symbols.map((s) => ({
    name: s.name,
    kind: kindName(s.kind),
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    ...(s.children ? { children: shape(s.children) } : {}),
  }));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function within(inner: Range, outer: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every range holds its selection range and its children's ranges. */
function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(within(s.selectionRange, s.range), `${s.name}: selection range outside its range`);
    if (parent) assert.ok(within(s.range, parent.range), `${s.name}: outside its parent ${parent.name}`);
    assertNested(s.children ?? [], s);
  }
}

const OUTLINED = articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' },
  '[Before any heading]{claim=preamble .single-source}',
  '',
  '# Tokayev distances himself',
  '',
  '## At the [[spief|forum]]',
  '',
  'At the forum [[tokayev|Tokaev]] spoke. [Kazakhstan does not recognise the [[dpr|DPR]]]{claim=no-recognition by=tokayev stance=reports}.',
  '',
  '### Aside',
  '',
  'Nothing claimed here.',
  '',
  '## Reactions',
  '',
  '[Putin is losing allies]{claim=putin-losing-allies}, Putin heard.',
  '',
  '# Background',
  '',
  'Plain text.');

test('document symbols: the claims in order, then the actors group; no headings (the editor\'s Markdown outline has them)', () => {
  const workspace = tokayevWorkspace({ 'articles/outlined.md': OUTLINED });
  const symbols = provideDocumentSymbols(contextOf(workspace), uriOf('articles/outlined.md'));
  assert.deepEqual(shape(symbols), [
    {
      name: 'Claims',
      kind: 'Namespace',
      detail: '3 claims',
      children: [
        { name: 'preamble', kind: 'Event', detail: 'Before any heading' },
        { name: 'no-recognition', kind: 'Event', detail: 'Kazakhstan does not recognise the DPR' },
        { name: 'putin-losing-allies', kind: 'Event', detail: 'Putin is losing allies' },
      ],
    },
    {
      name: 'Actors',
      kind: 'Namespace',
      detail: '3 actors',
      children: [
        { name: "Donetsk People's Republic", kind: 'Module', detail: '1 mention' },
        { name: 'Kassym-Jomart Tokayev', kind: 'Object', detail: '3 mentions' },
        { name: 'Vladimir Putin', kind: 'Object', detail: '2 mentions' },
      ],
    },
  ]);
  assertNested(symbols);
});

test('document symbols: a claim selects its key, an actor its first mention', () => {
  const workspace = tokayevWorkspace({ 'articles/outlined.md': OUTLINED });
  const symbols = provideDocumentSymbols(contextOf(workspace), uriOf('articles/outlined.md'));
  const claim = symbols[0].children![1];
  assert.equal(textAt(OUTLINED, claim.selectionRange), 'no-recognition');
  assert.equal(textAt(OUTLINED, claim.range), '[Kazakhstan does not recognise the [[dpr|DPR]]]{claim=no-recognition by=tokayev stance=reports}');
  const tokayev = symbols[1].children!.find((s) => s.name === 'Kassym-Jomart Tokayev')!;
  assert.equal(textAt(OUTLINED, tokayev.selectionRange), 'Tokayev', 'the bare name in the first heading');
});

test('document symbols of an actor note: the actor with its aliases as children', () => {
  const workspace = tokayevWorkspace({
    'actors/nazarbayev.md': actorNote({ name: 'Nursultan Nazarbayev', aliases: ['Elbasy'], role: 'Former president' }, 'Predecessor of Tokayev; Nazarbayev himself stepped down.'),
  });
  const symbols = provideDocumentSymbols(contextOf(workspace), uriOf('actors/nazarbayev.md'));
  assert.deepEqual(shape(symbols), [
    { name: 'Nursultan Nazarbayev', kind: 'Object', detail: 'nazarbayev · Former president', children: [{ name: 'Elbasy', kind: 'Constant', detail: 'alias' }] },
    { name: 'Actors', kind: 'Namespace', detail: '1 actor', children: [{ name: 'Kassym-Jomart Tokayev', kind: 'Object', detail: '1 mention' }] },
  ]);
  const text = workspace.getNote(uriOf('actors/nazarbayev.md'))!.text;
  assert.equal(textAt(text, symbols[0].selectionRange), 'Nursultan Nazarbayev');
  assert.equal(textAt(text, symbols[0].children![0].selectionRange), 'Elbasy');
  assertNested(symbols);
});

test('document symbols: a missing note or an empty one gives nothing', () => {
  const workspace = workspaceOf({ 'notes/empty.md': '' });
  assert.deepEqual(provideDocumentSymbols(contextOf(workspace), uriOf('notes/missing.md')), []);
  assert.deepEqual(provideDocumentSymbols(contextOf(workspace), uriOf('notes/empty.md')), []);
});

function locationText(workspace: Workspace, location: Location): string {
  return textAt(workspace.getNote(location.uri)!.text, location.range);
}

test('workspace symbols: "toka" finds tokayev at the name in its actor note', () => {
  const workspace = tokayevWorkspace();
  const results = provideWorkspaceSymbols(contextOf(workspace), 'toka');
  assert.equal(results[0].name, 'Kassym-Jomart Tokayev');
  assert.equal(results[0].kind, SymbolKind.Object);
  const location = results[0].location as Location;
  assert.equal(location.uri, uriOf('actors/tokayev.md'));
  assert.equal(locationText(workspace, location), 'Kassym-Jomart Tokayev');
  assert.ok(!results.some((r) => r.name.includes('Putin')));
});

test('workspace symbols: "no-rec" finds the claim key at its first occurrence', () => {
  const workspace = tokayevWorkspace();
  const results = provideWorkspaceSymbols(contextOf(workspace), 'no-rec');
  assert.deepEqual(results.map((r) => r.name), ['no-recognition']);
  const location = results[0].location as Location;
  assert.equal(location.uri, uriOf('articles/channel24.md'));
  assert.equal(locationText(workspace, location), 'no-recognition');
  assert.equal(results[0].containerName, 'claim in 2 articles');
});

test('workspace symbols: matching ignores case, takes subsequences, and names the alias that matched', () => {
  const workspace = tokayevWorkspace({ 'actors/nazarbayev.md': actorNote({ name: 'Nursultan Nazarbayev', aliases: ['Elbasy'] }) });
  const ctx = contextOf(workspace);
  assert.equal(provideWorkspaceSymbols(ctx, 'VLADIMIR')[0].name, 'Vladimir Putin');
  assert.ok(provideWorkspaceSymbols(ctx, 'pla').some((r) => r.name === 'putin-losing-allies'), 'p…l…a subsequence');
  assert.deepEqual(provideWorkspaceSymbols(ctx, 'elbasy').map((r) => r.name), ['Nursultan Nazarbayev (Elbasy)']);
  assert.deepEqual(provideWorkspaceSymbols(ctx, 'zzz'), []);
});

test('workspace symbols: an exact name ranks before a prefix', () => {
  const results = provideWorkspaceSymbols(contextOf(tokayevWorkspace()), 'putin');
  assert.deepEqual(results.map((r) => r.name), ['Vladimir Putin', 'putin-losing-allies']);
});

test('workspace symbols: cancellation stops the search and results are capped at 500', () => {
  const claims = Array.from({ length: 600 }, (_, i) => `[Claim ${i}]{claim=k-${i} .single-source}`);
  const workspace = workspaceOf({ 'articles/many.md': articleNote({ outlet: 'Many', perspective: 'other' }, claims.join('\n\n')) });
  assert.equal(provideWorkspaceSymbols(contextOf(workspace), 'k-').length, 500);
  assert.deepEqual(provideWorkspaceSymbols(contextOf(workspace), 'k-', { isCancellationRequested: true }), []);
});
