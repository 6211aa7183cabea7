import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatchMatrixMessage, matrixNoteUris } from '../../client/src/claimMatrixMessages';
import { buildClaimMatrix } from '../../server/src/render/claimMatrix';
import { articleNote, uriOf, workspaceOf } from '../helpers/workspace';

const CHANNEL_24 = uriOf('articles/channel24.md');
const TASS = uriOf('articles/tass.md');

function knownUris(): Set<string> {
  return matrixNoteUris(buildClaimMatrix(workspaceOf({
    'articles/channel24.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[A claim]{claim=a}.'),
    'articles/tass.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' }, '[A claim]{claim=a}.'),
    'articles/no-claims.md': articleNote({ outlet: 'Nobody', perspective: 'western' }, 'No claim here.'),
  })));
}

/** A fake opener that records what it was asked to open. */
function recorder() {
  const opened: [string, number][] = [];
  return { opened, open: (uri: string, line: number) => void opened.push([uri, line]) };
}

test('the notes the webview may open are those of the matrix\'s cells', () => {
  assert.deepEqual([...knownUris()].sort(), [CHANNEL_24, TASS]);
});

test('a valid open request opens the note at the line', async () => {
  const { opened, open } = recorder();
  const outcome = await dispatchMatrixMessage({ type: 'open', uri: TASS, line: 7 }, knownUris(), open);
  assert.deepEqual(outcome, { kind: 'opened', uri: TASS, line: 7 });
  assert.deepEqual(opened, [[TASS, 7]]);
});

test('a note that is not in the matrix is not opened, whatever it is', async () => {
  const { opened, open } = recorder();
  for (const uri of [uriOf('articles/no-claims.md'), 'file:///etc/passwd', 'command:workbench.action.quit', 'https://evil.example/', `${TASS}#x`, 42, undefined]) {
    const outcome = await dispatchMatrixMessage({ type: 'open', uri, line: 1 }, knownUris(), open);
    assert.equal(outcome.kind, 'rejected', String(uri));
  }
  assert.deepEqual(opened, []);
});

test('a line that is not a whole number of zero or more is rejected', async () => {
  const { opened, open } = recorder();
  for (const line of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, undefined, 2 ** 60]) {
    const outcome = await dispatchMatrixMessage({ type: 'open', uri: TASS, line }, knownUris(), open);
    assert.deepEqual(outcome, { kind: 'rejected', reason: 'the line is not a whole number of zero or more' }, String(line));
  }
  assert.deepEqual(opened, []);
});

test('messages of other types, and things that are not messages, are ignored', async () => {
  const { opened, open } = recorder();
  for (const message of [{ type: 'run', command: 'workbench.action.quit' }, { uri: TASS, line: 1 }, 'open', null, [TASS, 1], 7]) {
    const outcome = await dispatchMatrixMessage(message, knownUris(), open);
    assert.equal(outcome.kind, 'ignored', JSON.stringify(message));
  }
  assert.deepEqual(opened, []);
});

test('a failing opener surfaces its error to the caller', async () => {
  await assert.rejects(dispatchMatrixMessage({ type: 'open', uri: TASS, line: 0 }, knownUris(), () => Promise.reject(new Error('gone'))), /gone/);
});

test('the empty matrix\'s walkthrough button opens the walkthrough, and nothing else', async () => {
  const { opened, open } = recorder();
  let walkthroughs = 0;
  const outcome = await dispatchMatrixMessage({ type: 'walkthrough', uri: TASS, line: 1 }, knownUris(), open, () => void walkthroughs++);
  assert.deepEqual(outcome, { kind: 'walkthrough' });
  assert.equal(walkthroughs, 1);
  assert.deepEqual(opened, []);
});
