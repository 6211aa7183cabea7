// The bad-input corpus (test/fixtures/bad-input/) through the stdio server: each hostile note gets its diagnostics, the
// rest of the workspace keeps answering, huge notes do not block, and nothing outside the workspace is ever read.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type Hover, type Location, type MarkupContent, type SemanticTokens } from 'vscode-languageserver-protocol';
import { findNotes, readNote } from '../../server/src/node/files';
import { offsetOf as offsetOfPosition } from '../helpers/edits';
import { REPO_ROOT, assertOnlyFileLinksInto, offsetOf, positionAt, startServer, type LspSession } from '../helpers/lspClient';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'bad-input');
const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const INDEX_TIMEOUT_MS = 60_000;

/**
 * The diagnostic codes each fixture must get while open in an editor, no more and no fewer (the table in the corpus
 * README). Closed, a note gets the same less the hint-level suggestions, which are worked out for open notes only.
 */
const EXPECTED: Record<string, string[]> = {
  'binary.md': ['frontmatter.missing'],
  'bom.md': [],
  'crlf.md': ['claim.no-counter-source'],
  'empty.md': ['frontmatter.missing'],
  'frontmatter-javascript.md': ['frontmatter.language'],
  'invalid-utf8.md': ['claim.candidate'],
  'lone-cr.md': ['claim.no-counter-source'],
  'mixed-line-ends.md': ['claim.no-counter-source'],
  'nul-bytes.md': ['actor.unknown', 'claim.invalid-key', 'frontmatter.yaml'],
  'only-fence.md': ['frontmatter.unclosed'],
  'surrogates-and-combining.md': ['alias.near-match', 'claim.no-counter-source'],
  'unclosed-frontmatter.md': ['actor.candidate', 'frontmatter.unclosed'],
  'unterminated-span.md': ['claim.malformed'],
  'yaml-anchors.md': ['article.invalid-field', 'article.missing-field'],
  'yaml-invalid.md': ['frontmatter.yaml'],
  'yaml-not-mapping.md': ['frontmatter.not-mapping'],
  'yaml-scalar.md': ['frontmatter.not-mapping'],
};

const SUGGESTIONS = new Set(['alias.near-match', 'actor.candidate', 'claim.candidate']);
const withoutSuggestions = (expected: string[]) => expected.filter((code) => !SUGGESTIONS.has(code));

const SECRET = 'OUTSIDE-SECRET-7c1f';
const SECRET_NOTE = [
  '---',
  `title: ${SECRET}`,
  'outlet: Outside Outlet',
  'perspective: western',
  '---',
  `# ${SECRET} heading`,
  '',
  `Tokayev said [${SECRET} words]{claim=${SECRET.toLowerCase()} by=tokayev}.`,
  '',
].join('\n');

let session: LspSession;
let outside: string;

before(async () => {
  outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-outside-')));
  fs.writeFileSync(path.join(outside, 'secret.md'), SECRET_NOTE);
  fs.mkdirSync(path.join(outside, 'folder'));
  fs.writeFileSync(path.join(outside, 'folder', 'secret.md'), SECRET_NOTE);
  session = await startServer({
    waitForIndex: false,
    prepare: (root) => {
      const articles = path.join(root, 'articles');
      for (const name of Object.keys(EXPECTED)) fs.copyFileSync(path.join(FIXTURES, name), path.join(articles, name));
      fs.writeFileSync(path.join(articles, 'nested-brackets.md'), `${'['.repeat(100_000)}Tokayev${']'.repeat(100_000)}`);
      fs.mkdirSync(path.join(articles, 'folder.md'));
      fs.symlinkSync('..', path.join(articles, 'loop'));
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(articles, 'outside-note.md'));
      fs.symlinkSync(path.join(outside, 'folder'), path.join(articles, 'outside-folder'));
    },
  });
  await session.waitForIndexReady(0, INDEX_TIMEOUT_MS);
});

after(async () => {
  await session?.shutdown();
  if (outside) fs.rmSync(outside, { recursive: true, force: true });
});

const codes = (diagnostics: Diagnostic[]) => [...new Set(diagnostics.map((d) => String(d.code)))].sort();

/** The text as the server reads it from disk: invalid UTF-8 becomes U+FFFD, a BOM is kept. */
function decodedText(file: string): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(fs.readFileSync(session.pathOf(file)));
}

function assertRangesInside(file: string, text: string, diagnostics: Diagnostic[]): void {
  const end = positionAt(text, text.length);
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character)),
        `${file}: ${d.code} at ${JSON.stringify(d.range)} lies inside the note (which ends at ${JSON.stringify(end)})`);
    }
  }
}

async function hoverTokayev(): Promise<string> {
  const text = session.readFile(CHANNEL24);
  const offset = offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length + 2;
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uri(CHANNEL24) }, position: session.positionIn(CHANNEL24, offset) }, 30_000);
  assert.ok(hover, 'a hover on Tokayev in a sample article');
  const markdown = (hover.contents as MarkupContent).value;
  assert.match(markdown, /Kassym-Jomart Tokayev/);
  return markdown;
}

async function referencesOfTokayev(): Promise<Location[]> {
  const text = session.readFile(CHANNEL24);
  const offset = offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length + 2;
  return session.request<Location[]>('textDocument/references', {
    textDocument: { uri: session.uri(CHANNEL24) },
    position: session.positionIn(CHANNEL24, offset),
    context: { includeDeclaration: true },
  });
}

/** Nothing of the note outside the workspace may show: not as a note, a source, a reference or a symbol. */
async function assertNothingFromOutside(): Promise<void> {
  const leaked = [...session.allDiagnostics()]
    .filter(([uri, diagnostics]) => diagnostics.length > 0 && (/outside-(note|folder)/.test(uri) || !uri.startsWith(`${session.rootUri}/`)))
    .map(([uri]) => uri);
  assert.deepEqual(leaked, [], 'no diagnostics for notes out of the workspace');
  const markdown = await hoverTokayev();
  assert.doesNotMatch(markdown, new RegExp(SECRET, 'i'));
  const references = await referencesOfTokayev();
  assert.deepEqual(references.filter((r) => /outside-/.test(r.uri)), [], 'no reference into a linked note');
  assert.deepEqual(await session.request('workspace/symbol', { query: SECRET }), [], 'no symbol from the outside note');
  const matrix = await session.request<{ markdown: string }>('counterpoint/claimMatrix');
  assert.doesNotMatch(JSON.stringify(matrix), new RegExp(SECRET, 'i'), 'no claim from the outside note');
}

test('every note of the corpus is indexed and gets exactly its expected diagnostics, inside its text', async () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const file = `articles/${name}`;
    const diagnostics = await session.waitForDiagnostics(file, () => true, INDEX_TIMEOUT_MS);
    assert.deepEqual(codes(diagnostics), withoutSuggestions(expected), `${name}: ${diagnostics.map((d) => `${d.code} ${d.message}`).join(' | ')}`);
    assertRangesInside(file, decodedText(file), diagnostics);
  }
  const language = session.diagnosticsOf('articles/frontmatter-javascript.md')!.find((d) => d.code === 'frontmatter.language')!;
  assert.equal(language.range.start.line, 0, 'on the fence');
  assert.ok(!fs.existsSync(path.join(session.root, 'pwned-by-fixture.txt')), 'the frontmatter code did not run');
  assert.ok(session.isRunning);
});

test('opened in the editor, a bad note also gets its hint-level suggestions, inside its text; closed again, it loses them', async () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    if (expected.every((code) => !SUGGESTIONS.has(code))) continue;
    const file = `articles/${name}`;
    await session.open(file, decodedText(file));
    const open = await session.waitFor(`${name} with its suggestions`, () => {
      const publication = session.publicationOf(file);
      return publication?.version === 1 && publication.diagnostics.some((d) => SUGGESTIONS.has(String(d.code))) && publication.diagnostics;
    });
    assert.deepEqual(codes(open), expected, name);
    assertRangesInside(file, decodedText(file), open);
    await session.close(file);
    const closed = await session.waitFor(`${name} without its suggestions`, () => {
      const diagnostics = session.diagnosticsOf(file);
      return diagnostics?.every((d) => !SUGGESTIONS.has(String(d.code))) && diagnostics;
    });
    assert.deepEqual(codes(closed), withoutSuggestions(expected), name);
  }
});

test('100,000 nested brackets parse into a note with no diagnostic but its missing frontmatter', async () => {
  const diagnostics = await session.waitForDiagnostics('articles/nested-brackets.md', () => true, INDEX_TIMEOUT_MS);
  assert.deepEqual(codes(diagnostics), ['frontmatter.missing']);
});

test('hover, definition and references on Tokayev in a sample article still answer, and count the bad notes', async () => {
  const markdown = await hoverTokayev();
  assertOnlyFileLinksInto(session.root, markdown);
  const text = session.readFile(CHANNEL24);
  const offset = offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length + 2;
  const definition = await session.request<Location[]>('textDocument/definition', { textDocument: { uri: session.uri(CHANNEL24) }, position: session.positionIn(CHANNEL24, offset) });
  assert.deepEqual(definition.map((l) => session.relative(l.uri)), ['actors/tokayev.md']);

  const referenced = new Set((await referencesOfTokayev()).map((r) => session.relative(r.uri)));
  for (const name of ['crlf.md', 'lone-cr.md', 'mixed-line-ends.md', 'invalid-utf8.md', 'bom.md', 'surrogates-and-combining.md', 'unterminated-span.md', 'nested-brackets.md']) {
    assert.ok(referenced.has(`articles/${name}`), `the Tokayev mentions in ${name} are found`);
  }
  // An accent on the alias makes another word: `Toka\u0301yev` is no mention.
  const surrogates = decodedText('articles/surrogates-and-combining.md');
  const mentions = (await referencesOfTokayev()).filter((r) => r.uri === session.uri('articles/surrogates-and-combining.md'));
  for (const m of mentions) {
    const start = offsetOfPosition(surrogates, m.range.start);
    assert.doesNotMatch(surrogates.slice(start, start + 12), /^Toka\u0301yev|^Tokayev\u0301/, 'an accented word is not the alias');
  }
});

test('a symlink loop, a link to a note outside the workspace and a link to a folder outside it are not followed at start-up', async () => {
  const ready = session.indexStatuses.find((s) => s.state === 'ready')!;
  assert.equal(ready.notes, session.noteFiles().length, 'exactly the regular notes are indexed (links skipped, the loop not walked)');
  await assertNothingFromOutside();
});

test('a watcher reporting notes behind links out of the workspace does not make the server read them', async () => {
  const mark = session.mark();
  await session.notifyFiles([
    { uri: session.uri('articles/outside-note.md'), type: FileChangeType.Created },
    { uri: session.uri('articles/outside-folder/secret.md'), type: FileChangeType.Created },
    { uri: pathToFileURL(path.join(outside, 'secret.md')).href, type: FileChangeType.Created },
  ]);
  // File events are handled in order: once a later note is published, the links were dealt with.
  await session.notifyFiles([session.writeFile('articles/after-links.md', 'Tokayev again.\n')]);
  await session.waitForDiagnostics('articles/after-links.md', () => true, undefined, mark);
  await assertNothingFromOutside();
  assert.ok(session.logMessages.some((m) => /outside-note\.md/.test(m.message)), 'the skipped link is logged');
});

test('a note outside every workspace gets no diagnostics, and its mentions do not count, while open or after', async () => {
  const outsideUri = pathToFileURL(path.join(outside, 'secret.md')).href;
  const mark = session.mark();
  await session.open(outsideUri, SECRET_NOTE);
  // A later note's publication shows the open was handled (and the search above it done).
  await session.notifyFiles([session.writeFile('articles/after-outside.md', 'Tokayev once more.\n')]);
  await session.waitForDiagnostics('articles/after-outside.md', () => true, undefined, mark);
  assert.ok(!(session.diagnosticsOf(outsideUri) ?? []).length, 'no diagnostics for a note no workspace holds');
  assert.ok(!(await referencesOfTokayev()).some((r) => r.uri === outsideUri), 'its mention does not count');
  const hover = await session.request('textDocument/hover', { textDocument: { uri: outsideUri }, position: { line: 0, character: 0 } });
  assert.equal(hover, null);
  await session.close(outsideUri);
  await assertNothingFromOutside();
});

test('a vanished file, a folder named like a note and an unreadable file are skipped with a log line', async (t) => {
  const mark = session.mark();
  const unreadable = 'articles/unreadable.md';
  session.writeFile(unreadable, '---\ntitle: Unreadable\noutlet: X\nperspective: other\n---\nTokayev.\n');
  fs.chmodSync(session.pathOf(unreadable), 0o000);
  const asRoot = process.getuid?.() === 0;
  await session.notifyFiles([
    { uri: session.uri('articles/vanished.md'), type: FileChangeType.Created },
    { uri: session.uri('articles/folder.md'), type: FileChangeType.Created },
    { uri: session.uri(unreadable), type: FileChangeType.Created },
  ]);
  await session.notifyFiles([session.writeFile('articles/after-skips.md', 'Tokayev again.\n')]);
  await session.waitForDiagnostics('articles/after-skips.md', () => true, undefined, mark);
  const logged = (pattern: RegExp) => session.logMessages.some((m) => pattern.test(m.message));
  assert.ok(logged(/Skipped .*vanished\.md: it no longer exists/), 'the vanished file is logged');
  assert.ok(logged(/Skipped .*folder\.md: not a regular file/), 'the folder is logged');
  if (asRoot) {
    t.diagnostic('running as root: a mode of 000 does not stop reads, so the unreadable note is read');
  } else {
    assert.ok(logged(/Skipped .*unreadable\.md: permission denied/), 'the unreadable file is logged');
    assert.equal(session.diagnosticsOf(unreadable), undefined, 'and not indexed');
  }
  fs.chmodSync(session.pathOf(unreadable), 0o644);
  assert.ok(session.isRunning);
  await hoverTokayev();
});

test('reading notes from disk: a vanished file, a folder, a link and a vanished folder are skipped, never thrown', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-files-'));
  try {
    fs.writeFileSync(path.join(folder, 'a.md'), 'text');
    fs.mkdirSync(path.join(folder, 'dir.md'));
    fs.symlinkSync(path.join(folder, 'a.md'), path.join(folder, 'link.md'));
    fs.symlinkSync('.', path.join(folder, 'loop'));
    assert.deepEqual(await readNote(path.join(folder, 'gone.md')), { skipped: 'it no longer exists' });
    assert.deepEqual(await readNote(path.join(folder, 'dir.md')), { skipped: 'not a regular file' });
    assert.deepEqual(await readNote(path.join(folder, 'a.md')), { text: 'text' });
    assert.ok('skipped' in (await readNote(path.join(folder, 'link.md'))), 'a symbolic link is not followed');
    assert.deepEqual((await findNotes(folder)).map((f) => path.basename(f)), ['a.md'], 'only the regular note; no link, no loop');
    const skipped: string[] = [];
    assert.deepEqual(await findNotes(path.join(folder, 'vanished'), (file, reason) => skipped.push(`${path.basename(file)}: ${reason}`)), []);
    assert.deepEqual(skipped, ['vanished: it no longer exists']);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('lone surrogates and out-of-range or reversed edits from the editor do not break the note or the server', async () => {
  const file = 'articles/surrogates-open.md';
  const text = '---\ntitle: Lone \uD800 surrogates\noutlet: Editor\nperspective: other\n---\nTokayev \uDC00said\uD83D [x]{claim=lone-\uDFFF by=tokayev}\r\n';
  await session.open(file, text);
  await session.waitForDiagnostics(file, (ds) => codes(ds).includes('claim.invalid-key'));

  // Ranges the editor should never send: past the end, reversed, negative. The server clamps them and stays up.
  const uri = session.uri(file);
  const send = (version: number, changes: unknown[]) => session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  await send(2, [{ range: { start: { line: 1_000_000, character: 5 }, end: { line: 2_000_000, character: 0 } }, text: '\uDBFF' }]);
  await send(3, [{ range: { start: { line: 3, character: 2 }, end: { line: 1, character: 0 } }, text: '\r' }]);
  await send(4, [{ range: { start: { line: -4, character: -1 }, end: { line: 0, character: -7 } }, text: '\u0000' }]);
  await send(5, [{ text: 'Tokayev said [[tokayev]].\n' }]);
  const final = await session.waitForDiagnostics(file, (_, p) => p.version === 5);
  assert.deepEqual(codes(final), ['frontmatter.missing']);
  assert.ok(session.isRunning);
  await hoverTokayev();
});

test('a note whose URI has malformed escapes is still checked, and answers', async () => {
  // Raw messages: the client helpers, like Node's fileURLToPath, refuse such a URI.
  const uri = `${session.rootUri}/articles/bad-escape-%E0%A4%A-%zz.md`;
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Tokayev met [[putin]] and [[nobody-known]].\n' } });
  const published = await session.waitFor('diagnostics of the malformed URI', () => session.publications.find((p) => p.uri === uri));
  assert.deepEqual(codes(published.diagnostics), ['actor.unknown', 'frontmatter.missing']);
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
  assert.match((hover?.contents as MarkupContent).value, /Kassym-Jomart Tokayev/);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a note edited piece by piece (CRLF, lone CR, surrogate halves) reads exactly as the same text sent whole', async () => {
  const file = 'articles/crlf.md';
  await session.open(file, decodedText(file));
  const edits: [number, number, string][] = [
    [2, 0, '\r'], [5, 3, '\uD83D'], [5, 4, '\uDE00 [[putin]]\r\n'], [0, 0, '\r\n'], [8, 1, 'Tokayev\r'], [3, 2, '[x]{claim=k'],
  ];
  let version = 1;
  for (const [line, character, inserted] of edits) {
    version = await session.change(file, [{ range: { start: { line, character }, end: { line, character } }, text: inserted }]);
  }
  await session.waitForDiagnostics(file, (_, p) => p.version === version);
  const tokens = async () => session.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: session.uri(file) } });
  const symbols = async () => session.request('textDocument/documentSymbol', { textDocument: { uri: session.uri(file) } });
  const pieceByPiece = { diagnostics: session.diagnosticsOf(file), tokens: await tokens(), symbols: await symbols() };

  version = await session.change(file, session.textOf(file));
  await session.waitForDiagnostics(file, (_, p) => p.version === version);
  const whole = { diagnostics: session.diagnosticsOf(file), tokens: await tokens(), symbols: await symbols() };
  assert.deepEqual(pieceByPiece, whole);
  await session.close(file);
});

test('a 20 MB single-line note does not block hovers while it is read and indexed', async (t) => {
  const file = 'articles/huge-line.md';
  const sentence = 'Lorem ipsum [dolor](sit) `amet`, consectetur <b>adipiscing</b> elit http://example.com/x sed do eiusmod tempor. ';
  const huge = `Tokayev said this. ${sentence.repeat(Math.ceil((20 * 1024 * 1024) / sentence.length))}`;
  assert.ok(huge.length >= 20 * 1024 * 1024);
  const mark = session.mark();
  const started = performance.now();
  await session.notifyFiles([session.writeFile(file, huge)]);
  // Hovers elsewhere, one after another, for as long as the note is being read, parsed and checked.
  const published = session.waitForDiagnostics(file, () => true, INDEX_TIMEOUT_MS, mark);
  let indexed = false;
  void published.then(() => (indexed = true), () => undefined);
  const latencies: number[] = [];
  do {
    const asked = performance.now();
    await hoverTokayev();
    latencies.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (!indexed && performance.now() - started < INDEX_TIMEOUT_MS);
  const diagnostics = await published;
  const indexedMs = performance.now() - started;
  const slowest = Math.max(...latencies);
  t.diagnostic(`${latencies.length} hovers while the 20 MB note was indexed (${indexedMs.toFixed(0)} ms): slowest ${slowest.toFixed(0)} ms, median ${median(latencies).toFixed(0)} ms`);
  assert.ok(slowest < 30_000, `the slowest hover took ${slowest.toFixed(0)} ms`);
  assert.deepEqual(codes(diagnostics), ['frontmatter.missing']);

  // Once indexed, a hover that quotes it shows a short quote, not megabytes.
  const markdown = await hoverTokayev();
  assert.ok(markdown.length < 20_000, `hover of ${markdown.length} characters`);
  assert.ok(session.isRunning);
  await session.notifyFiles([session.removeFile(file)]);
});

test('a workspace of 2,000 notes answers hovers while it indexes', async (t) => {
  const NOTES = 2_000;
  const big = await startServer({
    waitForIndex: false,
    prepare: (root) => {
      for (let i = 0; i < NOTES; i++) {
        fs.writeFileSync(path.join(root, 'articles', `generated-${i}.md`), [
          '---', `title: Generated ${i}`, `outlet: Outlet ${i % 40}`, `perspective: ${i % 2 ? 'western' : 'russian-state'}`, '---', '',
          `Tokayev said [the claim number ${i % 50}]{claim=generated-${i % 50} by=tokayev} while [[putin]] listened. ${'Lorem ipsum dolor sit amet. '.repeat(40)}`, '',
        ].join('\n'));
      }
    },
  });
  try {
    const text = big.readFile(CHANNEL24);
    const position = big.positionIn(CHANNEL24, offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length + 2);
    const started = performance.now();
    const latencies: number[] = [];
    let ready = false;
    void big.waitForIndexReady(0, INDEX_TIMEOUT_MS).then(() => (ready = true), () => undefined);
    while (!ready && performance.now() - started < INDEX_TIMEOUT_MS) {
      const asked = performance.now();
      const hover = await big.request<Hover | null>('textDocument/hover', { textDocument: { uri: big.uri(CHANNEL24) }, position }, 30_000);
      latencies.push(performance.now() - asked);
      if (hover) assert.match((hover.contents as MarkupContent).value, /Kassym-Jomart Tokayev/);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await big.waitForIndexReady(0, INDEX_TIMEOUT_MS);
    const indexedMs = performance.now() - started;
    t.diagnostic(`${latencies.length} hovers while ${NOTES} notes were indexed (${indexedMs.toFixed(0)} ms): slowest ${Math.max(...latencies).toFixed(0)} ms, median ${median(latencies).toFixed(0)} ms`);
    assert.ok(latencies.length > 1, 'hovers were answered during indexing, not only after it');
    assert.ok(Math.max(...latencies) < 10_000, `slowest hover ${Math.max(...latencies).toFixed(0)} ms`);
  } finally {
    await big.shutdown();
  }
});

test('bad settings and a counterpoint.yaml with unknown or invalid values: a clear message for each, and the defaults apply', async () => {
  const bad = await startServer({
    configuration: {
      hover: { maxSources: 'lots' },
      codeLens: { enabled: 'yes' },
      rules: { 'claim.no-counter-source': 'loud', 'no.such.rule': 'error' },
      perspectives: 42,
      bareAliases: { enabled: 3 },
    },
    prepare: (root) => fs.writeFileSync(path.join(root, 'counterpoint.yaml'),
      'articles: 7\nperspectives: [ukrainian, 3]\nrules:\n  claim.no-counter-source: loud\n  made.up: error\nbareAliases: maybe\ncolour: blue\n'),
  });
  try {
    const problems = await bad.waitForDiagnostics('counterpoint.yaml', (ds) => ds.length > 0);
    assert.ok(problems.every((d) => d.code === 'config.invalid'));
    for (const key of ['articles', 'perspectives', 'claim.no-counter-source', 'made.up', 'bareAliases', 'colour']) {
      assert.ok(problems.some((d) => d.message.includes(`\`${key}\``)), `a message names ${key}: ${problems.map((d) => d.message).join(' | ')}`);
    }
    // One message for the settings and one for the file, however many problems each has; the log lists every one.
    const shown = bad.shownMessages.map((m) => m.message);
    assert.equal(shown.filter((m) => /counterpoint settings/.test(m)).length, 1, shown.join('\n'));
    assert.equal(shown.filter((m) => /counterpoint\.yaml: \d+ problems/.test(m)).length, 1, shown.join('\n'));
    const logged = bad.logMessages.map((m) => m.message).join('\n');
    for (const setting of ['hover.maxSources', 'codeLens.enabled', 'no.such.rule', 'claim.no-counter-source', 'perspectives', 'bareAliases.enabled']) {
      assert.ok(logged.includes(setting), `the log names ${setting}:\n${logged}`);
    }
    // The defaults: articles/ holds the articles, the counter-source check is on at its default severity, bare aliases count.
    const insight = await bad.waitForDiagnostics('articles/insight-news-tokaev-double-play.md', (ds) => ds.some((d) => d.code === 'claim.no-counter-source'));
    assert.ok(insight.filter((d) => d.code === 'claim.no-counter-source').every((d) => d.severity === 2), 'a warning, its default');
    const text = bad.readFile(CHANNEL24);
    const offset = offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length + 2;
    const hover = await bad.request<Hover | null>('textDocument/hover', { textDocument: { uri: bad.uri(CHANNEL24) }, position: bad.positionIn(CHANNEL24, offset) });
    assert.match((hover?.contents as MarkupContent).value, /Kassym-Jomart Tokayev/, 'a bare alias is a mention, as by default');
  } finally {
    await bad.shutdown();
  }
});

test('a counterpoint.yaml that is a symbolic link is not followed, and says so', async () => {
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-config-'));
  fs.writeFileSync(path.join(elsewhere, 'counterpoint.yaml'), 'rules:\n  claim.no-counter-source: off\n');
  const linked = await startServer({
    prepare: (root) => {
      fs.rmSync(path.join(root, 'counterpoint.yaml'));
      fs.symlinkSync(path.join(elsewhere, 'counterpoint.yaml'), path.join(root, 'counterpoint.yaml'));
    },
  });
  try {
    const problems = await linked.waitForDiagnostics('counterpoint.yaml', (ds) => ds.length > 0);
    assert.match(problems[0].message, /counterpoint\.yaml is not read \(a symbolic link, not followed\); using the defaults/);
    await linked.waitForDiagnostics('articles/insight-news-tokaev-double-play.md', (ds) => ds.some((d) => d.code === 'claim.no-counter-source'));
  } finally {
    await linked.shutdown();
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

test('nothing was logged as an uncaught error, and the protocol stayed clean', () => {
  assert.deepEqual(session.logMessages.filter((m) => /Uncaught|Unhandled rejection/.test(m.message)), []);
  session.assertHealthy();
});
