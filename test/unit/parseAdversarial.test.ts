// Hostile input: every note must be parsed, indexed and diagnosed in linear time.
//
// Sizes are chosen so that a quadratic algorithm would take minutes. Each case runs in a worker
// thread that is terminated after a generous deadline: a synchronous hang cannot be interrupted
// by node:test's own timeout, but a worker can. The deadline is a hang guard, not a benchmark:
// every case takes well under a second when the parse is linear.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

const DEADLINE_MS = 60_000;
const REGISTRY = resolve(__dirname, '../../server/src/rules/registry');

interface Summary {
  wikiLinks: number;
  claims: number;
  headings: number;
  mentions: number;
  codes: Record<string, number>;
}

const TOKAYEV = '---\nname: Kassym-Jomart Tokayev\naliases: [Tokayev]\n---\n';

/**
 * Parses `body` as an article (after a small frontmatter) in a workspace that has one actor,
 * Tokayev unless another actor note is given, and returns what was found. Rejects when the
 * worker is still busy at the deadline.
 */
function parseInWorker(body: string, actor = TOKAYEV): Promise<Summary> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { createWorkspace, noteDiagnostics } = require(workerData.registry);
    const workspace = createWorkspace(['file:///ws']);
    workspace.upsert('file:///ws/actors/tokayev.md', workerData.actor);
    const uri = 'file:///ws/articles/a.md';
    workspace.upsert(uri, '---\\ntitle: T\\noutlet: O\\nperspective: other\\n---\\n' + workerData.body);
    const note = workspace.getNote(uri);
    const codes = {};
    for (const d of noteDiagnostics(workspace, uri)) codes[d.code] = (codes[d.code] || 0) + 1;
    parentPort.postMessage({
      wikiLinks: note.wikiLinks.length,
      claims: note.claims.length,
      headings: note.headings.length,
      mentions: workspace.mentionsIn(uri).length,
      codes,
    });
  `;
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { registry: REGISTRY, body, actor } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`still parsing after ${DEADLINE_MS} ms: not linear`));
    }, DEADLINE_MS);
    worker.once('message', (summary: Summary) => {
      clearTimeout(timer);
      void worker.terminate();
      resolvePromise(summary);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function alternatingBackticks(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += '`'.repeat((i % 5) + 1) + 'x';
  return text;
}

describe('linear time on hostile input', { concurrency: 1 }, () => {
  test('200,000 [', async () => {
    const summary = await parseInWorker('['.repeat(200_000));
    assert.deepEqual([summary.wikiLinks, summary.claims], [0, 0]);
  });

  test('200,000 [[ with and without a ]] at the end', async () => {
    assert.equal((await parseInWorker('[['.repeat(200_000))).wikiLinks, 0);
    const closed = await parseInWorker('[['.repeat(200_000) + 'tokayev]]');
    assert.equal(closed.wikiLinks, 1);
    assert.equal(closed.mentions, 1);
  });

  test('100,000 nested brackets, then 100,000 claims closing them', async () => {
    assert.equal((await parseInWorker('['.repeat(100_000) + 'x' + ']'.repeat(100_000))).claims, 0);
    const claims = await parseInWorker('['.repeat(100_000) + 'Tokayev' + ']{claim=k}'.repeat(100_000));
    assert.equal(claims.claims, 100_000);
    assert.equal(claims.codes['claim.no-counter-source'], 100_000);
  });

  test('a 5 MB single line of words', async () => {
    const summary = await parseInWorker('Tokayev said nothing. '.repeat(230_000));
    assert.equal(summary.mentions, 230_000);
  });

  test('a 5 MB single line of one word', async () => {
    assert.equal((await parseInWorker('a'.repeat(5_000_000))).mentions, 0);
  });

  test('100,000 claims on one line', async () => {
    const summary = await parseInWorker('[Tokayev said]{claim=k by=tokayev} '.repeat(100_000));
    assert.equal(summary.claims, 100_000);
    assert.equal(summary.mentions, 200_000, 'a bare and a by= mention each');
  });

  test('30,000 claims of one key, one per line: the counter-source check is linear too', async () => {
    const summary = await parseInWorker('[Tokayev said]{claim=k}\n'.repeat(30_000));
    assert.equal(summary.claims, 30_000);
    assert.deepEqual(summary.codes, { 'claim.no-counter-source': 30_000 });
  });

  test('80,000 claims with different keys, one per line', async () => {
    const body = Array.from({ length: 80_000 }, (_, i) => `[X]{claim=k${i}}`).join('\n');
    const summary = await parseInWorker(body);
    assert.deepEqual(summary.codes, { 'claim.no-counter-source': 80_000 });
  });

  test('100,000 backticks in runs of alternating lengths', async () => {
    const summary = await parseInWorker(alternatingBackticks(100_000) + ' [[tokayev]]');
    assert.equal(summary.wikiLinks, 1);
  });

  test('<a: and <ab:x repeated', async () => {
    assert.equal((await parseInWorker('<a:'.repeat(300_000))).wikiLinks, 0);
    assert.equal((await parseInWorker('<ab:x'.repeat(200_000) + '>')).wikiLinks, 0);
    assert.equal((await parseInWorker('<!--'.repeat(200_000))).wikiLinks, 0);
  });

  test(']{claim= repeated without }', async () => {
    assert.equal((await parseInWorker(']{claim='.repeat(200_000))).claims, 0);
    const opened = await parseInWorker('[x]{claim='.repeat(200_000));
    assert.deepEqual(opened.codes, { 'claim.malformed': 1 });
  });

  test('Pandoc spans never closed: [x]{y repeated, then one }', async () => {
    assert.equal((await parseInWorker('[x]{y '.repeat(100_000))).claims, 0);
    assert.equal((await parseInWorker('[x]{a '.repeat(50_000) + '}')).claims, 0);
    assert.equal((await parseInWorker('[x]{a="'.repeat(100_000))).claims, 0);
  });

  test('an HTML comment never closed, over 200,000 lines of dashes', async () => {
    const summary = await parseInWorker('<!--\n' + '-\n'.repeat(200_000) + 'Tokayev');
    assert.equal(summary.mentions, 0);
  });

  test('100,000 lines of fences, headings and setext underlines', async () => {
    assert.equal((await parseInWorker('```\n'.repeat(100_001) + 'Tokayev')).mentions, 0, 'an odd number of fences leaves the end fenced');
    assert.equal((await parseInWorker('# Tokayev #\n'.repeat(100_000))).headings, 100_000);
    assert.equal((await parseInWorker('Tokayev\n===\n'.repeat(50_000))).headings, 50_000);
  });

  test('URLs and link destinations repeated', async () => {
    assert.equal((await parseInWorker('http://'.repeat(300_000))).mentions, 0);
    assert.equal((await parseInWorker('www.Tokayev '.repeat(200_000))).mentions, 0);
    assert.equal((await parseInWorker('[a]('.repeat(200_000))).claims, 0);
  });

  test('a million backslashes and a million hashes', async () => {
    assert.equal((await parseInWorker('\\'.repeat(1_000_000))).claims, 0);
    assert.equal((await parseInWorker('# ' + '# '.repeat(1_000_000))).headings, 1);
  });

  test('an actor note with 200,000 aliases, block and flow', async () => {
    const names = Array.from({ length: 200_000 }, (_, i) => `Alias${i}`);
    const block = `---\nname: Kassym-Jomart Tokayev\naliases:\n${names.map((n) => `  - ${n}`).join('\n')}\n---\n`;
    assert.equal((await parseInWorker('Alias199999 and Alias0 met.', block)).mentions, 2);
    const flow = `---\nname: Kassym-Jomart Tokayev\naliases: [${names.join(', ')}]\n---\n`;
    assert.equal((await parseInWorker('Alias199999 and Alias0 met.', flow)).mentions, 2);
  });

  test('an actor note whose frontmatter of 100,000 lines is never closed', async () => {
    const summary = await parseInWorker('', `---\n${'key: value\n'.repeat(100_000)}`);
    assert.equal(summary.mentions, 0);
  });
});
