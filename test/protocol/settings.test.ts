// Settings pulled with workspace/configuration (the client declares it here) and changed with didChangeConfiguration.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { offsetOf, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const INSIGHT = 'articles/insight-news-tokaev-double-play.md';

let session: LspSession;
before(async () => {
  session = await startServer({ configuration: { rules: { 'claim.no-counter-source': 'information' }, hover: { maxSources: 2 } } });
});
after(async () => {
  await session?.shutdown();
});

test('the server pulls the counterpoint section and applies it over counterpoint.yaml', async () => {
  assert.ok(session.configurationRequests.length >= 1, 'workspace/configuration was requested');
  assert.deepEqual((session.configurationRequests[0] as { items: { section?: string }[] }).items.map((i) => i.section), ['counterpoint']);
  const diagnostics = await session.waitForDiagnostics(INSIGHT, (ds) => ds.some((d) => d.code === 'claim.no-counter-source'));
  const severities = new Set(diagnostics.filter((d) => d.code === 'claim.no-counter-source').map((d) => d.severity));
  assert.deepEqual([...severities], [3], 'information, as the settings say (counterpoint.yaml says warning)');

  const text = session.readFile(CHANNEL24);
  const hover = await session.request<Hover>('textDocument/hover', {
    textDocument: { uri: session.uri(CHANNEL24) },
    position: session.positionIn(CHANNEL24, offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length + 1),
  });
  const markdown = (hover.contents as MarkupContent).value;
  assert.equal((markdown.match(/^- \[/gm) ?? []).length, 2, 'hover.maxSources = 2 sources listed');
  assert.match(markdown, /more sources/);
});

test('didChangeConfiguration makes the server pull again: a rule set to off drops its diagnostics everywhere', async () => {
  const mark = session.mark();
  const pulls = session.configurationRequests.length;
  await session.configurationChanged({ rules: { 'claim.no-counter-source': 'off' } });
  // Only what is published once the re-index is ready counts (the server may clear every note while it re-indexes).
  const ready = await session.waitForIndexReady(mark);
  assert.equal(session.configurationRequests.length, pulls + 1);
  for (const file of session.noteFiles().filter((f) => f.startsWith('articles/'))) {
    const diagnostics = await session.waitForDiagnostics(file, () => true, undefined, ready.seq);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'claim.no-counter-source'), [], file);
  }
  assert.ok(session.publicationOf('articles/insight-news-tokaev-double-play.md')!.diagnostics.filter((d) => d.severity !== 4 && d.code !== 'claim.claimant-mismatch').length === 0);
});
