// Regressions for hostile notes and configs, one test (or more) per finding of the second untrusted-input review:
// each is scaled so that the old code would take seconds or run out of memory, and the new code stays well under.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { renderClaimMatrixHtml } from '../../shared/src/claimMatrixHtml';
import { isInsideRoot } from '../../shared/src/insideRoot';
import { targetsOutside } from '../../client/src/editTargets';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { provideCodeActions } from '../../server/src/features/codeActions/index';
import { importArticleEdit } from '../../server/src/features/importArticle';
import { provideRename } from '../../server/src/features/rename';
import { importArticle } from '../../server/src/import/importArticle';
import { findNotes } from '../../server/src/node/files';
import { buildClaimMatrix, renderMatrixMarkdown, renderMatrixText } from '../../server/src/render/claimMatrix';
import { escapeMarkdown } from '../../server/src/render/markdownText';
import type { Workspace } from '../../server/src/model/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';
import { parseFrontmatter } from '../../server/src/syntax/frontmatter';
import { MAX_CLAIMS_PER_NOTE, MAX_DIAGNOSTICS_PER_NOTE, MAX_LISTED_NOTES } from '../../server/src/syntax/limits';
import { ROOT, actorNote, articleNote, textOf, tokayevWorkspace, uriOf, workspaceOf } from '../helpers/workspace';

const BLANKS = ' '.repeat(40_000);

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

/** The fastest of three runs: a time bound that a busy machine does not break, and a quadratic one still does. */
function fastest<T>(work: () => T): { result: T; ms: number } {
  const runs = [timed(work), timed(work), timed(work)];
  return runs.reduce((best, run) => (run.ms < best.ms ? run : best));
}

function contextOf(workspace: Workspace): FeatureContext {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
}

function quickFixes(workspace: Workspace, path: string, code: string): CodeAction[] {
  const note = workspace.getNote(uriOf(path))!;
  const diagnostics: Diagnostic[] = noteDiagnostics(workspace, note.uri).filter((d) => d.code === code)
    .map((d) => ({ range: note.lines.rangeOf(d.span), code: d.code, data: d.data, message: d.message, source: 'counterpoint' }));
  return diagnostics.flatMap((d) => provideCodeActions(contextOf(workspace), note.uri, d.range, [d]));
}

// ---- 1: bounded work per note ----

test('finding 1: a note of a million [x]{claim=a} is read up to the caps, within a memory bound, with capped diagnostics', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const text = articleNote({ outlet: 'O', perspective: 'western' }, '[x]{claim=a}'.repeat(1_000_000));
  gc();
  const before = process.memoryUsage().heapUsed;
  const { result: workspace, ms } = timed(() => workspaceOf({ 'articles/a.md': text }));
  const diagnostics = noteDiagnostics(workspace, uriOf('articles/a.md'));
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  const note = workspace.getNote(uriOf('articles/a.md'))!;
  assert.equal(note.claims.length, MAX_CLAIMS_PER_NOTE);
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_NOTE);
  const capped = diagnostics.filter((d) => d.code === 'note.too-large').map((d) => d.message);
  assert.equal(capped.length, 2);
  assert.match(capped[0], /^This note has 10001 diagnostics; the 9002 from here on are not shown\.$/);
  assert.match(capped[1], /^This note reaches a limit of what is read in one note \(10000 claims, .*\): the text from here on is not read/);
  // The 12 MB text is kept twice at most (as the string and as its UTF-8 bytes); everything else is bounded by the caps.
  assert.ok(grown < 100 * 1024 * 1024, `the index grew by ${(grown / 1024 / 1024).toFixed(0)} MB`);
  assert.ok(ms < 20_000, `indexed in ${ms.toFixed(0)} ms`);
});

test('finding 1: a note longer than the size limit is not parsed, and says so', () => {
  const text = `[[tokayev]] ${'x'.repeat(16 * 1024 * 1024)}`;
  const workspace = tokayevWorkspace({ 'articles/huge.md': text });
  const note = workspace.getNote(uriOf('articles/huge.md'))!;
  assert.equal(note.wikiLinks.length, 0);
  assert.deepEqual(noteDiagnostics(workspace, note.uri).map((d) => d.code), ['note.too-large']);
});

// ---- 2, 3, 5: expressions that backtracked over blanks ----

test('finding 2: a frontmatter fence line of 40,000 blanks and `a b` is read in linear time', () => {
  const { result, ms } = fastest(() => parseFrontmatter(`---${BLANKS}a b\ntitle: T\n---\nBody.`));
  assert.equal(result.frontmatter, undefined, 'not a fence: no frontmatter');
  assert.ok(ms < 200, `${ms.toFixed(0)} ms`);
  assert.equal(parseFrontmatter(`---${BLANKS}yaml${BLANKS}\ntitle: T\n---\n`).frontmatter?.data.title, 'T');
});

test('finding 3: a line of 40,000 blanks before a name gets its actor hint in linear time', () => {
  const text = articleNote({ outlet: 'O', perspective: 'western' }, `${BLANKS}%Vladislav Surkov said it was fine.`);
  const workspace = tokayevWorkspace({ 'articles/a.md': text });
  const { result, ms } = fastest(() => noteDiagnostics(workspace, uriOf('articles/a.md'), { hints: true }));
  assert.ok(ms < 200, `${ms.toFixed(0)} ms`);
  assert.ok(result.some((d) => d.code === 'actor.candidate'), 'the name is still suggested');
});

test('finding 5: import of texts with 40,000 blanks (a blank run, a title line, a heading, a date) is linear', () => {
  const workspace = tokayevWorkspace();
  for (const text of [
    `Title\n\n${BLANKS}x${BLANKS}\nBody text here.`,
    `A title with trailing blanks${BLANKS}\n\nBody.`,
    `# Heading${BLANKS}#x\n\nBody.`,
    `Title\n\nPublished 20 June 2022${BLANKS}x\n\nWritten for the Outlet by${BLANKS}x`,
    `Home ${BLANKS}| News${BLANKS}x\nTitle\n\nBody, signed${BLANKS}';'.`,
  ]) {
    const { ms } = fastest(() => importArticle(text, workspace, { source: 'raw.txt' }));
    assert.ok(ms < 200, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(0, 20))}`);
  }
});

// ---- 7, 15, 18: writes and edit targets inside the workspace root ----

test('findings 7 and 18: every edit target is checked to lie inside its workspace folder', () => {
  assert.equal(isInsideRoot('file:///ws/articles/a.md', 'file:///ws'), true);
  assert.equal(isInsideRoot('file:///ws/articles/a.md', 'file:///ws/'), true);
  for (const outside of ['file:///ws/../esc/a.md', 'file:///ws/articles/%2e%2e/%2e%2e/a.md', 'file:///ws/a%2F..%2F..%2Fb.md', 'file:///wsx/a.md',
    'file:///ws', 'file://host/ws/a.md', 'untitled:/ws/a.md', 'file:///ws/a/./b.md', 'file:///ws/a\\..\\..\\b.md']) {
    assert.equal(isInsideRoot(outside, 'file:///ws'), false, outside);
  }
  assert.equal(isInsideRoot('file:///c%3A/ws/a.md', 'file:///C:/ws'), true, 'drive letters in either spelling');
});

test('finding 7: an import edit aimed outside the folder by `articles: ["../esc/pwn"]` is refused', () => {
  const workspace = workspaceOf({}, { articleFolders: ['../esc/pwn', 'articles'] });
  const result = importArticleEdit(contextOf(workspace), { uri: `${ROOT}/raw.txt`, text: 'A title\n\nSome body text.' }, [ROOT]);
  assert.ok('error' in result, 'refused');
  assert.match(result.error, /outside the workspace folder/);
  // The client makes the same check on whatever edit it is sent.
  const edit = { documentChanges: [{ kind: 'create' as const, uri: 'file:///esc/pwn/a.md' }, { textDocument: { uri: `${ROOT}/articles/a.md`, version: null }, edits: [] }] };
  assert.deepEqual(targetsOutside(edit, [ROOT]), ['file:///esc/pwn/a.md']);
  assert.deepEqual(targetsOutside({ changes: { [`${ROOT}/articles/a.md`]: [] } }, [ROOT]), []);
});

test('findings 7 and 18: Create actor note is disabled when it would target a file outside the workspace folder', () => {
  const article = articleNote({ outlet: 'O', perspective: 'western' }, 'The businessman [[shuraev|Arman Shuraev]] spoke.');
  const escaping = workspaceOf({ 'articles/a.md': article }, { actorFolders: ['../esc'] });
  const [create] = quickFixes(escaping, 'articles/a.md', 'actor.unknown');
  assert.equal(create.edit, undefined);
  assert.match(create.disabled!.reason, /outside the workspace folder/);
  // A note opened from outside every workspace folder gets no actor note either.
  const workspace = workspaceOf({});
  workspace.upsert('file:///elsewhere/a.md', article);
  const note = workspace.getNote('file:///elsewhere/a.md')!;
  const diagnostics = noteDiagnostics(workspace, note.uri).filter((d) => d.code === 'actor.unknown')
    .map((d) => ({ range: note.lines.rangeOf(d.span), code: d.code, data: d.data, message: d.message }));
  const actions = diagnostics.flatMap((d) => provideCodeActions(contextOf(workspace), note.uri, d.range, [d]));
  assert.ok(actions.every((action) => action.edit === undefined), JSON.stringify(actions.map((a) => a.title)));
});

// ---- 8, 17: the claim matrix output ----

test('finding 8: a 1,000 x 1,000 claim matrix (each article its own long-named outlet and key) renders in every form', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 1_000; i++) {
    files[`articles/a${i}.md`] = articleNote({ outlet: `Outlet ${i} ${'with a long name '.repeat(6)}`, perspective: 'western' }, `[x]{claim=key-${i}}`);
  }
  const matrix = buildClaimMatrix(workspaceOf(files));
  assert.equal(matrix.rows.length, 1_000);
  const text = timed(() => renderMatrixText(matrix));
  const markdown = timed(() => renderMatrixMarkdown(matrix, escapeMarkdown));
  const html = timed(() => renderClaimMatrixHtml(matrix, { host: 'file', nonce: 'abcdefgh12345678' }));
  assert.ok(text.result.length < 500_000, `text: ${text.result.length} characters`);
  assert.ok(markdown.result.length < 500_000, `markdown: ${markdown.result.length} characters`);
  assert.ok(html.result.length < 64 * 1024 * 1024, `html: ${html.result.length} characters`);
  assert.match(text.result, /^! key-0: Outlet 0 with a long name/m);
  assert.ok(text.ms + markdown.ms + html.ms < 10_000, `${text.ms.toFixed(0)}, ${markdown.ms.toFixed(0)}, ${html.ms.toFixed(0)} ms`);
});

test('finding 17: outlet names in the markdown report cannot become links', () => {
  const files = {
    'articles/a.md': articleNote({ outlet: 'https://evil.example/x', perspective: 'western' }, '[x]{claim=k}'),
    'articles/b.md': articleNote({ outlet: 'www.evil.example', perspective: 'russian-state' }, '[x]{claim=k stance=disputes}'),
  };
  const markdown = renderMatrixMarkdown(buildClaimMatrix(workspaceOf(files)), escapeMarkdown);
  assert.doesNotMatch(markdown, /https:\/\/|www\./);
  assert.match(markdown, /https\\:\/\/evil/);
  assert.match(markdown, /www\\\.evil/);
});

// ---- 11: control characters in diagnostics ----

test('finding 11: diagnostics never carry a NUL or another control character from the note', () => {
  const text = articleNote({ outlet: 'O', perspective: 'western' }, '[[no\u0000body\u001b[2J]] and [x]{claim=a\u0000b by=x\u0007y}');
  const workspace = workspaceOf({ 'articles/a.md': text });
  const messages = noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => d.message);
  assert.ok(messages.length > 0);
  // eslint-disable-next-line no-control-regex -- looking for control characters is the test
  for (const message of messages) assert.doesNotMatch(message, /[\0-\x1f\x7f-\x9f]/, JSON.stringify(message));
});

// ---- 12: names that are not UTF-8 ----

test('finding 12: a note whose file name is not UTF-8 is reported as such, not as vanished', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-names-'));
  try {
    fs.mkdirSync(path.join(root, 'articles'));
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(root, 'articles') + path.sep), Buffer.from([0x66, 0xff, 0x2e, 0x6d, 0x64])]), 'x');
    fs.writeFileSync(path.join(root, 'articles', 'ok.md'), 'x');
    const skipped: string[] = [];
    return findNotes(root, (_file, reason) => skipped.push(reason)).then((found) => {
      assert.deepEqual(found.map((file) => path.basename(file)), ['ok.md']);
      assert.equal(skipped.length, 1);
      assert.match(skipped[0], /not valid UTF-8/);
    }).finally(() => fs.rmSync(root, { recursive: true, force: true }));
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
});

// ---- 14: rename to ids that break links or file names ----

test('finding 14: rename refuses actor ids that cannot be file names or link targets', () => {
  const workspace = tokayevWorkspace();
  const actor = workspace.getNote(uriOf('articles/channel24.md'))!;
  const position = actor.lines.positionAt(actor.text.indexOf('[[tokayev') + 4);
  for (const [newName, reason] of [['a.md', /cannot end in `\.` or `\.md`/], ['a.', /cannot end/], ['x'.repeat(100_000), /at most 100/]] as const) {
    const result = provideRename(contextOf(workspace), actor.uri, position, newName);
    assert.ok('error' in result, `${newName.slice(0, 20)} refused`);
    assert.match(result.error, reason);
  }
  assert.ok(!('error' in provideRename(contextOf(workspace), actor.uri, position, 'tokayev-kj')), 'a valid id is still accepted');
});

// ---- 18: duplicate ids ----

test('finding 18: 3,000 actors sharing one id get diagnostics that list a bounded number of the others', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 3_000; i++) files[`actors/a${i}.md`] = actorNote({ id: 'same', name: `Actor ${i}` });
  const workspace = workspaceOf(files);
  const { result: all, ms } = timed(() => [...workspace.notes()].flatMap((note) => noteDiagnostics(workspace, note.uri)));
  const duplicates = all.filter((d) => d.code === 'actor.duplicate-id');
  assert.equal(duplicates.length, 3_000);
  const size = duplicates.reduce((sum, d) => sum + d.message.length + (d.related?.length ?? 0), 0);
  assert.ok(size < 3_000 * 1_000, `${size} characters of messages`);
  assert.ok(duplicates.every((d) => (d.related?.length ?? 0) <= MAX_LISTED_NOTES));
  assert.match(duplicates[0].message, /and 2989 more notes/);
  assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
  const note = workspace.getNote(uriOf('actors/a0.md'))!;
  assert.equal(textOf(note.text, duplicates.find((d) => d.related?.every((r) => r.uri !== note.uri))!.span), 'same');
});
