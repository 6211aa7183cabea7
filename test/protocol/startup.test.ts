// Start-up through the protocol: progress, the index status notification, and diagnostics for notes nobody opened.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { bodyStart, startServer, type LspSession } from '../helpers/lspClient';

let session: LspSession;
before(async () => {
  session = await startServer();
});
after(async () => {
  await session?.shutdown();
});

test('initialize declares the capabilities the client relies on', () => {
  const capabilities = session.initializeResult!.capabilities;
  assert.equal(session.initializeResult!.serverInfo?.name, 'counterpoint-ls');
  assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  assert.equal(capabilities.hoverProvider, true);
  assert.equal(capabilities.referencesProvider, true);
  assert.ok(capabilities.codeActionProvider, 'code actions');
  assert.equal((capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
});

test('indexing reports work-done progress (begin, then end) and counterpoint/indexStatus ready with every note', async () => {
  const ready = await session.waitForIndexReady();
  const notes = session.noteFiles();
  assert.ok(notes.length >= 50, `the samples hold ${notes.length} notes`);
  assert.equal(ready.notes, notes.length, `indexStatus.notes = ${ready.notes}, but the workspace holds ${notes.length} .md files`);
  const actorFiles = notes.filter((file) => file.startsWith('actors/'));
  assert.equal(ready.actors, actorFiles.length, 'one actor per actor note');
  assert.ok(ready.claims >= 20, `claim keys: ${ready.claims}`);

  const indexing = session.indexStatuses.find((s) => s.state === 'indexing');
  assert.ok(indexing && indexing.seq < ready.seq, 'an `indexing` status precedes `ready`');

  assert.equal(session.progressCreated.length, 1, 'the server asked for one progress token (window/workDoneProgress/create)');
  const token = session.progressCreated[0].token;
  const events = session.progress.filter((p) => p.token === token);
  const begin = events.find((p) => p.value.kind === 'begin');
  const end = events.find((p) => p.value.kind === 'end');
  assert.ok(begin, 'a begin event for the created token');
  assert.match(begin.value.title ?? '', /index/i);
  assert.ok(end, 'an end event for the created token');
  assert.ok(session.progressCreated[0].seq < begin.seq && begin.seq < end.seq, 'create, begin, end in that order');
  assert.ok(end.seq < ready.seq, 'progress ends before the index is reported ready');
  const reports = events.filter((p) => p.value.kind === 'report');
  assert.ok(reports.every((p) => begin.seq < p.seq && p.seq < end.seq), 'reports only between begin and end');
  assert.deepEqual(session.progress.filter((p) => p.token !== token), [], 'no progress on tokens the client never created');
});

/** The keys of claims a note carries, with each key's outlet and perspective, read from the files directly. */
function claimsOnDisk(): { file: string; key: string; outlet: string; perspective: string; disputes: boolean; exempt: boolean }[] {
  const claims = [];
  for (const file of session.noteFiles().filter((f) => f.startsWith('articles/'))) {
    const text = session.readFile(file);
    const frontmatter = text.slice(0, bodyStart(text));
    const field = (name: string) => new RegExp(`^${name}:\\s*"?([^"\\r\\n]*)"?\\s*$`, 'm').exec(frontmatter)?.[1].trim() ?? '';
    for (const match of text.slice(bodyStart(text)).matchAll(/\]\{([^}\r\n]*)\}/g)) {
      const key = /(?:^|\s)claim=([^\s}]+)/.exec(match[1])?.[1];
      if (!key) continue;
      claims.push({
        file,
        key,
        outlet: field('outlet'),
        perspective: field('perspective'),
        disputes: /(?:^|\s)stance=disputes(?:\s|$)/.test(match[1]),
        exempt: /(?:^|\s)\.single-source(?:\s|$)/.test(match[1]) || /(?:^|\s)counter=/.test(match[1]),
      });
    }
  }
  return claims;
}

/** The counter-source rule, computed independently: per article, the keys that should be flagged. */
function expectedFlaggedKeys(): Map<string, string[]> {
  const claims = claimsOnDisk();
  const flagged = new Map<string, string[]>();
  for (const claim of claims) {
    if (claim.exempt) continue;
    const hasCounter = claims.some((other) => other.key === claim.key && other.outlet !== claim.outlet &&
      (other.perspective !== claim.perspective || other.disputes !== claim.disputes));
    if (!hasCounter) flagged.set(claim.file, [...(flagged.get(claim.file) ?? []), claim.key].sort());
  }
  return flagged;
}

test('claim.no-counter-source is published for every article, none of them opened, exactly where the rule says', async () => {
  const expected = expectedFlaggedKeys();
  assert.ok(expected.size >= 4, 'the samples have flagged claims in several articles');
  assert.ok(expected.get('articles/insight-news-tokaev-double-play.md')?.includes('declaration-not-binding'));
  for (const file of session.noteFiles().filter((f) => f.startsWith('articles/'))) {
    const latest = await session.waitForDiagnostics(file, () => true);
    // The first publication is already complete: nothing is published from a half-read workspace.
    const first = session.publications.find((p) => p.uri === session.uri(file))!;
    for (const diagnostics of [first.diagnostics, latest]) {
      const flagged = diagnostics.filter((d) => d.code === 'claim.no-counter-source');
      const keys = flagged.map((d) => (d.data as { key: string }).key).sort();
      assert.deepEqual(keys, expected.get(file) ?? [], `flagged keys of ${file}`);
      for (const d of flagged) assertWarningOnKey(file, d);
    }
  }
  // Keys shared with another perspective (the `other` Hizb ut Tahrir note) or disputed there are not flagged anywhere.
  for (const [, diagnostics] of session.allDiagnostics()) {
    const keys = diagnostics.filter((d) => d.code === 'claim.no-counter-source').map((d) => (d.data as { key: string }).key);
    for (const key of ['no-recognition-dpr-lpr', 'kazakhstan-complies-with-sanctions', 'kazakhstan-distancing-from-russia']) {
      assert.ok(!keys.includes(key), `${key} has a counter-source`);
    }
  }
});

function assertWarningOnKey(file: string, d: Diagnostic): void {
  const key = (d.data as { key: string }).key;
  const line = session.readFile(file).split(/\r?\n/)[d.range.start.line];
  assert.equal(line.slice(d.range.start.character, d.range.end.character), key, `${file}: the range covers the claim= value`);
  assert.equal(d.severity, 2, 'a warning (counterpoint.yaml sets it)');
  assert.equal(d.source, 'counterpoint');
  assert.match(d.message, new RegExp(key));
}

test('the samples are clean apart from the counter-source warnings and the claimant notices, and the server logged no error', async () => {
  const notes = session.noteFiles();
  await session.waitFor('diagnostics for every note', () => notes.every((file) => session.publicationOf(file)));
  for (const [uri, diagnostics] of session.allDiagnostics()) {
    // Hints (severity 4) are suggestions for what to annotate next, not problems. The samples attribute some keys
    // (analysts' assessments) to several claimants, which claim.claimant-mismatch points out.
    const others = diagnostics.filter((d) => d.code !== 'claim.no-counter-source' && d.code !== 'claim.claimant-mismatch' && d.severity !== 4);
    assert.deepEqual(others.map((d) => `${d.code}: ${d.message}`), [], `unexpected diagnostics in ${session.relative(uri)}`);
  }
  assert.deepEqual(session.logMessages.filter((m) => m.type === 1).map((m) => m.message), [], 'no error logged');
  session.assertHealthy();
});
