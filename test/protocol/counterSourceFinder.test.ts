// The counter-source finder through the real server: an English claim in a Ukrainian-perspective article is offered
// a Russian sentence of a Russian-state outlet (its Cyrillic names resolved to the Latin actors) and an English
// denial, the denial as `disputes` by its speaker.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, Location, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../helpers/edits';
import { positionAt, startServer, type LspSession } from '../helpers/lspClient';

const CLAIM = 'articles/ukr-kazakhstan-no-recognition.md';
const RUSSIAN = 'articles/ria-tokayev-spief.md';
const DENIAL = 'articles/rt-peskov-denies.md';
const RUSSIAN_SENTENCE = 'Токаев заявил на ПМЭФ, что Казахстан не признает ДНР и ЛНР';
const DENIAL_SENTENCE = 'Kremlin spokesman Peskov rejected the reports that Kazakhstan would not recognise the DPR and LPR as false';

const FILES: Record<string, string> = {
  [CLAIM]: [
    '---', 'title: Kazakhstan will not recognise the DPR and LPR', 'outlet: Kyiv Independent', 'perspective: ukrainian', 'language: en', '---',
    '[Kazakhstan will not recognise the so-called DPR and LPR, Tokayev said]{claim=kazakhstan-no-recognition-dpr-lpr by=tokayev stance=reports}.',
  ].join('\n'),
  [RUSSIAN]: [
    '---', 'title: Токаев на ПМЭФ', 'outlet: РИА Новости', 'perspective: russian-state', 'language: ru', '---',
    'Погода в Петербурге была тёплой. Токаев заявил на ПМЭФ, что Казахстан не признает ДНР и ЛНР. Торговля выросла на десять процентов.',
  ].join('\n'),
  [DENIAL]: [
    '---', 'title: Kremlin on Kazakhstan', 'outlet: RT', 'perspective: russian-state', 'language: en', '---',
    'Trade between the two countries grew last year. Kremlin spokesman Peskov rejected the reports that Kazakhstan would not recognise the DPR and LPR as false. The weather was warm.',
  ].join('\n'),
  'actors/peskov.md': ['---', 'name: Dmitry Peskov', 'aliases:', '  - Peskov', 'kind: person', 'role: Kremlin spokesman', '---', ''].join('\n'),
};

let session: LspSession;
before(async () => {
  session = await startServer({
    prepare: (root) => {
      // The seed articles are left out: the three notes are the whole picture.
      for (const file of fs.readdirSync(path.join(root, 'articles'))) fs.rmSync(path.join(root, 'articles', file));
      for (const [file, text] of Object.entries(FILES)) fs.writeFileSync(path.join(root, file), text);
    },
  });
});
after(async () => {
  await session?.shutdown();
});

function documentEdits(action: CodeAction): TextDocumentEdit[] {
  return (action.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c);
}

async function quickFixes(): Promise<CodeAction[]> {
  const diagnostics = await session.waitForDiagnostics(CLAIM, (ds) => ds.some((d) => d.code === 'claim.no-counter-source'));
  const diagnostic = diagnostics.find((d: Diagnostic) => d.code === 'claim.no-counter-source')!;
  return session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: session.uri(CLAIM) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
}

/** The first action annotating a sentence of a note, with what its edit makes of that note. */
function firstAnnotation(actions: readonly CodeAction[], file: string): { action: CodeAction; annotated: string } | undefined {
  for (const action of actions) {
    const edit = documentEdits(action).find((e) => e.textDocument.uri === session.uri(file));
    if (edit) return { action, annotated: applyTextEdits(FILES[file], edit.edits) };
  }
  return undefined;
}

test('the quick fix offers the Russian sentence: its Cyrillic names meet the claim\'s actors', async () => {
  const actions = await quickFixes();
  const preferred = actions.slice(0, 3);
  const russian = firstAnnotation(preferred, RUSSIAN);
  assert.ok(russian, `the Russian sentence among the first three: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(russian.annotated.includes(`[${RUSSIAN_SENTENCE}]{claim=kazakhstan-no-recognition-dpr-lpr by=tokayev stance=reports}.`), russian.annotated);
  assert.match(russian.action.title, /РИА Новости \(russian-state\) reporting Kassym-Jomart Tokayev/);
});

test('the quick fix offers the denial as disputes, by its speaker, and the other stances after', async () => {
  const actions = await quickFixes();
  const denial = firstAnnotation(actions.slice(0, 3), DENIAL);
  assert.ok(denial, `the denial among the first three: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(denial.annotated.includes(`[${DENIAL_SENTENCE}]{claim=kazakhstan-no-recognition-dpr-lpr by=peskov stance=disputes}.`), denial.annotated);
  assert.match(denial.action.title, /^Annotate as Dmitry Peskov disputing it \(RT, russian-state\): “Kremlin spokesman Peskov rejected/);
  const others = actions.slice(3).filter((a) => documentEdits(a).some((e) => e.textDocument.uri === session.uri(DENIAL))).map((a) => a.title);
  assert.ok(others.some((t) => /^Annotate as RT \(russian-state\) reporting Dmitry Peskov/.test(t)), others.join(' | '));
  assert.ok(others.some((t) => /qualifying it/.test(t)), others.join(' | '));
  // Unrelated sentences are not offered.
  assert.ok(!actions.some((a) => /weather|Погода|Trade between|Торговля/.test(a.title)), actions.map((a) => a.title).join(' | '));
});

test('a Russian note\'s Cyrillic mentions resolve: the hover on Токаев is Tokayev\'s, and his references include it', async () => {
  const text = FILES[RUSSIAN];
  const at = positionAt(text, text.indexOf('Токаев заявил') + 2);
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uri(RUSSIAN) }, position: at });
  const value = JSON.stringify(hover?.contents ?? '');
  assert.match(value, /Tokayev/, value);
  const references = await session.request<Location[]>('textDocument/references', { textDocument: { uri: session.uri(RUSSIAN) }, position: at, context: { includeDeclaration: false } });
  assert.ok(references.some((r) => r.uri === session.uri(RUSSIAN)), JSON.stringify(references));
});
