// Hover, definition and references through the protocol, on the real samples; nothing is edited here.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { textAt } from '../helpers/edits';
import { assertOnlyFileLinksInto, bodyStart, escapeRegExp, markupSpans, offsetOf, positionAt, proseOccurrences, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';
const INSIGHT = 'articles/insight-news-tokaev-double-play.md';
const TOKAYEV = 'actors/tokayev.md';
const OTHER_OUTLETS = ['Center for Countering Disinformation', 'Central Media Office of Hizb ut Tahrir', 'Insight News Media', 'World Today News'];

let session: LspSession;
before(async () => {
  session = await startServer();
});
after(async () => {
  await session?.shutdown();
});

async function hoverAt(file: string, offset: number): Promise<{ hover: Hover; markdown: string }> {
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uri(file) }, position: session.positionIn(file, offset) });
  assert.ok(hover, `a hover at ${file}:${JSON.stringify(session.positionIn(file, offset))}`);
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return { hover, markdown: contents.value };
}

/** "perspective outlet" of each outlet an actor hover quotes. */
function quotedOutlets(markdown: string): string[] {
  return [...markdown.matchAll(/^- \*([^*]+)\* · \[([^\]]+)\]/gm)].map(([, perspective, outlet]) => `${perspective} ${outlet}`);
}

function assertOnlyWorkspaceFileLinks(markdown: string): void {
  assertOnlyFileLinksInto(session.root, markdown);
}

test('hover on a bare alias ("Tokayev" in prose) gives the actor with sources from several outlets and perspectives', async () => {
  const text = session.readFile(CHANNEL24);
  const lines = text.split('\n');
  const offset = proseOccurrences(text, 'Tokayev').find((at) => !lines[positionAt(text, at).line].startsWith('#'));
  assert.ok(offset !== undefined, 'a bare "Tokayev" in a paragraph of the Channel 24 note');
  const { hover, markdown } = await hoverAt(CHANNEL24, offset + 3);

  assert.equal(textAt(text, hover.range!), 'Tokayev', 'the hover range is the bare word');
  assert.match(markdown, /Kassym-Jomart Tokayev/);
  assert.match(markdown, /President of Kazakhstan/);
  assert.ok(markdown.includes('**Cross-source context** · 5 articles from 5 outlets in 2 perspectives, this one included'), markdown);
  // One outlet of each perspective in turn, three in all, and a link to the rest.
  assert.deepEqual(quotedOutlets(markdown), ['ukrainian Center for Countering Disinformation', 'other Central Media Office of Hizb ut Tahrir', 'ukrainian Insight News Media']);
  assert.ok(markdown.includes('[…and 1 more source](command:counterpoint.showActorSources?'));
  // The sentence around the first mention in the CCD note, with its wiki links shown as their labels.
  assert.ok(markdown.includes('“Kazakh President Kassym-Jomart Tokayev’s sensational speech at the St.…”'), 'a quoted sentence');
  assert.match(markdown, /\*\*Claims by Kassym-Jomart Tokayev\*\* · [^\n]*kazakhstan-complies-with-sanctions \(4 outlets, contested\)/, 'his claims, with the outlets carrying each');
  assert.ok(markdown.includes(`${session.uri(TOKAYEV)}#`), 'a link to the actor note');
  assertOnlyWorkspaceFileLinks(markdown);
});

test('hover on a wiki link ([[putin|Putin]]) covers the link and describes that actor', async () => {
  const text = session.readFile(CHANNEL24);
  const link = offsetOf(text, '[[putin|Putin]]');
  const { hover, markdown } = await hoverAt(CHANNEL24, link + 10);
  assert.equal(textAt(text, hover.range!), '[[putin|Putin]]');
  assert.match(markdown, /Vladimir Putin/);
  assert.match(markdown, /President of Russia/);
  assert.doesNotMatch(markdown, /President of Kazakhstan/, 'not Tokayev');
  for (const outlet of OTHER_OUTLETS.slice(0, 3)) assert.ok(markdown.includes(outlet), `mentions in ${outlet}`);
  assert.ok(markdown.includes('…denazified, Tokayev reminded putin'), 'the CCD sentence mentioning putin');
  assertOnlyWorkspaceFileLinks(markdown);
});

test('hover on a claim key shows the other outlets carrying it, their stance and their wording', async () => {
  const text = session.readFile(CHANNEL24);
  const key = offsetOf(text, 'claim=no-recognition-dpr-lpr by=tokayev') + 'claim='.length;
  const { hover, markdown } = await hoverAt(CHANNEL24, key + 4);
  assert.equal(textAt(text, hover.range!), 'no-recognition-dpr-lpr');
  assert.match(markdown, /no-recognition-dpr-lpr/);
  assert.match(markdown, /4 outlets/);
  assert.match(markdown, /2 perspectives/);
  for (const outlet of ['Center for Countering Disinformation', 'World Today News', 'Central Media Office of Hizb ut Tahrir']) {
    assert.ok(markdown.includes(outlet), `carried by ${outlet}`);
  }
  assert.ok(!markdown.includes('Insight News Media'), 'Insight News does not carry the SPIEF statement');
  assert.ok(markdown.includes('**corroborated across perspectives** · Central Media Office of Hizb ut Tahrir reports it from Kassym-Jomart Tokayev \\(other\\)'), 'the other-perspective outlet, named');
  assert.ok(markdown.includes('**First carried** 2022-06-20 by Center for Countering Disinformation (ukrainian) · 4 undated'), 'when it first appeared');
  assert.match(markdown, /\breports\b/);
  assert.ok(markdown.includes('Kazakhstan does not recognize the independence of the so-called DPR and LPR'), 'the CCD wording');
  assert.ok(markdown.includes('quasi-state territories that are not recognized by Kazakhstan'), 'the World Today News wording');
  assertOnlyWorkspaceFileLinks(markdown);
});

test('no hover on plain prose', async () => {
  const text = session.readFile(CHANNEL24);
  const hover = await session.request<Hover | null>('textDocument/hover', {
    textDocument: { uri: session.uri(CHANNEL24) },
    position: session.positionIn(CHANNEL24, offsetOf(text, 'The attitude of') + 5),
  });
  assert.equal(hover, null);
});

test('definition from a bare alias ("Tokaev") lands on the name in actors/tokayev.md', async () => {
  const text = session.readFile(INSIGHT);
  const offset = offsetOf(text, 'how Tokaev refused') + 'how '.length;
  assert.ok(proseOccurrences(text, 'Tokaev').includes(offset), 'a bare mention');
  const locations = await session.request<Location[]>('textDocument/definition', { textDocument: { uri: session.uri(INSIGHT) }, position: session.positionIn(INSIGHT, offset + 2) });
  assert.equal(locations.length, 1);
  assert.equal(locations[0].uri, session.uri(TOKAYEV));
  assert.equal(textAt(session.readFile(TOKAYEV), locations[0].range), 'Kassym-Jomart Tokayev', 'the frontmatter name value');
});

test('definition on a claim key lists the other occurrences of the key', async () => {
  const text = session.readFile(CHANNEL24);
  const key = offsetOf(text, 'claim=no-recognition-dpr-lpr stance=asserts') + 'claim='.length;
  const locations = await session.request<Location[]>('textDocument/definition', { textDocument: { uri: session.uri(CHANNEL24) }, position: session.positionIn(CHANNEL24, key + 1) });
  const files = locations.map((l) => session.relative(l.uri));
  assert.ok(files.includes('articles/ccd-kazakhstan-new-course.md') && files.includes('articles/world-today-news-russia-wants-three-regions.md') &&
    files.includes('articles/hizb-ut-tahrir-is-kazakhstan-moving-away.md'), `occurrences in the other outlets: ${files.join(', ')}`);
  for (const location of locations) {
    assert.match(textAt(session.readFile(location.uri), location.range), /no-recognition-dpr-lpr/);
  }
});

/** Every mention of Tokayev, computed from the files: wiki links and by= values naming him, and his names in prose. */
function expectedTokayevMentions(): { where: string; kind: 'wikilink' | 'by' | 'bare' }[] {
  const actorText = session.readFile(TOKAYEV);
  const frontmatter = actorText.slice(0, bodyStart(actorText));
  const aliases = [...frontmatter.matchAll(/^[ \t]+-[ \t]+(\S.*)$/gm)].map((m) => m[1].trim());
  const name = /^name:[ \t]*(\S.*)$/m.exec(frontmatter)![1].trim();
  const names = [...new Set([name, ...aliases])];
  assert.ok(names.includes('Tokaev') && names.includes('Kasim-Jomart Tokayev'), `aliases read: ${names.join(', ')}`);
  const known = new Set(['tokayev', ...names.map((n) => n.toLowerCase())]);
  // Longest first, so "Kassym-Jomart Tokayev" is one mention, not a mention of "Tokayev" too.
  const pattern = names.sort((a, b) => b.length - a.length).map((n) => escapeRegExp(n).replace(/\\-|-/g, '[-‐‑‒–—]').replace(/ /g, '\\s+')).join('|');
  const bare = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${pattern})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');

  const result: { where: string; kind: 'wikilink' | 'by' | 'bare' }[] = [];
  for (const file of session.noteFiles()) {
    const text = session.readFile(file);
    const start = bodyStart(text);
    const where = (from: number, to: number) => `${file}:${JSON.stringify(positionAt(text, from))}-${JSON.stringify(positionAt(text, to))}`;
    const masked = markupSpans(text);
    for (const span of masked) {
      if (span.start < start) continue;
      if (span.kind === 'wikilink') {
        const inner = text.slice(span.start + 2, span.end - 2);
        const target = inner.split('|')[0].split('#')[0];
        const at = span.start + 2 + (target.length - target.trimStart().length);
        if (known.has(target.trim().toLowerCase())) result.push({ where: where(at, at + target.trim().length), kind: 'wikilink' });
      } else if (span.kind === 'attributes') {
        for (const by of text.slice(span.start, span.end).matchAll(/(?<=[\s{])by=([^\s}]+)/g)) {
          const at = span.start + by.index! + 'by='.length;
          if (known.has(by[1].toLowerCase())) result.push({ where: where(at, at + by[1].length), kind: 'by' });
        }
      }
    }
    for (const match of text.matchAll(bare)) {
      const at = match.index!;
      if (at < start || masked.some((s) => at >= s.start && at < s.end)) continue;
      result.push({ where: where(at, at + match[0].length), kind: 'bare' });
    }
  }
  return result;
}

test('references on Tokayev list every mention in the workspace: bare names, wiki links and by= values', async () => {
  const expected = expectedTokayevMentions();
  const kinds = new Set(expected.map((m) => m.kind));
  assert.deepEqual([...kinds].sort(), ['bare', 'by', 'wikilink']);
  assert.ok(expected.length > 20, `${expected.length} mentions in the samples`);
  assert.ok(new Set(expected.filter((m) => m.kind === 'by').map((m) => m.where.split(':')[0])).size >= 3, 'by= mentions in several notes');

  const text = session.readFile(CHANNEL24);
  const offset = proseOccurrences(text, 'Tokaev')[0];
  assert.ok(offset !== undefined, 'a bare "Tokaev" in the Channel 24 note');
  const params = { textDocument: { uri: session.uri(CHANNEL24) }, position: session.positionIn(CHANNEL24, offset + 1) };
  const locations = await session.request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: false } });
  const actual = locations.map((l) => `${session.relative(l.uri)}:${JSON.stringify(l.range.start)}-${JSON.stringify(l.range.end)}`);
  assert.deepEqual([...actual].sort(), expected.map((m) => m.where).sort());

  const files = new Set(locations.map((l) => session.relative(l.uri)));
  assert.ok([...files].filter((f) => f.startsWith('articles/')).length === 5, 'all five articles mention him');
  for (const location of locations) {
    const written = textAt(session.readFile(location.uri), location.range);
    assert.match(written, /^(tokayev|tokaev|kass?y?i?m-jomart\s+tokayev)$/iu, `a reference covers a name: ${written}`);
  }

  const withDeclaration = await session.request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: true } });
  assert.equal(withDeclaration.length, locations.length + 1);
  assert.ok(withDeclaration.some((l) => l.uri === session.uri(TOKAYEV) && textAt(session.readFile(TOKAYEV), l.range) === 'Kassym-Jomart Tokayev'), 'the declaration');
});
