// Cross-file live diagnostics: a change in one note (on disk or in the editor) re-publishes another note's
// counter-source warning, without that note being touched.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { positionAt, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const HIZB = 'articles/hizb-ut-tahrir-is-kazakhstan-moving-away.md';
const TASS = 'articles/tass-kazakhstan-turn.md';
/** Carried only by Channel 24 and the CCD note, both ukrainian. */
const KEY = 'kazakhstan-turn-to-china-and-west';

let session: LspSession;
before(async () => {
  session = await startServer();
  await session.open(CHANNEL24);
});
after(async () => {
  await session?.shutdown();
});

const flagged = (ds: Diagnostic[]) => ds.some((d) => d.code === 'claim.no-counter-source' && (d.data as { key?: string }).key === KEY);

const russianStateArticle = [
  '---',
  'title: "Kazakhstan looks east and west"',
  'outlet: TASS',
  'date: 2022-07-01',
  'perspective: russian-state',
  'language: en',
  '---',
  '',
  'Experts say that [Kazakhstan is turning towards China and the West]{claim=kazakhstan-turn-to-china-and-west stance=reports}.',
  '',
].join('\n');

test('the open note is flagged: only ukrainian outlets carry the claim', async () => {
  const diagnostics = await session.waitForDiagnostics(CHANNEL24, (ds, p) => p.version === 1 && flagged(ds));
  const warning = diagnostics.find((d) => (d.data as { key?: string }).key === KEY)!;
  assert.match(warning.message, /ukrainian/);
});

test('a russian-state article created on disk clears the warning in the open note; deleting it brings it back', async () => {
  let mark = session.mark();
  await session.notifyFiles([session.writeFile(TASS, russianStateArticle)]);
  await session.waitForDiagnostics(CHANNEL24, (ds, p) => p.version === 1 && !flagged(ds), undefined, mark);
  // The new article itself has a counter-source (the ukrainian notes) and no other problem.
  const own = await session.waitForDiagnostics(TASS, () => true, undefined, mark);
  assert.deepEqual(own.map((d) => `${d.code}: ${d.message}`), []);
  // The CCD note, never opened, is re-published too.
  await session.waitForDiagnostics('articles/ccd-kazakhstan-new-course.md', (ds) => !flagged(ds), undefined, mark);

  mark = session.mark();
  await session.notifyFiles([session.removeFile(TASS)]);
  await session.waitForDiagnostics(CHANNEL24, (ds) => flagged(ds), undefined, mark);
  await session.waitForDiagnostics(TASS, (ds) => ds.length === 0, undefined, mark);
  await session.waitForDiagnostics('articles/ccd-kazakhstan-new-course.md', (ds) => flagged(ds), undefined, mark);
});

test('an edit in another open note (other perspective) clears the warning live; undoing it brings it back', async () => {
  await session.open(HIZB);
  const original = session.textOf(HIZB);
  const end = positionAt(original, original.length);
  let mark = session.mark();
  await session.change(HIZB, [{ range: { start: end, end }, text: `\n[Kazakhstan is turning to China and the West]{claim=${KEY} stance=reports}\n` }]);
  await session.waitForDiagnostics(CHANNEL24, (ds, p) => p.version === 1 && !flagged(ds), undefined, mark);
  assert.ok(!session.diagnosticsOf(HIZB)!.some((d) => (d.data as { key?: string } | undefined)?.key === KEY), 'the Hizb ut Tahrir claim has its counter-sources');

  mark = session.mark();
  await session.change(HIZB, original);
  await session.waitForDiagnostics(CHANNEL24, (ds) => flagged(ds), undefined, mark);

  // Edit again and close without saving: the file on disk is the truth again, so the warning returns.
  mark = session.mark();
  await session.change(HIZB, `${original}\n[China and the West]{claim=${KEY} stance=reports}\n`);
  await session.waitForDiagnostics(CHANNEL24, (ds) => !flagged(ds), undefined, mark);
  mark = session.mark();
  await session.close(HIZB);
  await session.waitForDiagnostics(CHANNEL24, (ds) => flagged(ds), undefined, mark);
});

test('closing and reopening a dirty document at once (a language mode change) keeps the editor\'s text, not the disk\'s', async () => {
  await session.open(HIZB);
  const unsaved = `${session.textOf(HIZB)}\nSee [[nobody-at-all]].\n`;
  const version = await session.change(HIZB, unsaved);
  await session.waitForDiagnostics(HIZB, (ds, p) => p.version === version && ds.some((d) => d.code === 'actor.unknown'));

  const mark = session.mark();
  await Promise.all([session.close(HIZB), session.open(HIZB, unsaved)]);
  // A file event read from disk after the close's own read of the disk: once its note is published, that read is done too.
  await session.notifyFiles([session.writeFile('articles/sentinel.md', '---\ntitle: Sentinel\noutlet: Sentinel\nperspective: other\n---\n\nNothing.\n')]);
  await session.waitForDiagnostics('articles/sentinel.md', () => true, undefined, mark);
  const latest = session.publicationOf(HIZB)!;
  assert.ok(latest.seq > mark);
  assert.ok(latest.diagnostics.some((d) => d.code === 'actor.unknown'), 'the unsaved [[nobody-at-all]] is still reported');
  const hover = await session.request('textDocument/hover', { textDocument: { uri: session.uri(HIZB) }, position: positionAt(unsaved, unsaved.indexOf('nobody-at-all') + 2) });
  assert.ok(hover, 'the unsaved link is still known to the server');
});
