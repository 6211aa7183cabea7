// A folder added to the editor's workspace after start-up is indexed as a workspace of its own; a folder removed takes its notes and their diagnostics away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWorkspaceFoldersNotification, type Location } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lspClient';
import { articleNote } from '../helpers/workspace';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';

let session: LspSession;
let second: string;
let secondUri: string;
let extraUri: string;

before(async () => {
  session = await startServer();
  second = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-second-folder-')));
  fs.mkdirSync(path.join(second, 'articles'));
  fs.writeFileSync(path.join(second, 'counterpoint.yaml'), 'articles: [articles]\n');
  fs.writeFileSync(path.join(second, 'articles', 'extra.md'), articleNote({ outlet: 'Second Folder Times', perspective: 'western' },
    'Tokayev spoke to [[nobody-known]] in the second folder.'));
  secondUri = pathToFileURL(second).href;
  extraUri = pathToFileURL(path.join(second, 'articles', 'extra.md')).href;
});

after(async () => {
  await session?.shutdown();
  if (second) fs.rmSync(second, { recursive: true, force: true });
});

async function referencesOfTokayev(): Promise<string[]> {
  const text = session.readFile(CHANNEL24);
  const offset = text.indexOf('He noted that Tokayev') + 'He noted that '.length + 2;
  const locations = await session.request<Location[]>('textDocument/references', {
    textDocument: { uri: session.uri(CHANNEL24) },
    position: session.positionIn(CHANNEL24, offset),
    context: { includeDeclaration: false },
  });
  return [...new Set(locations.map((l) => l.uri))];
}

async function changeFolders(added: string[], removed: string[]): Promise<void> {
  const mark = session.mark();
  await session.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
    event: { added: added.map((uri) => ({ uri, name: path.basename(uri) })), removed: removed.map((uri) => ({ uri, name: path.basename(uri) })) },
  });
  await session.waitForIndexReady(mark);
}

test('the server asks for workspace folder changes', () => {
  assert.deepEqual(session.initializeResult?.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
});

test('a folder added after start-up is indexed as its own workspace: its note gets diagnostics, its mentions stay its own', async () => {
  assert.ok(!(await referencesOfTokayev()).includes(extraUri));
  await changeFolders([secondUri], []);
  assert.ok(!(await referencesOfTokayev()).includes(extraUri), 'the other workspace\'s "Tokayev" is not a mention of this one\'s actor');
  const diagnostics = await session.waitFor('diagnostics of the new folder\'s note', () => {
    const published = session.diagnosticsOf(extraUri);
    return published && published.length > 0 && published;
  });
  assert.deepEqual(diagnostics.map((d) => d.code), ['actor.unknown']);
  assert.ok((await referencesOfTokayev()).includes(session.uri(CHANNEL24)), 'the first folder is still indexed');
});

test('a folder removed takes its notes away, and withdraws their diagnostics', async () => {
  await changeFolders([], [secondUri]);
  assert.ok(!(await referencesOfTokayev()).includes(extraUri));
  await session.waitFor('the removed note\'s diagnostics withdrawn', () => session.diagnosticsOf(extraUri)?.length === 0);
  assert.ok((await referencesOfTokayev()).length > 1, 'the first folder is still indexed');
});
