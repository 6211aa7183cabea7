// Entry point of counterpoint-ls: an LSP server over stdio (`--stdio`) or Node IPC (`--node-ipc`).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { CounterpointServer } from './server';
import { COUNTERPOINT_VERSION } from '../../../shared/src/version';

if (process.argv.includes('--version')) {
  process.stdout.write(`counterpoint-ls ${COUNTERPOINT_VERSION}\n`);
  process.exit(0);
}
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: counterpoint-ls [--stdio | --node-ipc]\nThe Counterpoint language server; speaks LSP over stdio by default.\n');
  process.exit(0);
}
if (!process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
const connection = createConnection(ProposedFeatures.all);

// stdout carries the protocol: anything logged goes to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

new CounterpointServer(connection).listen();
