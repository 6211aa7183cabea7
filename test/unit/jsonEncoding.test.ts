// lsp/jsonEncoding.ts: long answers are written in pieces, and read back as exactly the same message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessage } from '../../server/src/lsp/jsonEncoding';

const location = (i: number) => ({ uri: `file:///ws/articles/n${i % 7}.md`, range: { start: { line: i, character: 0 }, end: { line: i, character: 7 } } });

test('a long result array is written in pieces that read back as the message, whatever the size of a piece', () => {
  for (const length of [0, 1, 2, 3, 10, 11, 1000]) {
    const message = { jsonrpc: '2.0', id: 42, result: Array.from({ length }, (_, i) => location(i)) };
    for (const perPiece of [1, 3, 10, 256]) {
      const bytes = encodeMessage(message, perPiece);
      assert.deepEqual(JSON.parse(bytes.toString('utf8')), message, `${length} elements, ${perPiece} a piece`);
      assert.equal(bytes.toString('utf8').length, JSON.stringify(message).length);
    }
  }
});

test('elements JSON leaves out or turns into null stay so, and text outside ASCII is UTF-8', () => {
  const message = { jsonrpc: '2.0', id: 'a-string-id', result: [undefined, null, 'Токаев “said”', { a: undefined, b: 1 }, () => 1, 'x'] };
  const bytes = encodeMessage(message, 2);
  assert.deepEqual(JSON.parse(bytes.toString('utf8')), JSON.parse(JSON.stringify(message)));
  assert.equal(Buffer.compare(bytes, Buffer.from(JSON.stringify(message), 'utf8')), 0, 'the same bytes as JSON.stringify');
});

test('notifications, requests, errors and short results come out exactly as JSON.stringify makes them', () => {
  const messages = [
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', diagnostics: Array.from({ length: 500 }, () => ({ message: 'm' })) } },
    { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [] } },
    { jsonrpc: '2.0', id: 2, error: { code: -32600, message: 'nope' } },
    { jsonrpc: '2.0', id: 3, result: null },
    { jsonrpc: '2.0', id: 4, result: [1, 2, 3] },
  ];
  for (const message of messages) assert.equal(encodeMessage(message, 2).toString('utf8'), JSON.stringify(message));
});
