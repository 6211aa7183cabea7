// Hostile notes and a broken config through the protocol: the server stays up, reports, runs nothing, keeps answering.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { assertOnlyFileLinksInto, offsetOf, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const HOSTILE_OPEN = 'articles/hostile-open.md';
const HOSTILE_DISK = 'articles/hostile-disk.md';
const CONFIG = 'counterpoint.yaml';

let session: LspSession;
before(async () => {
  // A minimal client: it does not support window/showMessageRequest, so the server's warnings must not depend on it.
  session = await startServer({ showMessageRequests: false });
});
after(async () => {
  await session?.shutdown();
});

/** What a note's `---js` frontmatter would do if anything evaluated it: write a file, then kill the server. */
function hostileNote(pwned: string): string {
  return [
    '---js',
    `require('fs').writeFileSync(${JSON.stringify(pwned)}, 'pwned');`,
    'module.exports = process.exit(1);',
    '---',
    '',
    'NUL bytes \u0000here\u0000, a lone CR\rthere, and Tokayev said [x](command:workbench.action.quit) ![](https://evil.example/t.png) <img src=x onerror=alert(1)> www.evil.example.',
    '',
    'An unterminated [x]{claim=',
    '',
    '[[tokayev|Tokayev]] again, with [a span]{claim=ok-key} and [[',
    '',
  ].join('\n');
}

async function hoverTokayevInChannel24(): Promise<string> {
  const text = session.readFile(CHANNEL24);
  const offset = offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length + 2;
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uri(CHANNEL24) }, position: session.positionIn(CHANNEL24, offset) });
  assert.ok(hover, 'a hover');
  const markdown = (hover.contents as MarkupContent).value;
  assert.match(markdown, /Kassym-Jomart Tokayev/);
  assert.match(markdown, /Center for Countering Disinformation/);
  return markdown;
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

test('a hostile note opened in the editor: reported, never evaluated, and the server keeps answering', async () => {
  const pwned = path.join(session.root, 'pwned-open.txt');
  await session.open(HOSTILE_OPEN, hostileNote(pwned));
  const diagnostics = await session.waitForDiagnostics(HOSTILE_OPEN, (ds) => codes(ds).includes('frontmatter.language'));
  const language = diagnostics.find((d) => d.code === 'frontmatter.language')!;
  assert.equal(language.range.start.line, 0, 'on the fence');
  assert.match(language.message, /never runs code/);
  assert.ok(codes(diagnostics).includes('claim.malformed'), `the unterminated attribute block is reported: ${codes(diagnostics).join(', ')}`);

  assert.ok(!session.exists('pwned-open.txt'), 'the frontmatter code did not run');
  assert.ok(session.isRunning, 'the server did not exit');

  // Its Tokayev mentions count, and the hover that quotes this note shows its text inert.
  const markdown = await hoverTokayevInChannel24();
  assert.match(markdown, /Tokayev said \\\[x\\\]\\\(command\\:work/, 'the hostile sentence is quoted, escaped');
  assertOnlyFileLinksInto(session.root, markdown, (file) => file === session.pathOf(HOSTILE_OPEN) || fs.existsSync(file));

  // Edits that break it further (a lone CR at the end, a NUL in a link) are taken too.
  const version = await session.change(HOSTILE_OPEN, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\u0000\r' }]);
  await session.waitForDiagnostics(HOSTILE_OPEN, (_, p) => p.version === version);
  assert.ok(session.isRunning);
  session.assertHealthy();
});

test('a hostile note created on disk is read from disk the same way', async () => {
  const pwned = path.join(session.root, 'pwned-disk.txt');
  const mark = session.mark();
  const event = session.writeFile(HOSTILE_DISK, hostileNote(pwned).replace(/\n/g, '\r\n'));
  assert.equal(event.type, FileChangeType.Created);
  await session.notifyFiles([event]);
  const diagnostics = await session.waitForDiagnostics(HOSTILE_DISK, () => true, undefined, mark);
  assert.ok(codes(diagnostics).includes('frontmatter.language'), codes(diagnostics).join(', '));
  assert.ok(!session.exists('pwned-disk.txt'), 'the frontmatter code did not run');
  assert.ok(session.isRunning);
  await hoverTokayevInChannel24();
});

test('requests at absurd positions or for unknown documents answer empty instead of failing', async () => {
  const far = { line: 1_000_000, character: 1_000_000 };
  assert.equal(await session.request('textDocument/hover', { textDocument: { uri: session.uri(CHANNEL24) }, position: far }), null);
  assert.equal(await session.request('textDocument/hover', { textDocument: { uri: session.uri('articles/nope.md') }, position: { line: 0, character: 0 } }), null);
  assert.deepEqual(await session.request('textDocument/definition', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), []);
  assert.deepEqual(await session.request('textDocument/references', { textDocument: { uri: session.uri(HOSTILE_OPEN) }, position: far, context: { includeDeclaration: true } }), []);
  session.assertHealthy();
});

test('an invalid counterpoint.yaml gives config.invalid on the file, and everything else keeps working', async () => {
  const original = session.readFile(CONFIG);
  let mark = session.mark();
  await session.notifyFiles([session.writeFile(CONFIG, 'perspectives: [ukrainian, other\nrules: {{{\n')]);
  const problems = await session.waitForDiagnostics(CONFIG, (ds) => ds.length > 0, undefined, mark);
  assert.deepEqual(codes(problems), ['config.invalid']);
  assert.equal(problems[0].severity, 1);
  assert.match(problems[0].message, /YAML/);
  await session.waitFor('a warning logged', () => session.logMessages.find((m) => m.type === 2 && /counterpoint\.yaml/.test(m.message)));
  await session.waitForIndexReady(mark);

  // The defaults apply: notes are indexed again and still checked, hovers still answer.
  await session.waitForDiagnostics('articles/insight-news-tokaev-double-play.md', (ds) => codes(ds).includes('claim.no-counter-source'), undefined, mark);
  await hoverTokayevInChannel24();

  mark = session.mark();
  await session.notifyFiles([session.writeFile(CONFIG, original)]);
  await session.waitForDiagnostics(CONFIG, (ds) => ds.length === 0, undefined, mark);
  assert.ok(session.isRunning);
});

test('nothing was logged as an uncaught error', () => {
  const uncaught = session.logMessages.filter((m) => /Uncaught|Unhandled rejection/.test(m.message));
  assert.deepEqual(uncaught, []);
  assert.equal(session.stderr, '', 'nothing on stderr');
  session.assertHealthy();
});
