// Quick fixes through the protocol: offered for the diagnostics the server published, applied as an editor would,
// and the server's diagnostics follow.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../helpers/edits';
import { positionAt, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const INSIGHT = 'articles/insight-news-tokaev-double-play.md';
const HIZB = 'articles/hizb-ut-tahrir-is-kazakhstan-moving-away.md';
const NEW_ACTOR = 'actors/nobody-known.md';

let session: LspSession;
before(async () => {
  session = await startServer();
});
after(async () => {
  await session?.shutdown();
});

const keyOf = (d: Diagnostic) => (d.data as { key?: string } | undefined)?.key;
const noCounterSource = (key: string) => (d: Diagnostic) => d.code === 'claim.no-counter-source' && keyOf(d) === key;

async function codeActionsFor(file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: session.uri(file) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
}

function documentEdits(action: CodeAction): TextDocumentEdit[] {
  return (action.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c);
}

test('no-counter-source: counter-source candidates from another perspective are offered, and applying one clears the warning', async () => {
  const key = 'tokayev-double-game';
  const [diagnostic] = (await session.waitForDiagnostics(INSIGHT, (ds) => ds.some(noCounterSource(key)))).filter(noCounterSource(key));
  const actions = await codeActionsFor(INSIGHT, diagnostic);

  const single = actions.filter((a) => /single-source/.test(a.title));
  assert.equal(single.length, 1, `one single-source action among: ${actions.map((a) => a.title).join(' | ')}`);
  const candidates = actions.filter((a) => a.kind === 'quickfix' && a !== single[0] && documentEdits(a).some((e) => e.textDocument.uri !== session.uri(INSIGHT)));
  assert.ok(candidates.length >= 1, 'at least one candidate sentence in another outlet');
  for (const candidate of candidates) {
    assert.deepEqual(candidate.diagnostics?.map(keyOf), [key], 'the action fixes that diagnostic');
    const [edit] = documentEdits(candidate);
    assert.notEqual(edit.textDocument.uri, session.uri(INSIGHT));
    const original = session.readFile(edit.textDocument.uri);
    const annotated = applyTextEdits(original, edit.edits);
    const wrapped = new RegExp(`\\[([^[\\]]+)\\]\\{claim=${key}(?: by=[^\\s}]+)? stance=\\w+\\}`).exec(annotated);
    assert.ok(wrapped, `the candidate wraps a sentence in a claim span with key ${key}`);
    assert.equal(annotated.replace(wrapped[0], wrapped[1]), original, 'nothing but the claim markup is added');
  }
  // Hizb ut Tahrir is the only article of another perspective than Insight News (ukrainian).
  const counter = candidates.find((a) => documentEdits(a)[0].textDocument.uri === session.uri(HIZB));
  assert.ok(counter, 'a candidate in the Hizb ut Tahrir note (perspective other)');
  assert.match(counter.title, /Central Media Office of Hizb ut Tahrir/);
  assert.doesNotMatch(counter.title, /same perspective/, 'another perspective: it counts whatever its stance');

  const mark = session.mark();
  const events = await session.applyWorkspaceEdit(counter.edit!);
  assert.deepEqual(events.map((e) => [session.relative(e.uri), e.type]), [[HIZB, FileChangeType.Changed]]);
  await session.notifyFiles(events);
  await session.waitForDiagnostics(INSIGHT, (ds) => !ds.some(noCounterSource(key)), undefined, mark);
  assert.ok(session.diagnosticsOf(INSIGHT)!.some(noCounterSource('declaration-not-binding')), 'the other warnings stay');
});

test('no-counter-source: the top candidate for a first-visit claim is the sentence about the first visit', async () => {
  const key = 'tokayev-first-visit-russia';
  const [diagnostic] = (await session.waitForDiagnostics(INSIGHT, (ds) => ds.some(noCounterSource(key)))).filter(noCounterSource(key));
  const actions = await codeActionsFor(INSIGHT, diagnostic);
  const first = actions.find((a) => documentEdits(a).some((e) => e.textDocument.uri !== session.uri(INSIGHT)));
  assert.ok(first, `a candidate among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.match(first.title, /first visit/i);
  assert.match(first.title, /Channel 24/);
});

test('single-source quick fix, applied to the open document with didChange, clears that warning only', async () => {
  const key = 'tokayev-first-visit-russia';
  await session.open(INSIGHT);
  const published = await session.waitForDiagnostics(INSIGHT, (ds, p) => p.version === 1 && ds.some(noCounterSource(key)));
  const diagnostic = published.find(noCounterSource(key))!;
  const actions = await codeActionsFor(INSIGHT, diagnostic);
  const single = actions.find((a) => /single-source/.test(a.title));
  assert.ok(single, 'a single-source action');
  const [edit] = documentEdits(single);
  assert.equal(edit.textDocument.uri, session.uri(INSIGHT));
  assert.equal(edit.textDocument.version, 1, 'the edit carries the open document\'s version');

  const before = session.textOf(INSIGHT);
  const events = await session.applyWorkspaceEdit(single.edit!);
  assert.deepEqual(events, [], 'an open document is changed in the editor, not on disk');
  const after = session.textOf(INSIGHT);
  assert.match(after, new RegExp(`\\{claim=${key} stance=asserts \\.single-source\\}`));
  assert.equal(after.replace(' .single-source}', '}'), before);

  const now = await session.waitForDiagnostics(INSIGHT, (_, p) => p.version === 2);
  assert.ok(!now.some(noCounterSource(key)), `${key} is no longer flagged`);
  assert.ok(now.some(noCounterSource('declaration-not-binding')), 'other claims still are');
  // Channel 24 carries the same key and is still flagged: its warning does not depend on Insight's .single-source.
  assert.ok((await session.waitForDiagnostics(CHANNEL24, () => true)).some(noCounterSource(key)));
});

test('create-actor quick fix for an unknown actor creates the note, and the warning clears once the server sees the file', async () => {
  await session.open(CHANNEL24);
  const text = session.textOf(CHANNEL24);
  const end = positionAt(text, text.length);
  const version = await session.change(CHANNEL24, [{ range: { start: end, end }, text: '\nAsked about it, [[nobody-known]] declined to comment.\n' }]);
  const published = await session.waitForDiagnostics(CHANNEL24, (ds, p) => p.version === version && ds.some((d) => d.code === 'actor.unknown'));
  const unknown = published.filter((d) => d.code === 'actor.unknown');
  assert.deepEqual(unknown.map((d) => (d.data as { name: string }).name), ['nobody-known']);

  const actions = await codeActionsFor(CHANNEL24, unknown[0]);
  const create = actions.find((a) => a.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create'));
  assert.ok(create, `a create-actor action among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.match(create.title, /nobody-known/);
  const createFile = create.edit!.documentChanges!.find((c): c is CreateFile => 'kind' in c && c.kind === 'create')!;
  assert.equal(createFile.uri, session.uri(NEW_ACTOR));
  assert.deepEqual(createFile.options, { overwrite: false, ignoreIfExists: false });

  const mark = session.mark();
  const events = await session.applyWorkspaceEdit(create.edit!);
  assert.deepEqual(events.map((e) => [session.relative(e.uri), e.type]), [[NEW_ACTOR, FileChangeType.Created]]);
  const note = session.readFile(NEW_ACTOR);
  assert.match(note, /^---\r?\n/);
  assert.match(note, /^name: Nobody Known$/m);
  assert.match(note, /^kind: person\b/m);
  assert.match(note, /\[\[channel24-tokayev-distances-himself\]\]/, 'says where it was first mentioned');

  await session.notifyFiles(events);
  await session.waitForDiagnostics(CHANNEL24, (ds) => !ds.some((d) => d.code === 'actor.unknown'), undefined, mark);
  const own = await session.waitForDiagnostics(NEW_ACTOR, () => true, undefined, mark);
  assert.deepEqual(own.filter((d) => d.severity === 1).map((d) => d.message), [], 'the new actor note has no errors');

  // Once the actor exists, the same diagnostic (now stale) gets no create action.
  const stale = await codeActionsFor(CHANNEL24, unknown[0]);
  assert.ok(!stale.some((a) => a.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create')), 'no second create');
});
