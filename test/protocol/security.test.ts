// Notes are untrusted: through the stdio server, no frontmatter is ever evaluated whatever its fence says, nothing a note
// writes can turn into a link, an image or HTML in a hover, completion or the claim matrix, and a request that makes a
// handler throw is answered with an error while the server stays up.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { defaultConfig } from '../../server/src/model/config';
import { parseNote } from '../../server/src/syntax/note';
import { assertOnlyFileLinksInto, offsetOf, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const HOSTILE_ARTICLE = 'articles/hostile-hover.md';
const HOSTILE_ACTOR = 'actors/evil-actor.md';
const NO_PERSPECTIVE = 'articles/no-perspective.md';

/** Fence languages gray-matter (and others) would run as code, and formats that are not YAML. */
const FENCE_LANGUAGES = ['js', 'javascript', 'JS', 'coffee', 'coffeescript', 'json', 'toml', 'ts'];

/** Code that, if anything ran it, would leave a marker file, set a global and kill the process. */
function codeFor(language: string, marker: string): string {
  if (language === 'json') return JSON.stringify({ title: 'JSON data', outlet: 'JSON Outlet', perspective: 'other', run: `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned')` });
  if (language.startsWith('coffee')) return `require('fs').writeFileSync ${JSON.stringify(marker)}, 'pwned'\nglobalThis.counterpointPwned = true\nprocess.exit 7`;
  if (language === 'toml') return `title = "TOML"\nrun = "require('fs').writeFileSync(${JSON.stringify(marker)})"`;
  return `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); globalThis.counterpointPwned = true; process.exit(7); ({ title: 'x' })`;
}

function fencedNote(language: string, marker: string): string {
  return `---${language}\n${codeFor(language, marker)}\n---\nTokayev said nothing of note.\n`;
}

/** YAML's own ways to name code: tags that unsafe loaders turn into functions or shell commands. */
const YAML_CODE_TAGS = [
  'title: !!js/function "function () { require(\'fs\').writeFileSync(\'MARKER\', \'pwned\') }"',
  'title: !!js/undefined ""',
  'title: !!js/regexp /(a+)+$/',
  'title: !!python/object/apply:os.system ["touch MARKER"]',
];

const HOSTILE_TEXT = [
  '---',
  'title: "<script>alert(1)</script> Hostile"',
  'outlet: "[Evil Outlet](command:workbench.action.terminal.new) <img src=https://evil.example/o.png> ![o](https://evil.example/o.png)"',
  'perspective: western',
  'date: "<b>2022</b>"',
  '---',
  'Tokayev said [click](command:workbench.action.terminal.new) and <img src=https://evil.example/x.png> and ![t](https://evil.example/t.png),',
  'see [js](javascript:alert(1)) <!-- hidden comment --> javascript:alert(2) www.evil.example <a href="https://evil.example">a</a> https://evil.example/raw.',
  '',
  '[Kazakhstan would not recognise them [x](command:workbench.action.quit) <img src=x onerror=alert(1)>]{claim=no-recognition-dpr-lpr by=tokayev stance=disputes}',
  '',
  '[[evil-actor]] spoke too: [He said it]{claim=hostile-claim by=[x](command:workbench.action.quit)}',
  '',
  '[[',
  '',
].join('\n');

const HOSTILE_ACTOR_TEXT = [
  '---',
  'name: "[Evil](command:workbench.action.terminal.new) <img src=https://evil.example/n.png>"',
  'aliases:',
  '  - "![alias](https://evil.example/a.png)"',
  '  - "<b>Evil</b>"',
  '  - "javascript:alert(1)"',
  'kind: person',
  'role: "[role](https://evil.example/role) <script>alert(1)</script>"',
  '---',
  'An actor whose every field is hostile.',
  '',
].join('\n');

let session: LspSession;
/** Notes open in the editor only, never saved: links to them are links to workspace files too. */
const opened = new Set<string>();
before(async () => {
  session = await startServer({
    configuration: { hover: { maxSources: 50 } },
    prepare: (root) => {
      for (const language of FENCE_LANGUAGES) fs.writeFileSync(path.join(root, `articles/fence-${language}-disk.md`), fencedNote(language, path.join(root, `pwned-${language}-disk.txt`)));
      YAML_CODE_TAGS.forEach((line, i) => fs.writeFileSync(path.join(root, `articles/yaml-tag-${i}.md`), `---\n${line.replace('MARKER', path.join(root, `pwned-tag-${i}.txt`))}\noutlet: X\nperspective: other\n---\nText.\n`));
      fs.writeFileSync(path.join(root, 'articles/prototype.md'), '---\n__proto__: {perspective: western, polluted: yes}\nconstructor: {prototype: {polluted: yes}}\ntitle: Prototype\noutlet: Proto\nperspective: other\n---\nText.\n');
      fs.writeFileSync(path.join(root, NO_PERSPECTIVE), '---\ntitle: No perspective\noutlet: Somewhere\n---\nText.\n');
      fs.writeFileSync(path.join(root, HOSTILE_ARTICLE), HOSTILE_TEXT);
      fs.writeFileSync(path.join(root, HOSTILE_ACTOR), HOSTILE_ACTOR_TEXT);
    },
  });
});
after(async () => {
  await session?.shutdown();
});

const codes = (diagnostics: readonly { code?: unknown }[]) => diagnostics.map((d) => String(d.code));

function pwnedFiles(): string[] {
  return fs.readdirSync(session.root).filter((name) => name.startsWith('pwned'));
}

// ---- no code from notes ever runs ----

test('frontmatter in any fence language but YAML is never evaluated, in the core', () => {
  const marker = path.join(session.root, 'pwned-in-process.txt');
  for (const language of FENCE_LANGUAGES) {
    const note = parseNote('file:///ws/articles/a.md', 'articles/a.md', fencedNote(language, marker), 'article', defaultConfig());
    assert.deepEqual(codes(note.diagnostics), ['frontmatter.language'], `---${language}: reported, and nothing read from it`);
    assert.match(note.diagnostics[0].message, /YAML frontmatter only and never runs code/);
    assert.deepEqual(note.article, {}, `---${language}: no field is read`);
  }
  assert.equal((globalThis as { counterpointPwned?: unknown }).counterpointPwned, undefined, 'no global was set');
  assert.ok(!fs.existsSync(marker), 'no marker file was written');
});

test('frontmatter fences with code, read from disk at start-up: frontmatter.language on the fence, nothing runs', async () => {
  for (const language of FENCE_LANGUAGES) {
    const diagnostics = await session.waitForDiagnostics(`articles/fence-${language}-disk.md`, () => true);
    assert.deepEqual(codes(diagnostics), ['frontmatter.language'], `---${language}`);
    assert.equal(diagnostics[0].range.start.line, 0);
  }
  assert.deepEqual(pwnedFiles(), [], 'no marker file');
  assert.ok(session.isRunning, 'the server did not exit');
});

test('frontmatter fences with code, opened and typed in the editor: reported at every version, nothing runs', async () => {
  for (const language of FENCE_LANGUAGES) {
    const file = `articles/fence-${language}-open.md`;
    const marker = path.join(session.root, `pwned-${language}-open.txt`);
    await session.open(file, fencedNote(language, marker));
    opened.add(session.pathOf(file));
    await session.waitForDiagnostics(file, (ds) => codes(ds).includes('frontmatter.language'));
    // Typing more code in the fence: each version is checked, none is run.
    const version = await session.change(file, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x');\n` }]);
    const diagnostics = await session.waitForDiagnostics(file, (_, p) => p.version === version);
    assert.ok(codes(diagnostics).includes('frontmatter.language'), `---${language} after an edit`);
  }
  assert.deepEqual(pwnedFiles(), [], 'no marker file');
  assert.ok(session.isRunning);
});

test('YAML tags that name code (!!js/function, !!python/object) are refused as invalid YAML, not run', async () => {
  for (let i = 0; i < YAML_CODE_TAGS.length; i++) {
    const diagnostics = await session.waitForDiagnostics(`articles/yaml-tag-${i}.md`, () => true);
    assert.deepEqual(codes(diagnostics), ['frontmatter.yaml'], YAML_CODE_TAGS[i]);
    assert.match(diagnostics[0].message, /unknown tag/);
  }
  assert.deepEqual(pwnedFiles(), []);
});

test('a __proto__ key in frontmatter pollutes nothing: other notes read their own fields only', async () => {
  const diagnostics = await session.waitForDiagnostics(NO_PERSPECTIVE, () => true);
  assert.ok(diagnostics.some((d) => d.code === 'article.missing-field' && /perspective/.test(d.message)), 'the note without perspective still lacks one');
  assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  const note = parseNote('file:///ws/articles/p.md', 'articles/p.md', '---\n__proto__: {polluted: yes}\n---\n', 'article', defaultConfig());
  assert.ok(note.frontmatter);
  assert.equal(({} as { polluted?: unknown }).polluted, undefined, 'Object.prototype is untouched in-process');
});

// ---- hovers, completions and the matrix cannot be used against the user ----

async function hoverAt(file: string, needle: string, into = 0): Promise<string> {
  const text = session.textOf(file);
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uri(file) }, position: session.positionIn(file, offsetOf(text, needle) + into) });
  assert.ok(hover, `a hover at ${JSON.stringify(needle)} in ${file}`);
  return (hover.contents as MarkupContent).value;
}

/** Only the server's own links to workspace files; no raw HTML at all (a `<` is always escaped), no image, no autolink. */
function assertInert(markdown: string): void {
  assertOnlyFileLinksInto(session.root, markdown, (file) => fs.existsSync(file) || opened.has(file));
  assert.doesNotMatch(markdown, /</, 'no raw <');
  assert.doesNotMatch(markdown, /\]\((?!file:)/, 'no link to anything but a file');
}

/** The hostile text is there, so the checks above are not passing on an empty answer: shown escaped, as typed. */
function assertShows(markdown: string, escaped: string): void {
  assert.ok(markdown.includes(escaped), `shows ${escaped}\nin: ${markdown.slice(0, 4000)}`);
}

test('an actor hover quoting a hostile note shows its text and outlet inert', async () => {
  const markdown = await hoverAt(CHANNEL24, 'He noted that Tokayev', 'He noted that '.length + 2);
  assertInert(markdown);
  // The hostile note is listed, its words shown as written but escaped.
  assertShows(markdown, String.raw`[\[Evil Outlet\]\(command\:workbench.action.terminal.new\) &lt;img src=https\://evil.example/o.png&gt; \!\[o\]\(https\://evil.example/o.png\)](file://`);
  assertShows(markdown, String.raw`Tokayev said \[click\]\(command\:workbench.action.terminal.new\) and &lt;img src=https\://evil.example/x.png&gt; and \!\[t\]\(https\://evil.example/t.png\)`);
  assertShows(markdown, '&lt;b&gt;2022&lt;/b&gt;');
});

test('a claim hover listing a hostile occurrence shows its claimed words inert', async () => {
  const markdown = await hoverAt(CHANNEL24, 'claim=no-recognition-dpr-lpr by=tokayev', 'claim='.length + 2);
  assertInert(markdown);
  assertShows(markdown, String.raw`\[x\]\(command\:workbench.action.quit\) &lt;img src=x onerror=alert\(1\)&gt;`);
  assert.match(markdown, /disputes/);
});

test('the hover of an actor whose name, aliases and role are hostile is inert', async () => {
  const markdown = await hoverAt(HOSTILE_ARTICLE, '[[evil-actor]]', 4);
  assertInert(markdown);
  assertShows(markdown, String.raw`**\[Evil\]\(command\:workbench.action.terminal.new\) &lt;img src=https\://evil.example/n.png&gt;**`);
  assertShows(markdown, String.raw`\!\[alias\]\(https\://evil.example/a.png\)`);
  assertShows(markdown, String.raw`javascript\:alert\(1\)`);
  assertShows(markdown, String.raw`\[role\]\(https\://evil.example/role\) &lt;script&gt;alert\(1\)&lt;/script&gt;`);
});

test('the hover of an unknown claimant written as a link is inert', async () => {
  const markdown = await hoverAt(HOSTILE_ARTICLE, 'by=[x](command', 'by='.length + 1);
  assertInert(markdown);
  assert.match(markdown, /Unknown actor/);
  assertShows(markdown, String.raw`\[x\]\(command\:workbench.action.quit\)`);
});

test('completion documentation of a hostile actor is inert', async () => {
  const text = session.readFile(HOSTILE_ARTICLE);
  const items = await session.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
    textDocument: { uri: session.uri(HOSTILE_ARTICLE) },
    position: session.positionIn(HOSTILE_ARTICLE, text.lastIndexOf('[[') + 2),
  });
  const list = Array.isArray(items) ? items : items.items;
  const evil = list.find((item) => item.label === 'evil-actor');
  assert.ok(evil, 'the hostile actor is offered');
  for (const item of list) {
    const documentation = item.documentation;
    if (documentation && typeof documentation === 'object') assertInert(documentation.value);
  }
  assertShows((evil.documentation as MarkupContent).value, String.raw`\!\[alias\]`);
});

test('the claim matrix shows hostile outlets escaped', async () => {
  const matrix = await session.request<{ markdown: string }>('counterpoint/claimMatrix');
  const withoutOwnBreaks = matrix.markdown.replace(/<br>/g, '');
  assertOnlyFileLinksInto(session.root, withoutOwnBreaks);
  assert.doesNotMatch(withoutOwnBreaks, /</, 'no HTML but the matrix\'s own line breaks');
  assertShows(matrix.markdown, String.raw`\[Evil Outlet\]\(command\:`);
});

test('code lens titles and diagnostic messages are plain text: counts, codes and names as written', async () => {
  const lenses = await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: session.uri(HOSTILE_ARTICLE) } });
  assert.ok(lenses.length > 0);
  for (const lens of lenses) assert.match(lens.command!.title, /^\d+ sources? · \d+ perspectives? · [^<\[\]()]+$/, lens.command!.title);
  const diagnostics = session.diagnosticsOf(HOSTILE_ARTICLE)!;
  const unknown = diagnostics.find((d) => d.code === 'actor.unknown');
  assert.ok(unknown, codes(diagnostics).join(', '));
  // LSP shows messages as plain text: the name is quoted as written, and nothing in it is rendered.
  assert.match(unknown.message, /`\[x\]\(command:workbench\.action\.quit\)`/);
  for (const d of diagnostics) assert.doesNotMatch(d.message, /[\r\n\u0000]/, 'one line of text');
});

// ---- a handler that throws ----

test('a request that makes a handler throw gets an error response, and the next request is answered', async () => {
  const uri = session.uri(CHANNEL24);
  await assert.rejects(session.request('textDocument/hover', { textDocument: { uri }, position: null }), (error: { code?: number; message?: string }) => {
    assert.equal(typeof error.code, 'number', 'a JSON-RPC error');
    return true;
  });
  await assert.rejects(session.request('textDocument/definition', { textDocument: null, position: { line: 0, character: 0 } }));
  // Nonsense types in a position: answered (empty) or refused, never a crash.
  await session.request('textDocument/references', { textDocument: { uri }, position: { line: 'x', character: {} }, context: { includeDeclaration: true } }).catch(() => undefined);
  assert.ok(session.isRunning);
  const markdown = await hoverAt(CHANNEL24, 'He noted that Tokayev', 'He noted that '.length + 2);
  assert.match(markdown, /Kassym-Jomart Tokayev/);
  session.assertHealthy();
});

test('nothing was logged as an uncaught error and no marker file appeared', () => {
  assert.deepEqual(session.logMessages.filter((m) => /Uncaught|Unhandled rejection/.test(m.message)), []);
  assert.deepEqual(pwnedFiles(), []);
  assert.equal((globalThis as { counterpointPwned?: unknown }).counterpointPwned, undefined);
  session.assertHealthy();
});
