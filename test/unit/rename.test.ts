import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { prepareRename, provideRename, type RenameRefusal } from '../../server/src/features/rename';
import { applyTextEdits, applyWorkspaceEdit, textAt } from '../helpers/edits';
import { actorNote, articleNote, joinLines, ROOT, tokayevWorkspace, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

function contextOf(workspace: Workspace, documentVersion: (uri: string) => number | null = () => null): FeatureContext {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion };
}

/** The workspace's files keyed by URI, as applyWorkspaceEdit takes them. */
function filesOf(workspace: Workspace): Record<string, string> {
  return Object.fromEntries([...workspace.notes()].map((note) => [note.uri, note.text]));
}

/** Back from URIs to workspace paths, to load the result as a workspace again. */
function pathsOf(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([uri, text]) => [decodeURIComponent(uri.slice(ROOT.length + 1)), text]));
}

function positionOf(workspace: Workspace, path: string, needle: string, shift = 1) {
  const note = workspace.getNote(uriOf(path))!;
  const offset = note.text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${path}`);
  return note.lines.positionAt(offset + shift);
}

function renameAt(workspace: Workspace, path: string, needle: string, newName: string, shift = 1, ctx = contextOf(workspace)): WorkspaceEdit {
  const result = provideRename(ctx, uriOf(path), positionOf(workspace, path, needle, shift), newName);
  assert.ok(!('error' in result), `rename refused: ${(result as RenameRefusal).error}`);
  return result;
}

function refusalAt(workspace: Workspace, path: string, needle: string, newName: string, shift = 1): string {
  const result = provideRename(contextOf(workspace), uriOf(path), positionOf(workspace, path, needle, shift), newName);
  assert.ok('error' in result, `expected a refusal, got ${JSON.stringify(result)}`);
  return result.error;
}

function prepareAt(workspace: Workspace, path: string, needle: string, shift = 1): { text: string; placeholder: string } | RenameRefusal {
  const result = prepareRename(contextOf(workspace), uriOf(path), positionOf(workspace, path, needle, shift));
  if ('error' in result) return result;
  return { text: textAt(workspace.getNote(uriOf(path))!.text, result.range), placeholder: result.placeholder };
}

const TOKAYEV = actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev', 'Токаев'] });
const PUTIN = actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] });
const article = (...body: string[]) => articleNote({ outlet: 'Test Outlet', perspective: 'ukrainian' }, ...body);

/** An article that mentions Tokayev in every way, with the id as a parameter so the expected result is the same template. */
function mentionsArticle(id: string): string {
  return article(
    `By id [[${id}]], labelled [[${id}|Tokaev]], alias [[Tokaev]], alias as written [[Tokayev]], section [[${id}#Career]].`,
    '',
    `Tokayev said [no recognition]{claim=no-recognition by=${id} stance=reports} and [more]{claim=other by=Tokaev}.`,
  );
}

function fileLinksArticle(stem: string): string {
  return article(`See the file [[actors/${stem}]] and [[${stem}.md|his note]].`);
}

function tokayevFiles(): Record<string, string> {
  return {
    'actors/tokayev.md': TOKAYEV,
    'actors/putin.md': PUTIN,
    'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR', 'DNR'], kind: 'territory' }),
    'articles/a.md': mentionsArticle('tokayev'),
    'articles/b.md': fileLinksArticle('tokayev'),
  };
}

// ---- prepareRename ----

test('prepareRename offers the actor id over the id as written, and over an alias or the actor note\'s fields', () => {
  const workspace = workspaceOf(tokayevFiles());
  assert.deepEqual(prepareAt(workspace, 'articles/a.md', '[[tokayev]]', 3), { text: 'tokayev', placeholder: 'tokayev' });
  assert.deepEqual(prepareAt(workspace, 'articles/a.md', 'by=tokayev', 4), { text: 'tokayev', placeholder: 'tokayev' });
  // On the label of a labelled link, the range is the link's target: the id.
  assert.deepEqual(prepareAt(workspace, 'articles/a.md', '|Tokaev]]', 2), { text: 'tokayev', placeholder: 'tokayev' });
  // Bare aliases and alias links: the words under the cursor, but the id is what gets renamed.
  assert.deepEqual(prepareAt(workspace, 'articles/a.md', 'Tokayev said'), { text: 'Tokayev', placeholder: 'tokayev' });
  assert.deepEqual(prepareAt(workspace, 'articles/a.md', '[[Tokaev]]', 3), { text: 'Tokaev', placeholder: 'tokayev' });
  assert.deepEqual(prepareAt(workspace, 'actors/tokayev.md', 'Kassym-Jomart'), { text: 'Kassym-Jomart Tokayev', placeholder: 'tokayev' });
});

test('prepareRename offers a claim key over its claim= value', () => {
  const workspace = workspaceOf(tokayevFiles());
  assert.deepEqual(prepareAt(workspace, 'articles/a.md', 'no-recognition'), { text: 'no-recognition', placeholder: 'no-recognition' });
});

test('prepareRename refuses plain prose, claim text and unknown actors, saying why', () => {
  const workspace = workspaceOf({ ...tokayevFiles(), 'articles/c.md': article('The Kazakh president met [[nobody-known]].') });
  assert.deepEqual(prepareAt(workspace, 'articles/c.md', 'president', 2),
    { error: 'Only actor ids and claim keys can be renamed here. "president" is plain prose, not the name or alias of a known actor.' });
  const claimText = prepareAt(workspace, 'articles/a.md', 'no recognition]');
  assert.ok('error' in claimText && claimText.error.includes('put the cursor on its `claim=` value'), JSON.stringify(claimText));
  const unknown = prepareAt(workspace, 'articles/c.md', 'nobody-known');
  assert.ok('error' in unknown && unknown.error.includes('`nobody-known` is not the id or alias of a known actor'), JSON.stringify(unknown));
  assert.deepEqual(prepareAt(workspace, 'articles/a.md', 'title: ', 2), { error: 'Only actor ids and claim keys can be renamed here. `title` is a frontmatter field, not an actor id.' });
});

// ---- actor ids ----

test('renaming an actor id rewrites links and by= written as the id, keeps labels, alias links and prose, and renames the file', () => {
  const workspace = workspaceOf(tokayevFiles());
  const edit = renameAt(workspace, 'articles/a.md', '[[tokayev]]', 'kassym-jomart-tokayev', 3);
  const after = pathsOf(applyWorkspaceEdit(filesOf(workspace), edit));

  assert.equal(after['articles/a.md'], mentionsArticle('kassym-jomart-tokayev'));
  assert.match(after['articles/a.md'], /labelled \[\[kassym-jomart-tokayev\|Tokaev\]\], alias \[\[Tokaev\]\], alias as written \[\[Tokayev\]\]/);
  assert.match(after['articles/a.md'], /Tokayev said .*by=Tokaev\}/);
  assert.equal(after['articles/b.md'], fileLinksArticle('kassym-jomart-tokayev'));
  assert.equal(after['actors/tokayev.md'], undefined);
  assert.equal(after['actors/kassym-jomart-tokayev.md'], TOKAYEV);
  assert.equal(after['actors/putin.md'], PUTIN);

  // Loaded again, every mention still resolves, now to the new id.
  const reloaded = workspaceOf(after);
  assert.equal(reloaded.mentionsOf('kassym-jomart-tokayev').length, workspace.mentionsOf('tokayev').length);
  assert.equal(reloaded.actor('tokayev'), undefined);
  const unknown = Object.keys(after).flatMap((path) => noteDiagnostics(reloaded, uriOf(path)).filter((d) => d.code === 'actor.unknown'));
  assert.deepEqual(unknown, []);
});

test('the text edits come first, on the old URI, then the file rename, without overwriting', () => {
  const workspace = workspaceOf(tokayevFiles());
  const edit = renameAt(workspace, 'articles/a.md', 'Tokayev said', 'kassym-jomart-tokayev');
  const changes = edit.documentChanges!;
  const rename = changes[changes.length - 1] as RenameFile;
  assert.deepEqual(rename, { kind: 'rename', oldUri: uriOf('actors/tokayev.md'), newUri: uriOf('actors/kassym-jomart-tokayev.md'), options: { overwrite: false } });
  assert.ok(changes.slice(0, -1).every((change) => 'textDocument' in change));
  assert.deepEqual(changes.slice(0, -1).map((c) => (c as TextDocumentEdit).textDocument.uri), [uriOf('articles/a.md'), uriOf('articles/b.md')]);
});

test('an explicit id: written as the file name, both change; different from it, the file keeps its name', () => {
  const withId = (id: string) => actorNote({ id, name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] });
  const sameAsFile = workspaceOf({ ...tokayevFiles(), 'actors/tokayev.md': withId('tokayev') });
  const renamed = pathsOf(applyWorkspaceEdit(filesOf(sameAsFile), renameAt(sameAsFile, 'actors/tokayev.md', 'id: tokayev', 'kjt', 5)));
  assert.equal(renamed['actors/kjt.md'], withId('kjt'));
  assert.equal(renamed['actors/tokayev.md'], undefined);
  assert.equal(renamed['articles/a.md'], mentionsArticle('kjt'));

  const ownId = workspaceOf({
    'actors/kazakhstan.md': actorNote({ id: 'kz', name: 'Kazakhstan', kind: 'state' }),
    'articles/a.md': article('[[kz]] says [no]{claim=x by=kz}.'),
  });
  const edit = renameAt(ownId, 'articles/a.md', 'by=kz', 'kaz', 4);
  assert.ok(edit.documentChanges!.every((change) => 'textDocument' in change), 'no file operation');
  const after = pathsOf(applyWorkspaceEdit(filesOf(ownId), edit));
  assert.equal(after['actors/kazakhstan.md'], actorNote({ id: 'kaz', name: 'Kazakhstan', kind: 'state' }));
  assert.equal(after['articles/a.md'], article('[[kaz]] says [no]{claim=x by=kaz}.'));
});

test('a link differing from the id only in case is rewritten, unless it is written exactly as an alias', () => {
  const workspace = workspaceOf({
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokaev'] }),
    'articles/a.md': article('[[Tokayev]], [[TOKAYEV|him]], [[Tokaev]] and [x]{claim=x by=Tokayev}.'),
  });
  const after = pathsOf(applyWorkspaceEdit(filesOf(workspace), renameAt(workspace, 'articles/a.md', 'Tokaev]]', 'kjt')));
  assert.equal(after['articles/a.md'], article('[[kjt]], [[kjt|him]], [[Tokaev]] and [x]{claim=x by=kjt}.'));
});

test('renaming to the same id changes nothing', () => {
  const workspace = workspaceOf(tokayevFiles());
  assert.deepEqual(renameAt(workspace, 'articles/a.md', '[[tokayev]]', 'tokayev', 3), { documentChanges: [] });
});

test('refused: the new id is the id, name or alias of another actor', () => {
  const workspace = workspaceOf(tokayevFiles());
  assert.equal(refusalAt(workspace, 'articles/a.md', '[[tokayev]]', 'putin', 3),
    '`putin` is already the id of another actor, `putin` (actors/putin.md); rename refused so the two actors are not merged.');
  assert.match(refusalAt(workspace, 'articles/a.md', '[[tokayev]]', 'dnr', 3), /`dnr` is already a name or alias of another actor, `dpr`/);
});

test('refused: the actor note\'s new file already exists', () => {
  const workspace = workspaceOf({ ...tokayevFiles(), 'actors/kassym.md': actorNote({ id: 'someone-else', name: 'Somebody Else' }) });
  assert.equal(refusalAt(workspace, 'articles/a.md', '[[tokayev]]', 'kassym', 3),
    'The file actors/kassym.md already exists; rename refused so it is not overwritten.');
});

test('refused: another note already has the new name, so its links would turn into actor links', () => {
  const workspace = workspaceOf(tokayevFiles());
  assert.match(refusalAt(workspace, 'articles/a.md', '[[tokayev]]', 'b', 3), /A note is already named `b` \(articles\/b\.md\)/);
});

test('refused: invalid new names', () => {
  const workspace = workspaceOf(tokayevFiles());
  for (const name of ['kassym tokayev', 'actors/kjt', 'kjt|x', '-kjt', '.kjt']) {
    assert.match(refusalAt(workspace, 'articles/a.md', '[[tokayev]]', name, 3), /is not a valid actor id: use letters, digits/, name);
  }
  assert.equal(refusalAt(workspace, 'articles/a.md', '[[tokayev]]', '  ', 3), 'The new actor id is empty.');
  assert.match(refusalAt(workspace, 'articles/a.md', 'no-recognition', 'no recognition'), /is not a valid claim key/);
});

test('refused: a position on plain prose', () => {
  const workspace = workspaceOf({ ...tokayevFiles(), 'articles/c.md': article('The Kazakh president spoke.') });
  assert.match(refusalAt(workspace, 'articles/c.md', 'president', 'x'), /^Only actor ids and claim keys can be renamed here\. "president" is plain prose/);
});

test('edits carry the editor\'s version of open documents, null for files on disk', () => {
  const workspace = workspaceOf(tokayevFiles());
  const openUri = uriOf('articles/a.md');
  const ctx = contextOf(workspace, (uri) => (uri === openUri ? 7 : null));
  const edit = renameAt(workspace, 'articles/a.md', '[[tokayev]]', 'kjt', 3, ctx);
  const versions = edit.documentChanges!.filter((c): c is TextDocumentEdit => 'textDocument' in c).map((c) => [c.textDocument.uri, c.textDocument.version]);
  assert.deepEqual(versions, [[openUri, 7], [uriOf('articles/b.md'), null]]);
  assert.doesNotThrow(() => applyWorkspaceEdit(filesOf(workspace), edit, { versions: { [openUri]: 7 } }));
  assert.throws(() => applyWorkspaceEdit(filesOf(workspace), edit, { versions: { [openUri]: 8 } }), /version mismatch/);
});

test('CRLF line ends and non-ASCII text before the mentions: the edits land exactly', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  const note = (id: string) => crlf(articleNote({ outlet: 'Тест', perspective: 'russian-state', title: 'Токаев 🇰🇿 и ДНР' },
    'Президент 🇰🇿 Токаев — [[' + id + '|Токаев]] 😀 сказал:',
    '',
    '« [Казахстан не признаёт ДНР]{claim=no-recognition by=' + id + '} » 👍🏽 [[' + id + ']].'));
  const workspace = workspaceOf({ 'actors/tokayev.md': crlf(TOKAYEV), 'articles/ru.md': note('tokayev') });
  assert.deepEqual(prepareAt(workspace, 'articles/ru.md', 'Токаев —'), { text: 'Токаев', placeholder: 'tokayev' });
  const edit = renameAt(workspace, 'articles/ru.md', '[[tokayev]]', 'kassym-jomart-tokayev', 3);
  const after = pathsOf(applyWorkspaceEdit(filesOf(workspace), edit));
  assert.equal(after['articles/ru.md'], note('kassym-jomart-tokayev'));
  assert.equal(after['actors/kassym-jomart-tokayev.md'], crlf(TOKAYEV));
});

test('an actor id with non-ASCII letters: the new file URI is percent-encoded like the editor\'s', () => {
  const workspace = workspaceOf(tokayevFiles());
  const edit = renameAt(workspace, 'articles/a.md', '[[tokayev]]', 'токаев-к', 3);
  const rename = edit.documentChanges!.at(-1) as RenameFile;
  assert.equal(rename.newUri, `${ROOT}/actors/%D1%82%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2-%D0%BA.md`);
  assert.equal(pathsOf(applyWorkspaceEdit(filesOf(workspace), edit))['articles/a.md'], mentionsArticle('токаев-к'));
});

// ---- claim keys ----

test('renaming a claim key rewrites every claim= value of that key, in every note, valid or not', () => {
  const bad = article('[Shouted]{claim=no-recognition stance=shouts} and [other]{claim=putin-losing-allies}.');
  const workspace = tokayevWorkspace({ 'articles/bad.md': bad });
  const before = filesOf(workspace);
  const edit = renameAt(workspace, 'articles/kyivpost.md', 'no-recognition', 'kz-no-dpr-recognition');
  const after = applyWorkspaceEdit(before, edit);
  const changed = Object.keys(after).filter((uri) => after[uri] !== before[uri]).sort();
  assert.deepEqual(changed, [uriOf('articles/bad.md'), uriOf('articles/channel24.md'), uriOf('articles/kyivpost.md')]);
  for (const uri of changed) assert.equal(after[uri], before[uri].replace('claim=no-recognition', 'claim=kz-no-dpr-recognition'), uri);
  assert.ok(edit.documentChanges!.every((change) => 'textDocument' in change), 'no file operation');
});

test('refused: the new claim key is already used, with the number of notes', () => {
  const workspace = tokayevWorkspace({ 'articles/more.md': article('[Allies]{claim=putin-losing-allies}.') });
  assert.equal(refusalAt(workspace, 'articles/kyivpost.md', 'no-recognition', 'putin-losing-allies'),
    'The claim key `putin-losing-allies` already exists in 2 notes (articles/channel24.md, articles/more.md). ' +
    'Renaming onto it would merge two claims; if they are the same claim, change the `claim=` values by hand.');
});

// ---- the edit helper other tests rely on ----

test('applyTextEdits applies edits against the original text and rejects overlaps', () => {
  const text = joinLines('ab', 'cd').replace('\n', '\r\n');
  const at = (line: number, character: number) => ({ line, character });
  assert.equal(applyTextEdits(text, [
    { range: { start: at(1, 0), end: at(1, 1) }, newText: 'C' },
    { range: { start: at(0, 0), end: at(0, 0) }, newText: '1' },
    { range: { start: at(0, 0), end: at(0, 0) }, newText: '2' },
    { range: { start: at(0, 2), end: at(1, 0) }, newText: '|' },
  ]), '12ab|Cd');
  assert.throws(() => applyTextEdits(text, [
    { range: { start: at(0, 0), end: at(0, 2) }, newText: 'x' },
    { range: { start: at(0, 1), end: at(1, 1) }, newText: 'y' },
  ]), /overlaps/);
});

test('applyWorkspaceEdit applies file operations in order, with their options', () => {
  const files = { 'file:///a.md': 'a', 'file:///b.md': 'b' };
  const result = applyWorkspaceEdit(files, {
    documentChanges: [
      { kind: 'create', uri: 'file:///c.md', options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri: 'file:///c.md', version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'new' }] },
      { kind: 'rename', oldUri: 'file:///a.md', newUri: 'file:///d.md', options: { overwrite: false } },
      { kind: 'delete', uri: 'file:///b.md' },
    ],
  });
  assert.deepEqual(result, { 'file:///c.md': 'new', 'file:///d.md': 'a' });
  assert.deepEqual(files, { 'file:///a.md': 'a', 'file:///b.md': 'b' }, 'input untouched');
  assert.throws(() => applyWorkspaceEdit(files, { documentChanges: [{ kind: 'rename', oldUri: 'file:///a.md', newUri: 'file:///b.md', options: { overwrite: false } }] }), /target exists/);
  assert.throws(() => applyWorkspaceEdit(files, { documentChanges: [{ kind: 'create', uri: 'file:///a.md' }] }), /it exists/);
  assert.deepEqual(applyWorkspaceEdit(files, { changes: { 'file:///a.md': [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: '!' }] } }),
    { 'file:///a.md': 'a!', 'file:///b.md': 'b' });
});
