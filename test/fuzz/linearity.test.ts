// Adversarial inputs for every loop and regular expression of the parser and the index: each is about a megabyte and
// shaped to make a quadratic scan or a backtracking pattern explode. Linear code indexes each in well under a second.
// A case fails when it takes longer than COUNTERPOINT_LINEAR_BUDGET_MS (default 2000 ms) at full size AND either grew
// more than 8 times from a quarter of the size or ran slower than 5 seconds a megabyte (work that is capped, say to the
// first part of a note, can be quadratic up to the cap and still grow 4-fold): only blow-ups fail, not a busy machine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../../server/src/model/config';
import { Workspace } from '../../server/src/model/workspace';
import { assertWellFormed, sampleActors } from './support';
import { noteDiagnostics, createWorkspace } from '../../server/src/rules/registry';

const ROOT = 'file:///ws';
const BUDGET_MS = Number(process.env.COUNTERPOINT_LINEAR_BUDGET_MS) || 2000;
const MAX_GROWTH = 8;
const MAX_MS_PER_MEGABYTE = 5000;

interface Case {
  name: string;
  /** Where the note lives: decides whether it is read as an article or an actor note. */
  path: string;
  /** The note, with every count passed through `n`: the test builds it at full size and at a quarter of it. */
  text: (n: (count: number) => number) => string;
}

const range = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

const CASES: Case[] = [
  { name: 'a 4 MB single line of prose with aliases', path: 'articles/a.md', text: (n) => 'Tokayev said the Kremlin and Putin agreed; '.repeat(n(100_000)) },
  { name: '100,000 nested brackets', path: 'articles/a.md', text: (n) => '['.repeat(n(100_000)) + 'x' + ']'.repeat(n(100_000)) },
  { name: '100,000 nested wiki-link openers', path: 'articles/a.md', text: (n) => '[['.repeat(n(100_000)) + 'x' + ']]'.repeat(n(100_000)) },
  { name: 'spans whose braces never close, on one line', path: 'articles/a.md', text: (n) => '[a]{claim=k '.repeat(n(80_000)) },
  { name: 'spans that are not claims, on one line', path: 'articles/a.md', text: (n) => '[a]{b} '.repeat(n(150_000)) },
  { name: 'span openers before one far closing brace', path: 'articles/a.md', text: (n) => '[a]{x '.repeat(n(150_000)) + '}' },
  { name: 'an attribute block with 100,000 attributes', path: 'articles/a.md', text: (n) => `[a]{claim=k ${'x=1 '.repeat(n(100_000))}}` },
  { name: 'an unclosed quoted attribute value', path: 'articles/a.md', text: (n) => `[a]{claim="k ${'x '.repeat(n(300_000))}}` },
  { name: 'unmatched closing brackets', path: 'articles/a.md', text: (n) => ']'.repeat(n(500_000)) + '{' },
  { name: 'link openers before one far parenthesis', path: 'articles/a.md', text: (n) => '[x]('.repeat(n(150_000)) + ')' },
  { name: 'an HTML comment that never closes, over many lines', path: 'articles/a.md', text: (n) => '<!--\n' + 'a\n'.repeat(n(300_000)) },
  { name: 'comment openers on one line', path: 'articles/a.md', text: (n) => '<!-- a '.repeat(n(150_000)) },
  { name: 'autolink openers', path: 'articles/a.md', text: (n) => '<a:b '.repeat(n(200_000)) },
  { name: 'URLs back to back', path: 'articles/a.md', text: (n) => 'http://x.example/'.repeat(n(60_000)) },
  { name: 'backtick runs of every length', path: 'articles/a.md', text: (n) => range(n(1400), (i) => '`'.repeat(i + 1)).replace(/\n/g, ' x ') },
  { name: 'backtick runs that never close', path: 'articles/a.md', text: (n) => '` '.repeat(n(500_000)) },
  { name: 'code fences opening and closing', path: 'articles/a.md', text: (n) => '```\n'.repeat(n(250_000)) },
  { name: 'a code fence that never closes', path: 'articles/a.md', text: (n) => '~~~\n' + 'a [[b]] [c]{claim=d}\n'.repeat(n(50_000)) },
  { name: 'a heading of a megabyte', path: 'articles/a.md', text: (n) => `# ${'a # '.repeat(n(250_000))}${'#'.repeat(n(100_000))}` },
  { name: 'setext underlines', path: 'articles/a.md', text: (n) => 'a\n=\n'.repeat(n(250_000)) },
  { name: 'lone CR line ends', path: 'articles/a.md', text: (n) => 'a [[b]]\r'.repeat(n(120_000)) },
  { name: 'short paragraphs, with a cue word and a quotation mark only at the very end', path: 'articles/a.md', text: (n) => 'a b\n\n'.repeat(n(250_000)) + 'Tokayev said “yes”.' },
  { name: 'mixed line ends', path: 'articles/a.md', text: (n) => 'a\r\nb\rc\n\r'.repeat(n(100_000)) },
  { name: 'combining marks and surrogate pairs around aliases', path: 'articles/a.md', text: (n) => 'Toka\u0301yev \uD83D\uDE00Tokayev\u0301 \uD83D '.repeat(n(40_000)) },
  { name: 'a frontmatter that never closes', path: 'articles/a.md', text: (n) => '---\n' + 'title: x\n'.repeat(n(100_000)) },
  { name: 'frontmatter flow lists that never close', path: 'articles/a.md', text: (n) => `---\n${'a: [\n'.repeat(n(100_000))}---\n` },
  { name: 'frontmatter keys with trailing comments', path: 'articles/a.md', text: (n) => `---\n${range(n(100_000), (i) => `k${i}: v # c`)}\n---\n` },
  { name: 'frontmatter nested 50,000 deep', path: 'articles/a.md', text: (n) => `---\ntitle: ${'['.repeat(n(50_000))}${']'.repeat(n(50_000))}\n---\n` },
  { name: 'an actor with 50,000 aliases', path: 'actors/a.md', text: (n) => `---\nname: A\naliases:\n${range(n(50_000), (i) => `  - w${i}`)}\n---\n` },
  { name: 'an actor with 20,000 aliases that share a first word', path: 'actors/a.md', text: (n) => `---\nname: A\naliases:\n${range(n(20_000), (i) => `  - Al w${i}`)}\n---\n` },
  { name: 'an actor with a 20,000-item flow list of aliases', path: 'actors/a.md', text: (n) => `---\nname: A\naliases: [${range(n(20_000), (i) => `w${i}`).replace(/\n/g, ', ')}]\n---\n` },
];

/** The sample actors, so that bare aliases are looked for; each case adds its note, then takes it away. */
const workspace = createWorkspace([ROOT], defaultConfig());
workspace.batch(() => {
  for (const note of sampleActors()) workspace.upsert(`${ROOT}/${note.path}`, note.text);
});

function timeToIndex(c: Case, scale: number): { ms: number; length: number } {
  const text = c.text((count) => Math.max(1, Math.round(count * scale)));
  const uri = `${ROOT}/${c.path}`;
  const started = performance.now();
  workspace.upsert(uri, text);
  noteDiagnostics(workspace, uri);
  const ms = performance.now() - started;
  assertWellFormed(workspace.getNote(uri)!);
  workspace.remove(uri);
  return { ms, length: text.length };
}

/**
 * Linear work grows 4-fold when its input does; quadratic work 16-fold. A case fails when it is slow at full size and
 * either grew more than 8-fold from a quarter of it or crawled: timing noise on a loaded machine gives neither.
 */
for (const c of CASES) {
  test(`linear: ${c.name}`, (t) => {
    const quarter = timeToIndex(c, 0.25);
    const full = timeToIndex(c, 1);
    const growth = full.ms / Math.max(quarter.ms, 1);
    const msPerMegabyte = full.ms / (full.length / 1e6);
    t.diagnostic(`${(full.length / 1e6).toFixed(1)} M characters in ${full.ms.toFixed(0)} ms; ${growth.toFixed(1)} times a quarter of it`);
    assert.ok(full.ms < BUDGET_MS || (growth < MAX_GROWTH && msPerMegabyte < MAX_MS_PER_MEGABYTE),
      `${c.name}: ${full.ms.toFixed(0)} ms for ${full.length} characters (${msPerMegabyte.toFixed(0)} ms a megabyte), ${growth.toFixed(1)} times as long as for a quarter of them`);
  });
}
