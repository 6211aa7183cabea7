// Shared pieces of the property-based (fast-check) suites: how many cases to run, the sample notes read at test time,
// generators of hostile and mutated notes, and the invariant checks every parse must pass.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { Workspace } from '../../server/src/model/workspace';
import type { Note } from '../../server/src/syntax/note';
import type { Span } from '../../server/src/syntax/text';

/** The repository root, from out/test/fuzz/support.js. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Cases per property. Small by default so that the fuzz suites finish in a few seconds in CI;
 * `COUNTERPOINT_FUZZ_RUNS=5000 node --test out/test/fuzz` (or `npm run test:fuzz`) runs many more.
 */
export const FUZZ_RUNS = positiveInteger(process.env.COUNTERPOINT_FUZZ_RUNS, 100);

/** A seed to replay a failure that fast-check reported (it prints the seed and the path with the counterexample). */
export const FUZZ_SEED = process.env.COUNTERPOINT_FUZZ_SEED ? Number(process.env.COUNTERPOINT_FUZZ_SEED) : undefined;

export function fuzzParameters<T>(runs = FUZZ_RUNS): fc.Parameters<T> {
  return { numRuns: runs, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

// ---- the samples, read at test time ----

export interface SampleNote {
  /** Relative to the samples folder, with `/`. */
  path: string;
  text: string;
}

let samples: SampleNote[] | undefined;

/** Every note of samples/ (articles and actors), so that mutations start from real annotated text. */
export function sampleNotes(): SampleNote[] {
  if (samples) return samples;
  const root = path.join(REPO_ROOT, 'samples');
  const found: SampleNote[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md') {
        found.push({ path: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  found.sort((a, b) => a.path.localeCompare(b.path));
  if (found.length === 0) throw new Error(`no sample notes under ${root}`);
  samples = found;
  return found;
}

export function sampleArticles(): SampleNote[] {
  return sampleNotes().filter((note) => note.path.startsWith('articles/'));
}

export function sampleActors(): SampleNote[] {
  return sampleNotes().filter((note) => note.path.startsWith('actors/'));
}

// ---- generators ----

/** Markup that the parser treats specially, and bytes that are known to break naive parsers. */
export const MARKUP_FRAGMENTS: readonly string[] = [
  '[[', ']]', '[', ']', '|', '#', ']{claim=', ']{claim=k by=tokayev stance=disputes}', '{', '}', '=', '"', "'",
  '`', '``', '```', '~~~', '\n```\n', '---', '\n---\n', '...', '\n...\n', '---js\n', '---yaml\n', '\n# ', '\n## ', '\n===\n', '\n- ',
  '\r', '\n', '\r\n', '\n\n', '\u0000', '\uFEFF', '\uD83D', '\uDE00', '\uD83D\uDE00', 'e\u0301', '\u0301', '\u200B', '\u2028',
  '<!--', '-->', '<', '>', '<https://x.example/a>', 'https://evil.example/x', 'www.', '\\', '[x](', ')', '![t](', '.single-source',
  'Tokayev', 'Tokaev', 'Kassym-Jomart\nTokayev', 'Putin', 'DPR', 'counter=https://x.example', 'stance=', 'by=', 'claim=',
  '[[tokayev|Tokaev]]', '[[putin]]', '[said]{claim=no-recognition-dpr-lpr by=tokayev}', '&a ', '*a', '<<: ', 'aliases:\n  - ',
  '[x](command:workbench.action.terminal.new)', '<img src=https://evil.example/x.png>', '![t](https://evil.example/t.png)',
  '[y](javascript:alert(1))', '<!-- hidden -->', '<script>alert(1)</script>', '**bold**', '_x_', '&lt;', '&#60;',
  'id: tokayev\n', 'name: Putin\n', 'kind: state\n', 'perspective: western\n', 'outlet: TASS\n', 'date: 2022-13-45\n',
];

/** Any UTF-16 code unit, lone surrogates and controls included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const markupFragment = fc.constantFrom(...MARKUP_FRAGMENTS);

/** Short runs mixing markup, arbitrary code units and words. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: markupFragment },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 8 }) },
  { weight: 2, arbitrary: fc.array(markupFragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** An edit of a text, in positions relative to its length so that it applies to any text. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'move'; at: number; length: number; to: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'line-ends'; to: '\r\n' | '\r' | '\n' };

const at = fc.double({ min: 0, max: 1, noNaN: true });
const length = fc.nat({ max: 400 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fragment }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), at, length, to: at }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, length: fc.nat({ max: 20 }), text: fragment }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('line-ends' as const), to: fc.constantFrom('\r\n' as const, '\r' as const, '\n' as const) }) },
);

function offsetIn(text: string, fraction: number): number {
  return Math.min(text.length, Math.floor(fraction * (text.length + 1)));
}

export function applyMutation(text: string, m: Mutation): string {
  if (m.kind === 'line-ends') return text.replace(/\r\n|\r|\n/g, m.to);
  const start = offsetIn(text, m.at);
  if (m.kind === 'insert') return text.slice(0, start) + m.text + text.slice(start);
  const end = Math.min(text.length, start + m.length);
  const slice = text.slice(start, end);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, start) + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + slice + text.slice(end);
    case 'replace':
      return text.slice(0, start) + m.text + text.slice(end);
    case 'move': {
      const rest = text.slice(0, start) + text.slice(end);
      const to = offsetIn(rest, m.to);
      return rest.slice(0, to) + slice + rest.slice(to);
    }
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

/** A sample note, mutated a few times. */
export function mutatedNote(pool: () => SampleNote[] = sampleNotes, maxMutations = 8): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat(), fc.array(mutation, { maxLength: maxMutations }))
    .map(([index, mutations]) => {
      const notes = pool();
      return applyMutations(notes[index % notes.length].text, mutations);
    });
}

/** Bytes as the server reads them from disk: any sequence, decoded as UTF-8 with U+FFFD for what is not. */
const decodedBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes));

/** Any text a note may hold: random, built from fragments, decoded from bytes, or a mutated sample. */
export const noteText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 200 }) },
  { weight: 2, arbitrary: fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: decodedBytes },
  { weight: 1, arbitrary: fc.array(fragment, { maxLength: 30 }).map((parts) => `---\n${parts.join('')}\n---\n${parts.reverse().join('')}`) },
  { weight: 4, arbitrary: mutatedNote() },
);

// ---- invariants ----

/** Every span a parsed note exposes, with a name for the failure message. */
export function spansOf(note: Note): [string, Span][] {
  const spans: [string, Span][] = [];
  const add = (name: string, span: Span | undefined) => {
    if (span) spans.push([name, span]);
  };
  const fm = note.frontmatter;
  if (fm) {
    add('frontmatter.span', fm.span);
    add('frontmatter.openFenceSpan', fm.openFenceSpan);
    for (const field of fm.fields.values()) {
      add(`field ${field.key} keySpan`, field.keySpan);
      add(`field ${field.key} valueSpan`, field.valueSpan);
      for (const item of field.items ?? []) add(`field ${field.key} item`, item.span);
    }
  }
  if (note.actor) {
    add('actor.idSpan', note.actor.idSpan);
    add('actor.nameSpan', note.actor.nameSpan);
    for (const alias of note.actor.aliases) add(`alias ${alias.value}`, alias.span);
  }
  for (const link of note.wikiLinks) {
    add('wikiLink.span', link.span);
    add('wikiLink.targetSpan', link.targetSpan);
    add('wikiLink.labelSpan', link.labelSpan);
  }
  for (const claim of note.claims) {
    add('claim.span', claim.span);
    add('claim.textSpan', claim.textSpan);
    add('claim.attributesSpan', claim.attributesSpan);
    add('claim.keySpan', claim.keySpan);
    add('claim.bySpan', claim.bySpan);
    add('claim.stanceSpan', claim.stanceSpan);
    for (const attribute of claim.attributes) {
      add(`attribute ${attribute.name} span`, attribute.span);
      add(`attribute ${attribute.name} nameSpan`, attribute.nameSpan);
      add(`attribute ${attribute.name} valueSpan`, attribute.valueSpan);
    }
  }
  for (const heading of note.headings) {
    add('heading.span', heading.span);
    add('heading.textSpan', heading.textSpan);
  }
  for (const block of note.blocks) add('block', block);
  for (const prose of note.prose) add('prose', prose);
  for (const d of note.diagnostics) add(`diagnostic ${d.code}`, d.span);
  return spans;
}

export function assertSpanInside(text: string, name: string, span: Span): void {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
  if (!ok) assert.fail(`${name} ${JSON.stringify(span)} is not a span of a ${text.length}-character text`);
}

const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

/** The structural invariants of one parse: spans inside the text, parts inside their wholes, names equal to their text. */
export function assertWellFormed(note: Note): void {
  const { text } = note;
  assert.ok(note.bodyStart >= 0 && note.bodyStart <= text.length, `bodyStart ${note.bodyStart}`);
  for (const [name, span] of spansOf(note)) assertSpanInside(text, name, span);

  for (const link of note.wikiLinks) {
    assert.equal(text.slice(link.targetSpan.start, link.targetSpan.end), link.target, 'a wiki link target is the text of its span');
    assert.ok(within(link.targetSpan, link.span), 'a wiki link target lies inside its link');
    if (link.labelSpan) {
      assert.equal(text.slice(link.labelSpan.start, link.labelSpan.end), link.label, 'a wiki link label is the text of its span');
      assert.ok(within(link.labelSpan, link.span), 'a wiki link label lies inside its link');
    }
  }
  for (const claim of note.claims) {
    assert.ok(within(claim.textSpan, claim.span) && within(claim.attributesSpan, claim.span), 'a claim holds its text and attributes');
    assert.ok(claim.textSpan.end <= claim.attributesSpan.start, 'a claim text comes before its attributes');
    assert.equal(text[claim.span.start], '[');
    assert.equal(text[claim.span.end - 1], '}');
    for (const attribute of claim.attributes) {
      assert.equal(text.slice(attribute.nameSpan.start, attribute.nameSpan.end), attribute.name, 'attribute name');
      assert.equal(text.slice(attribute.valueSpan.start, attribute.valueSpan.end), attribute.value, 'attribute value');
      assert.ok(within(attribute.span, claim.attributesSpan), 'an attribute lies inside its block');
    }
    if (claim.keySpan) assert.equal(text.slice(claim.keySpan.start, claim.keySpan.end), claim.key, 'claim key');
    if (claim.bySpan) assert.equal(text.slice(claim.bySpan.start, claim.bySpan.end), claim.by, 'claimant');
  }
  for (const heading of note.headings) {
    assert.equal(text.slice(heading.textSpan.start, heading.textSpan.end), heading.text, 'heading text');
    assert.ok(within(heading.textSpan, heading.span), 'a heading text lies inside its heading');
  }
  // Prose stretches are in order, apart, and in the body.
  let cursor = note.bodyStart;
  for (const prose of note.prose) {
    assert.ok(prose.start >= cursor && prose.end > prose.start, `prose ${JSON.stringify(prose)} after ${cursor}`);
    cursor = prose.end;
  }
  for (const d of note.diagnostics) assert.ok(d.message.length > 0, `${d.code} has a message`);
}

/** Mentions lie in their note and name what is written there. */
export function assertMentionsWellFormed(workspace: Workspace, note: Note): void {
  for (const mention of workspace.mentionsIn(note.uri)) {
    assertSpanInside(note.text, `mention ${mention.kind}`, mention.span);
    if (mention.linkSpan) {
      assertSpanInside(note.text, 'mention link', mention.linkSpan);
      assert.ok(within(mention.span, mention.linkSpan), 'a mention lies inside its link');
    }
    assert.ok(workspace.actor(mention.actorId), `mention of a known actor ${mention.actorId}`);
  }
}

// ---- hover safety ----

/**
 * Markdown shown in a hover may hold links the server built (to file: URIs) and nothing a note could smuggle in:
 * no other link target, no image, no raw HTML, no autolinkable URL.
 */
export function assertInertMarkdown(markdown: string): void {
  for (const [, target] of markdown.matchAll(/\]\(([^)]*)\)/g)) assert.match(target, /^file:\/\//, `link target ${target}`);
  assert.doesNotMatch(markdown, /!\[/, 'no image');
  assert.doesNotMatch(markdown, /</, 'no raw < (HTML)');
  assert.doesNotMatch(markdown, /(?<!\\)\b(?:https?|command|javascript|data|vbscript|mailto|vscode|ftp)(?=:)/i, 'no URL scheme a renderer would link');
  assert.doesNotMatch(markdown, /(?<![\\\w])www\./i, 'no www. autolink');
}
