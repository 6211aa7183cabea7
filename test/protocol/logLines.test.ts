// The log (VS Code's Counterpoint output channel): every line says when, and which version of the server wrote it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, startServer } from '../helpers/lspClient';

test('each log line starts with the time and the server version; the first names the editor folders', async () => {
  const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
  const session = await startServer();
  try {
    const lines = session.logMessages.map((m) => m.message);
    assert.ok(lines.length >= 2, lines.join('\n'));
    const stamp = new RegExp(`^\\[\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ${version.replace(/\./g, '\\.')}\\] `);
    for (const line of lines) assert.match(line, stamp);
    assert.match(lines[0], new RegExp(`counterpoint-ls ${version.replace(/\./g, '\\.')} on Node .*editor folders: ${session.root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.equal(session.initializeResult?.serverInfo?.version, version);
  } finally {
    await session.shutdown();
  }
});
