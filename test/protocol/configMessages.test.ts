// A counterpoint.yaml with many problems: one message for all of them (not one popup each), not repeated at every
// reindex; each problem in the Problems view; folders pointing outside the workspace refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReindexRequest } from '../../shared/src/protocol';
import { startServer } from '../helpers/lspClient';

test('500 unknown keys and 16,000 unknown rule codes: one message at start, none again at a reindex, every problem in the Problems view', async () => {
  const keys = Array.from({ length: 500 }, (_, i) => `unknown-key-${i}: 1`);
  const rules = Array.from({ length: 16_000 }, (_, i) => `  made.up-${i}: error`);
  const session = await startServer({
    prepare: (root) => fs.writeFileSync(path.join(root, 'counterpoint.yaml'), ['articles: [articles]', ...keys, 'rules:', ...rules, ''].join('\n')),
  });
  try {
    const problems = await session.waitForDiagnostics('counterpoint.yaml', (ds) => ds.length > 0);
    assert.equal(problems.length, 16_500);
    assert.ok(problems.every((d) => d.code === 'config.invalid'));
    const configMessages = () => session.shownMessages.filter((m) => m.message.includes('counterpoint.yaml'));
    assert.equal(configMessages().length, 1, session.shownMessages.map((m) => m.message).join('\n'));
    assert.match(configMessages()[0].message, /16500 problems\..* And 16497 more: see the Problems view\./);
    const started = Date.now();
    await session.request(ReindexRequest, undefined);
    assert.ok(Date.now() - started < 5000, `reindex took ${Date.now() - started} ms`);
    assert.equal(configMessages().length, 1, 'the same problems are not shown again');
  } finally {
    await session.shutdown();
  }
});

test('folders outside the workspace in counterpoint.yaml are config.invalid, and the defaults apply', async () => {
  const session = await startServer({
    prepare: (root) => fs.writeFileSync(path.join(root, 'counterpoint.yaml'), 'articles: ["../esc/pwn", articles]\nactors: "/"\n__proto__:\n  rules:\n    claim.no-counter-source: "off"\n'),
  });
  try {
    const problems = await session.waitForDiagnostics('counterpoint.yaml', (ds) => ds.length > 0);
    assert.deepEqual(problems.map((d) => [d.code, d.range.start.line]), [['config.invalid', 0], ['config.invalid', 1], ['config.invalid', 2]]);
    assert.match(problems[0].message, /`articles` must be a folder inside the workspace/);
    assert.match(problems[2].message, /`__proto__` is not a setting/);
    // The defaults: articles/ holds the articles, and the rule under __proto__ did not switch the check off.
    await session.waitForDiagnostics('articles/insight-news-tokaev-double-play.md', (ds) => ds.some((d) => d.code === 'claim.no-counter-source'));
  } finally {
    await session.shutdown();
  }
});
