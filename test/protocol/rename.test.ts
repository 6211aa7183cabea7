// Rename through the protocol: the WorkspaceEdit is applied to the files on disk, the server is told, and it agrees.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ErrorCodes, FileChangeType, ResponseError, type Location, type Range, type RenameFile, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { textAt } from '../helpers/edits';
import { offsetOf, proseOccurrences, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const OLD_ACTOR = 'actors/tokayev.md';
const NEW_ACTOR = 'actors/kassym-jomart-tokayev.md';
const NEW_ID = 'kassym-jomart-tokayev';

let session: LspSession;
before(async () => {
  session = await startServer();
});
after(async () => {
  await session?.shutdown();
});

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

test('prepareRename on plain prose is refused with a message', async () => {
  const text = session.readFile(CHANNEL24);
  const position = session.positionIn(CHANNEL24, offsetOf(text, 'The attitude of') + 6);
  await assert.rejects(
    session.request('textDocument/prepareRename', { textDocument: { uri: session.uri(CHANNEL24) }, position }),
    (error: unknown) => {
      assert.ok(error instanceof ResponseError, `a ResponseError, got ${String(error)}`);
      assert.equal(error.code, ErrorCodes.InvalidRequest);
      assert.match(error.message, /attitude/);
      assert.match(error.message, /prose|actor ids and claim keys/i);
      return true;
    },
  );
});

test('renaming tokayev to kassym-jomart-tokayev rewrites links and by= values, renames the file, and leaves no unknown actor', async () => {
  const text = session.readFile(CHANNEL24);
  const bare = proseOccurrences(text, 'Tokayev').find((at) => text.slice(at - 14, at) === 'He noted that ');
  assert.ok(bare !== undefined);
  const params = { textDocument: { uri: session.uri(CHANNEL24) }, position: session.positionIn(CHANNEL24, bare + 2) };

  const prepared = await session.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', params);
  assert.equal(prepared.placeholder, 'tokayev', 'the id is offered, whatever alias the cursor is on');
  assert.equal(textAt(text, prepared.range), 'Tokayev');

  const before = new Map(session.noteFiles().map((file) => [file, session.readFile(file)] as const));
  const linksBefore = [...before.values()].reduce((n, t) => n + count(t, '[[tokayev|') + count(t, '[[tokayev]]'), 0);
  const byBefore = [...before.values()].reduce((n, t) => n + count(t, 'by=tokayev ') + count(t, 'by=tokayev}'), 0);
  assert.ok(linksBefore >= 5 && byBefore >= 10, `links ${linksBefore}, by= ${byBefore}`);

  const edit = await session.request<WorkspaceEdit>('textDocument/rename', { ...params, newName: NEW_ID });
  const changes = edit.documentChanges ?? [];
  const renames = changes.filter((c): c is RenameFile => 'kind' in c && c.kind === 'rename');
  assert.deepEqual(renames.map((r) => [session.relative(r.oldUri), session.relative(r.newUri), r.options?.overwrite]), [[OLD_ACTOR, NEW_ACTOR, false]]);
  const textEdits = changes.filter((c): c is TextDocumentEdit => 'textDocument' in c);
  assert.ok(textEdits.length >= 5, 'edits in every article');
  for (const documentEdit of textEdits) assert.equal(documentEdit.textDocument.version, null, 'no document is open: versions are null');

  const mark = session.mark();
  const events = await session.applyWorkspaceEdit(edit);

  assert.ok(!session.exists(OLD_ACTOR), 'the old actor file is gone');
  assert.equal(session.readFile(NEW_ACTOR), before.get(OLD_ACTOR), 'the actor note moved unchanged (its id is its file name)');
  let linksAfter = 0;
  let byAfter = 0;
  for (const [file, original] of before) {
    if (file === OLD_ACTOR) continue;
    const now = session.readFile(file);
    assert.equal(count(now, '[[tokayev|') + count(now, '[[tokayev]]') + count(now, 'by=tokayev ') + count(now, 'by=tokayev}'), 0, `${file} still names the old id`);
    // Only identifiers changed: putting the old id back gives the original text (bare "Tokayev" prose is untouched).
    assert.equal(now.replaceAll(`[[${NEW_ID}`, '[[tokayev').replaceAll(`by=${NEW_ID}`, 'by=tokayev'), original, `${file}: nothing but ids rewritten`);
    linksAfter += count(now, `[[${NEW_ID}|`) + count(now, `[[${NEW_ID}]]`);
    byAfter += count(now, `by=${NEW_ID}`);
  }
  assert.equal(linksAfter, linksBefore, 'every link written as the id was rewritten');
  assert.equal(byAfter, byBefore, 'every by= value was rewritten');

  assert.deepEqual(
    events.map((e) => `${e.type}:${session.relative(e.uri)}`).filter((e) => e.includes('actors/')).sort(),
    [`${FileChangeType.Created}:${NEW_ACTOR}`, `${FileChangeType.Deleted}:${OLD_ACTOR}`],
  );
  await session.notifyFiles(events);

  // Every note is re-published (the actor registry changed) and, once the server has caught up, none has an unknown actor.
  const notes = session.noteFiles();
  await session.waitFor('every note re-published without actor.unknown', () => {
    for (const file of notes) {
      const publication = session.publicationOf(file);
      if (!publication || publication.seq <= mark) return false;
      if (publication.diagnostics.some((d) => d.code === 'actor.unknown')) return false;
    }
    const old = session.publicationOf(OLD_ACTOR);
    return old !== undefined && old.seq > mark && old.diagnostics.length === 0;
  });
  for (const [uri, diagnostics] of session.allDiagnostics()) {
    assert.deepEqual(diagnostics.filter((d) => d.code === 'actor.unknown').map((d) => d.message), [], session.relative(uri));
  }

  const definition = await session.request<Location[]>('textDocument/definition', params);
  assert.deepEqual(definition.map((l) => session.relative(l.uri)), [NEW_ACTOR], 'the bare alias now resolves to the renamed note');
});
