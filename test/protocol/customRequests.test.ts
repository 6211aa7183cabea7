// The custom requests of protocol.ts: counterpoint/claimMatrix and counterpoint/reindex.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ClaimMatrixRequest, ReindexRequest, type ClaimMatrix, type ReindexResult } from '../../shared/src/protocol';
import { bodyStart, startServer, type LspSession } from '../helpers/lspClient';

let session: LspSession;
before(async () => {
  session = await startServer();
});
after(async () => {
  await session?.shutdown();
});

/** Outlet, perspective and claim keys of each article, read from the files. */
function articlesOnDisk(): { file: string; outlet: string; perspective: string; keys: string[] }[] {
  return session.noteFiles().filter((f) => f.startsWith('articles/')).map((file) => {
    const text = session.readFile(file);
    const frontmatter = text.slice(0, bodyStart(text));
    const field = (name: string) => new RegExp(`^${name}:\\s*"?([^"\\r\\n]*)"?\\s*$`, 'm').exec(frontmatter)?.[1].trim() ?? '';
    const keys = [...text.slice(bodyStart(text)).matchAll(/\]\{[^}\r\n]*?(?<=[\s{])claim=([^\s}]+)/g)].map((m) => m[1]);
    return { file, outlet: field('outlet'), perspective: field('perspective'), keys };
  });
}

test('counterpoint/claimMatrix: every claim key, outlets grouped by perspective, the SPIEF statement in 4 outlets', async () => {
  const matrix = await session.request<ClaimMatrix>(ClaimMatrixRequest.method);
  const articles = articlesOnDisk();

  const keys = [...new Set(articles.flatMap((a) => a.keys))].sort();
  assert.deepEqual(matrix.rows.map((r) => r.key).sort(), keys, 'one row per claim key');
  assert.deepEqual(matrix.perspectives, [
    { perspective: 'ukrainian', outlets: articles.filter((a) => a.perspective === 'ukrainian').map((a) => a.outlet).sort((a, b) => a.localeCompare(b)) },
    { perspective: 'other', outlets: ['Central Media Office of Hizb ut Tahrir'] },
  ]);

  const spief = matrix.rows.find((r) => r.key === 'no-recognition-dpr-lpr');
  assert.ok(spief, 'the SPIEF non-recognition statement');
  const carriers = articles.filter((a) => a.keys.includes('no-recognition-dpr-lpr'));
  assert.equal(carriers.length, 4);
  assert.deepEqual(spief.cells.map((c) => c.outlet).sort(), carriers.map((a) => a.outlet).sort());
  assert.ok(!spief.cells.some((c) => c.outlet === 'Insight News Media'));
  assert.deepEqual(spief.claimants, ['Kassym-Jomart Tokayev']);
  assert.equal(spief.hasCounterSource, true);
  assert.deepEqual(Object.fromEntries(spief.cells.map((c) => [c.outlet, c.stance])), {
    'Center for Countering Disinformation': 'reports',
    'Channel 24': 'asserts/reports',
    'Central Media Office of Hizb ut Tahrir': 'reports',
    'World Today News': 'reports',
  });
  for (const cell of spief.cells) {
    const line = session.readFile(cell.uri).split(/\r?\n/)[cell.line];
    assert.match(line, /claim=no-recognition-dpr-lpr\b/, `${session.relative(cell.uri)}:${cell.line} is the outlet's first occurrence`);
  }

  const distancing = matrix.rows.find((r) => r.key === 'kazakhstan-distancing-from-russia')!;
  assert.equal(distancing.cells.find((c) => c.outlet === 'Central Media Office of Hizb ut Tahrir')?.stance, 'disputes');
  assert.equal(distancing.hasCounterSource, true);
  assert.equal(matrix.rows.find((r) => r.key === 'declaration-not-binding')?.hasCounterSource, false);

  assert.match(matrix.markdown, /^# Claim matrix/);
  for (const row of matrix.rows) {
    assert.ok(matrix.markdown.includes(`${row.hasCounterSource ? '| ' : '⚠ '}\`${row.key}\``), `markdown row for ${row.key}`);
  }
  assert.doesNotMatch(matrix.markdown, /\]\(/, 'no links in the matrix');
});

test('counterpoint/reindex reads the disk again: it returns the note count, including a file the server was never told about', async () => {
  const count = session.noteFiles().length;
  const first = await session.request<ReindexResult>(ReindexRequest.method);
  assert.equal(first.notes, count);
  assert.ok(Number.isFinite(first.milliseconds) && first.milliseconds >= 0);

  session.writeFile('articles/unannounced.md', '---\ntitle: Unannounced\noutlet: Nobody\n---\n\nA [claim nobody else carries]{claim=unannounced-claim}.\n');
  const mark = session.mark();
  const second = await session.request<ReindexResult>(ReindexRequest.method);
  assert.equal(second.notes, count + 1);
  const status = await session.waitForIndexReady(mark);
  assert.equal(status.notes, count + 1);
  const diagnostics = await session.waitForDiagnostics('articles/unannounced.md', () => true, undefined, status.seq);
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['article.missing-field', 'claim.no-counter-source']);
  const matrix = await session.request<ClaimMatrix>(ClaimMatrixRequest.method);
  assert.ok(matrix.rows.some((r) => r.key === 'unannounced-claim'));
});
