// Workspaces found where users keep them: notes in a subfolder of the editor's folder (with their own
// counterpoint.yaml), two such roots side by side, an editor folder below a root, and a note opened from elsewhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { ClaimMatrixRequest, type ClaimMatrix } from '../../shared/src/protocol';
import { startServer, type LspSession } from '../helpers/lspClient';
import { articleNote } from '../helpers/workspace';

const KZ = 'research/kazakhstan';
const OTHER = 'research/other';
const CHANNEL24 = `${KZ}/articles/channel24-tokayev-distances-himself.md`;
const CCD = `${KZ}/articles/ccd-kazakhstan-new-course.md`;
const OTHER_ARTICLE = `${OTHER}/articles/elsewhere.md`;
const README_NOTE = 'README.md';

/** The samples moved into research/kazakhstan/, a second workspace beside them, and a repository README with Counterpoint markup. */
function repositoryLayout(root: string): void {
  const kz = path.join(root, KZ);
  fs.mkdirSync(kz, { recursive: true });
  for (const entry of fs.readdirSync(root)) if (entry !== 'research') fs.renameSync(path.join(root, entry), path.join(kz, entry));
  fs.writeFileSync(path.join(root, README_NOTE), '# Research notes\n\nSee [[tokayev]] and [a claim]{claim=x by=nobody}.\n');
  fs.mkdirSync(path.join(root, OTHER, 'articles'), { recursive: true });
  fs.writeFileSync(path.join(root, OTHER, 'counterpoint.yaml'), 'articles: [articles]\nperspectives: [russian-state, ukrainian]\n');
  // The same claim key as a single-source claim of the first workspace, from another perspective: it must not count there.
  fs.writeFileSync(path.join(root, OTHER_ARTICLE), articleNote({ outlet: 'TASS', perspective: 'russian-state' },
    'Here [[tokayev]] is nobody known, and [TV hosts promote hatred]{claim=russian-tv-promotes-ethnic-hatred}.'));
}

function codes(diagnostics: { code?: unknown }[] | undefined): string[] {
  return (diagnostics ?? []).map((d) => String(d.code));
}

async function hoverText(session: LspSession, file: string, phrase: string, into = 2): Promise<string | undefined> {
  const text = session.readFile(file);
  const offset = text.indexOf(phrase);
  assert.ok(offset >= 0, `${phrase} in ${file}`);
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uri(file) }, position: session.positionIn(file, offset + into) });
  return (hover?.contents as MarkupContent | undefined)?.value;
}

let session: LspSession;

before(async () => {
  session = await startServer({ prepare: repositoryLayout });
});

after(async () => {
  await session?.shutdown();
});

test('notes in a subfolder with their own counterpoint.yaml are a workspace: no false unknown actors, hover and definition work', async () => {
  const diagnostics = await session.waitForDiagnostics(CHANNEL24, () => true);
  assert.ok(!codes(diagnostics).includes('actor.unknown'), codes(diagnostics).join(', '));
  assert.match((await hoverText(session, CHANNEL24, "Tokayev's first visit")) ?? '', /Kassym-Jomart Tokayev/);
  const text = session.readFile(CHANNEL24);
  const offset = text.indexOf('[[tokayev') + 3;
  const definition = await session.request<Location[] | Location | null>('textDocument/definition', { textDocument: { uri: session.uri(CHANNEL24) }, position: session.positionIn(CHANNEL24, offset) });
  const targets = (Array.isArray(definition) ? definition : definition ? [definition] : []).map((l) => session.relative(l.uri));
  assert.deepEqual(targets, [`${KZ}/actors/tokayev.md`]);
});

test('each workspace is indexed on its own: a claim or an actor in one does not count in the other', async () => {
  const ccd = await session.waitForDiagnostics(CCD, (ds) => ds.some((d) => d.code === 'claim.no-counter-source'));
  assert.ok(ccd.some((d) => d.code === 'claim.no-counter-source' && d.message.includes('russian-tv-promotes-ethnic-hatred')),
    'the other workspace\'s russian-state article is no counter-source here');
  const other = await session.waitForDiagnostics(OTHER_ARTICLE, (ds) => ds.length > 0);
  assert.ok(codes(other).includes('actor.unknown'), 'the other workspace has no actor tokayev');
  const ready = session.indexStatuses.filter((s) => s.state === 'ready').at(-1)!;
  assert.equal(ready.notes, session.noteFiles().filter((f) => f.startsWith('research/')).length, 'every note of both workspaces, and no README of the repository');
});

test('the claim matrix is the one of the workspace holding the note asked about', async () => {
  const other = await session.request<ClaimMatrix>(ClaimMatrixRequest.method, { uri: session.uri(OTHER_ARTICLE) });
  assert.deepEqual(other.rows.map((row) => row.key), ['russian-tv-promotes-ethnic-hatred']);
  const kazakhstan = await session.request<ClaimMatrix>(ClaimMatrixRequest.method, { uri: session.uri(CHANNEL24) });
  assert.ok(kazakhstan.rows.length > 10, `${kazakhstan.rows.length} rows`);
  assert.ok(!kazakhstan.rows.some((row) => row.cells.some((cell) => cell.outlet === 'TASS' && row.key === 'russian-tv-promotes-ethnic-hatred')));
});

test('a markdown file outside every workspace gets no diagnostics and no hover, open or not', async () => {
  assert.equal(session.diagnosticsOf(README_NOTE), undefined);
  const mark = session.mark();
  await session.open(README_NOTE);
  await session.notifyFiles([session.writeFile(`${KZ}/articles/after-readme.md`, 'Tokayev again.\n')]);
  await session.waitForDiagnostics(`${KZ}/articles/after-readme.md`, () => true, undefined, mark);
  assert.ok(!(session.diagnosticsOf(README_NOTE) ?? []).length);
  assert.equal(await hoverText(session, README_NOTE, '[[tokayev'), undefined);
  await session.close(README_NOTE);
});

test('an editor folder below the workspace (the notes\' articles/ folder): the workspace above it is indexed', async () => {
  const below = await startServer({ prepare: repositoryLayout, folders: [`${KZ}/articles`] });
  try {
    const diagnostics = await below.waitForDiagnostics(CHANNEL24, () => true);
    assert.ok(!codes(diagnostics).includes('actor.unknown'), codes(diagnostics).join(', '));
    assert.match((await hoverText(below, CHANNEL24, "Tokayev's first visit")) ?? '', /Kassym-Jomart Tokayev/);
    assert.equal(below.diagnosticsOf(OTHER_ARTICLE), undefined, 'a workspace beside it is not searched');
  } finally {
    await below.shutdown();
  }
});

test('a note opened from outside the editor\'s folders: the workspace above it is found and indexed', async () => {
  const elsewhere = await startServer({ prepare: repositoryLayout, folders: [OTHER] });
  try {
    assert.equal(elsewhere.diagnosticsOf(CHANNEL24), undefined);
    const mark = elsewhere.mark();
    await elsewhere.open(CHANNEL24);
    await elsewhere.waitForIndexReady(mark);
    const diagnostics = await elsewhere.waitForDiagnostics(CHANNEL24, () => true, undefined, mark);
    assert.ok(!codes(diagnostics).includes('actor.unknown'), codes(diagnostics).join(', '));
    assert.match((await hoverText(elsewhere, CHANNEL24, "Tokayev's first visit")) ?? '', /Kassym-Jomart Tokayev/);
  } finally {
    await elsewhere.shutdown();
  }
});
