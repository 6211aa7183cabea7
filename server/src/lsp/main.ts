// Entry point of counterpoint-ls: an LSP server over stdio (`--stdio`) or Node IPC (`--node-ipc`).
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { pieceworkJsonEncoder } from './jsonEncoding';
import { CounterpointServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write('counterpoint-ls 0.1.0\n');
  process.exit(0);
}
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: counterpoint-ls [--stdio | --node-ipc]\nThe Counterpoint language server; speaks LSP over stdio by default.\n');
  process.exit(0);
}
if (!process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
// Over stdio (every editor, VS Code included), long answers are written in pieces: see jsonEncoding.ts.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: pieceworkJsonEncoder }))
  : createConnection(ProposedFeatures.all);

// stdout carries the protocol: anything logged goes to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

const server = new CounterpointServer(connection);
server.listen();
if (stdio) {
  // Given a reader of its own, the library no longer ends the server when the editor closes stdin: it is done here.
  const end = () => process.exit(server.shutdownRequested ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
}
