// The server's life over stdio: it ends when the editor closes its stdin, cleanly when it was asked to shut down first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_PATH } from '../helpers/lspClient';

function start(): ChildProcess {
  return spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
}

function exitCodeOf(child: ChildProcess, timeoutMs = 5000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not end within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test('closing stdin without a shutdown ends the server with exit code 1', async () => {
  const child = start();
  const exited = exitCodeOf(child);
  child.stdin!.end();
  assert.equal(await exited, 1);
});

test('closing stdin after a shutdown request ends the server with exit code 0', async () => {
  const child = start();
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await connection.sendRequest('shutdown');
  const exited = exitCodeOf(child);
  connection.dispose();
  child.stdin!.end();
  assert.equal(await exited, 0);
});
