// Precision and recall of alias discovery (the `alias.near-match` hint) on the samples, written to
// bench/results/alias-discovery.md. Run after `npm run build`:
//   node out/bench/alias-discovery-quality.js [--seeds test/fixtures/seeds] [--out bench/results/alias-discovery.md]
//
// Three measurements:
// 1. Real text, full registry: every hint on the sample articles, the raw seed texts and the actor notes is a false
//    positive by construction, since the actor notes list every spelling the texts use.
// 2. Hold-out: each name and alias of each actor is removed from the registry in turn; its occurrences in the texts
//    (bare mentions that are no longer mentions) should be hinted back to the actor when it is a spelling variant of
//    another name of the actor (hand-labelled below), and nothing else should be hinted that was not hinted before.
// 3. Synthetic variants (Tokaiev, Qasym-Jomart Tokaev, Kadyroff…) and false friends (Russian, Tokarev, Tokayeva…)
//    written into one extra article, against the full registry.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadFolder } from '../server/src/cli/workspace';
import { uriOfPath } from '../server/src/node/files';
import { aliasNearMatches } from '../server/src/analysis/aliasDiscovery';
import { type Actor, type Workspace } from '../server/src/model/workspace';
import { type Note } from '../server/src/syntax/note';
import { normalizeName } from '../server/src/syntax/text';
import { noteDiagnostics } from '../server/src/rules/registry';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_SEEDS = path.resolve(__dirname, '../../test/fixtures/seeds');
const DEFAULT_OUT = path.join(REPO_ROOT, 'bench', 'results', 'alias-discovery.md');

/**
 * The aliases of samples/actors that are spelling variants of another name of the same actor (hand-labelled).
 * DPR/DNR and LPR/LNR are different acronyms, "Collective Security Treaty" a shortening, "Lugansk" a spelling of a
 * word of "Luhansk People's Republic" but of no whole name: none of those is a spelling variant of a name.
 */
const SPELLING_VARIANTS: Record<string, string[]> = {
  tokayev: ['Tokayev', 'Tokaev', 'Kassym-Jomart Tokayev', 'Kasim-Jomart Tokayev'],
};

/** Spellings the samples do not use, each with the actor it spells. */
const SYNTHETIC_VARIANTS: [string, string][] = [
  ['Tokaiev', 'tokayev'], ['Tokajev', 'tokayev'], ['Tokajew', 'tokayev'], ['Toqaev', 'tokayev'], ['Токаев', 'tokayev'],
  ['Tokaïev', 'tokayev'], ['Qasym-Jomart Tokaev', 'tokayev'], ['Kassym-Zhomart Tokayev', 'tokayev'],
  ['Kassym Jomart Tokayev', 'tokayev'], ['Kadirov', 'kadyrov'], ['Qadyrov', 'kadyrov'], ['Kadyroff', 'kadyrov'],
  ['Ramzan Kadirov', 'kadyrov'], ['Simonian', 'simonyan'], ['Simonjan', 'simonyan'], ['Margarita Simonian', 'simonyan'],
  ['Shurayev', 'shuraev'], ['Schurajew', 'shuraev'], ['Šuraev', 'shuraev'], ['Iakovenko', 'yakovenko'],
  ['Jakovenko', 'yakovenko'], ['Igor Iakovenko', 'yakovenko'], ['Lisiansky', 'lisyansky'], ['Lisyanskiy', 'lisyansky'],
  ['Lisyanskyi', 'lisyansky'], ['Aljanov', 'alzhanov'], ['Dimash Aljanov', 'alzhanov'], ['Donbass', 'donbas'],
  ['Kazakstan', 'kazakhstan'], ['Qazaqstan', 'kazakhstan'], ['Nursultan', 'kazakhstan'], ['Alfa Bank', 'alfa-bank'],
  ['Hizb ut-Tahrir', 'hizb-ut-tahrir'], ['Luhansk', 'lpr'], ['Abhazia', 'abkhazia'], ['Taivan', 'taiwan'],
  ['Rossija 24', 'rossiya-24'], ['Rossiya Sevodnya', 'rossiya-segodnya'], ['Vladimir Poutine', 'putin'],
  ['Putine', 'putin'], ['Nazarbaev', 'nazarbayev'], ['Nasarbajew', 'nazarbayev'], ['Nursultan Nazarbaev', 'nazarbayev'],
  ['Zelenskiy', 'zelensky'], ['Zelenskyy', 'zelensky'], ['Selenskyj', 'zelensky'], ['Volodimir Zelensky', 'zelensky'],
  ['Kharkov', 'kharkiv'], ['Kiev', 'kyiv'],
];

/** Actors the synthetic variants need that the samples do not have. */
const SYNTHETIC_ACTORS: Record<string, string> = {
  nazarbayev: note('Nursultan Nazarbayev', ['Nazarbayev', 'Nursultan Nazarbayev']),
  zelensky: note('Volodymyr Zelensky', ['Zelensky', 'Volodymyr Zelensky']),
  kyiv: note('Kyiv', ['Kyiv']),
  kharkiv: note('Kharkiv', ['Kharkiv']),
};

/** Words that are not spellings of any actor's name, however near they look: no hint may fall on them. */
const FALSE_FRIENDS = [
  'Russian', 'Russians', 'Kazakh', 'Kazakhs', 'Kazakhstani', 'Ukrainian', 'Ukrainians', 'Putinism', 'Putins', 'Putinist',
  'Tokayeva', 'Tokarev', 'Kremlinology', 'Chinese', 'Turkish', 'Pestov', 'Kadyrovite', 'Kadyrova', 'Simonov',
  'Simonyants', 'Lisovsky', 'Lisyanskaya', 'Yakovlev', 'Shurov', 'Shuraeva', 'Kosovar', 'Taiwanese', 'Abkhaz',
  'Ossetian', 'Soviet', 'Europe', 'European', 'Moscow', 'Petersburg', 'President', 'Ukraina', 'Kosova', 'Rossiya',
  'Kazakhstanis', 'Sberbanker', 'Zelenska', 'Nazarbayeva', 'Kyivan', 'Kharkivite', 'Donbasses', 'Turkic', 'Chinas',
];

function note(name: string, aliases: string[]): string {
  return ['---', `name: ${name}`, 'aliases:', ...aliases.map((a) => `  - ${a}`), 'kind: person', '---', ''].join('\n');
}

interface Hint {
  uri: string;
  start: number;
  end: number;
  text: string;
  actorId: string;
}

function keyOf(uri: string, start: number, end: number): string {
  return `${uri}\u0000${start}\u0000${end}`;
}

/** Every `alias.near-match` hint of the workspace, as the workspace reports them. */
function hintsOf(workspace: Workspace): Hint[] {
  const hints: Hint[] = [];
  for (const note of workspace.notes()) {
    for (const d of noteDiagnostics(workspace, note.uri)) {
      if (d.code !== 'alias.near-match') continue;
      hints.push({ uri: note.uri, start: d.span.start, end: d.span.end, text: note.text.slice(d.span.start, d.span.end), actorId: String(d.data?.actorId) });
    }
  }
  return hints;
}

function groupOf(workspace: Workspace, uri: string): string {
  const note = workspace.getNote(uri)!;
  if (uri.includes('/seeds/')) return 'raw seeds';
  return note.kind === 'article' ? 'sample articles' : note.kind === 'actor' ? 'actor notes' : 'other notes';
}

/**
 * The actor note's text without the name or alias: its alias items, and its name line when it is that name, made
 * comments of the same length, so that offsets in the note's body stay where they were.
 */
function withoutName(actor: Actor, name: string): string {
  const lines: { start: number; end: number }[] = [];
  const wholeLine = (offset: number) => {
    const line = actor.note.lines.positionAt(offset).line;
    return { start: actor.note.lines.lineStart(line), end: actor.note.lines.lineEnd(line) };
  };
  for (const alias of actor.meta.aliases) if (alias.span && normalizeName(alias.value) === normalizeName(name)) lines.push(wholeLine(alias.span.start));
  if (actor.meta.name && actor.meta.nameSpan && normalizeName(actor.meta.name) === normalizeName(name)) lines.push(wholeLine(actor.meta.nameSpan.start));
  let result = actor.note.text;
  for (const line of lines) result = result.slice(0, line.start) + '#'.padEnd(line.end - line.start, ' ') + result.slice(line.end);
  return result;
}

/** Bare mentions of an actor written as the name, by position. */
function bareMentionsAs(workspace: Workspace, actorId: string, name: string): Map<string, { uri: string; text: string }> {
  const result = new Map<string, { uri: string; text: string }>();
  for (const mention of workspace.mentionsOf(actorId)) {
    if (mention.kind !== 'bare') continue;
    const written = workspace.getNote(mention.uri)!.text.slice(mention.span.start, mention.span.end);
    if (normalizeName(written) === normalizeName(name)) result.set(keyOf(mention.uri, mention.span.start, mention.span.end), { uri: mention.uri, text: written });
  }
  return result;
}

function allBareMentions(workspace: Workspace): Set<string> {
  const result = new Set<string>();
  for (const note of workspace.notes()) {
    for (const mention of workspace.mentionsIn(note.uri)) if (mention.kind === 'bare') result.add(keyOf(note.uri, mention.span.start, mention.span.end));
  }
  return result;
}

interface HoldOutRun {
  actorId: string;
  name: string;
  labelled: boolean;
  expected: number;
  found: number;
  /** Of the occurrences, those written capitalised, as prose writes names (the others are ids such as `by tokayev`). */
  expectedCapitalised: number;
  foundCapitalised: number;
  /** Occurrences not hinted back: the note and the words around them. */
  missed: { uri: string; context: string }[];
  newFalse: Hint[];
}

function holdOut(workspace: Workspace, actor: Actor, name: string, baseline: Set<string>): HoldOutRun {
  const full = bareMentionsAs(workspace, actor.id, name);
  const original = actor.note.text;
  const uri = actor.note.uri;
  workspace.upsert(uri, withoutName(actor, name));
  try {
    const remaining = allBareMentions(workspace);
    const expected = new Set([...full.keys()].filter((key) => !remaining.has(key)));
    let found = 0;
    const newFalse: Hint[] = [];
    const hinted = new Set<string>();
    for (const hint of hintsOf(workspace)) {
      const key = keyOf(hint.uri, hint.start, hint.end);
      if (hint.actorId === actor.id && expected.has(key)) {
        found++;
        hinted.add(key);
      } else if (!baseline.has(`${key}\u0000${hint.actorId}`)) {
        newFalse.push(hint);
      }
    }
    const missed = [...expected].filter((key) => !hinted.has(key)).map((key) => {
      const [uri, start, end] = key.split('\u0000');
      const text = workspace.getNote(uri)!.text;
      return { uri, context: text.slice(Math.max(0, Number(start) - 25), Number(end) + 15).replace(/\s+/g, ' ') };
    });
    const labelled = (SPELLING_VARIANTS[actor.id] ?? []).some((v) => normalizeName(v) === normalizeName(name));
    const capitalised = (key: string) => /^\p{Lu}/u.test(full.get(key)!.text);
    return {
      actorId: actor.id, name, labelled, expected: expected.size, found, missed, newFalse,
      expectedCapitalised: [...expected].filter(capitalised).length,
      foundCapitalised: [...hinted].filter(capitalised).length,
    };
  } finally {
    workspace.upsert(uri, original);
  }
}

interface SyntheticResult {
  variantsFound: [string, string][];
  variantsMissed: [string, string, string][];
  falseHints: Hint[];
}

function synthetic(workspace: Workspace, root: string): SyntheticResult {
  for (const [id, text] of Object.entries(SYNTHETIC_ACTORS)) workspace.upsert(`${root}/actors/${id}.md`, text);
  const sentences = [
    ...SYNTHETIC_VARIANTS.map(([variant]) => `Reports say ${variant} met the delegation.`),
    ...FALSE_FRIENDS.map((word) => `Reports say ${word} came up in the talks.`),
  ];
  const uri = `${root}/articles/synthetic-variants.md`;
  const text = ['---', 'title: Synthetic variants', 'outlet: Bench', 'perspective: other', '---', '', ...sentences.map((s) => `${s}\n`)].join('\n');
  workspace.upsert(uri, text);
  const note = workspace.getNote(uri)!;
  const hints = hintsOf(workspace).filter((h) => h.uri === uri);
  const result: SyntheticResult = { variantsFound: [], variantsMissed: [], falseHints: [] };
  const claimed = new Set<Hint>();
  let from = 0;
  for (const [variant, actorId] of SYNTHETIC_VARIANTS) {
    const start = note.text.indexOf(`say ${variant} met`, from) + 4;
    from = start;
    const hint = hints.find((h) => h.start === start && h.end === start + variant.length && h.actorId === actorId);
    if (hint) {
      claimed.add(hint);
      result.variantsFound.push([variant, actorId]);
    } else {
      const other = hints.find((h) => h.start < start + variant.length && h.end > start);
      result.variantsMissed.push([variant, actorId, other ? `hinted as ${other.text} → ${other.actorId}` : 'no hint']);
    }
  }
  result.falseHints = hints.filter((h) => !claimed.has(h));
  workspace.remove(uri);
  for (const id of Object.keys(SYNTHETIC_ACTORS)) workspace.remove(`${root}/actors/${id}.md`);
  return result;
}

interface Cost {
  megabytes: number;
  /** Medians over RUNS runs, each on a fresh parse of the note (so nothing is cached but the words' skeletons). */
  nearMatchMs: number;
  indexMs: number;
}

const RUNS = 7;

/** Time to find the near matches of one large note (the seeds repeated), and to build the index after a registry change. */
function cost(workspace: Workspace, root: string, seedTexts: string[]): Cost | undefined {
  if (seedTexts.length === 0) return undefined;
  let text = '';
  while (text.length < 1_000_000) text += seedTexts.join('\n\n');
  const uri = `${root}/articles/throughput.md`;
  const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
  const scans: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    workspace.upsert(uri, `${text}${' '.repeat(run)}`);
    const note = workspace.getNote(uri)!;
    const start = process.hrtime.bigint();
    aliasNearMatches(workspace, note);
    scans.push(ms(start));
  }
  workspace.remove(uri);
  // A registry change (an alias added, then taken away): the index is rebuilt on the next query, here of a tiny note.
  const tiny = `${root}/articles/tiny.md`;
  const builds: number[] = [];
  const actor = workspace.actors()[0];
  const original = actor.note.text;
  for (let run = 0; run < RUNS; run++) {
    workspace.upsert(actor.note.uri, run % 2 === 0 ? original.replace('aliases:', `aliases:\n  - Zzzz${run}`) : original);
    workspace.upsert(tiny, `Tiny ${run}.`);
    const start = process.hrtime.bigint();
    aliasNearMatches(workspace, workspace.getNote(tiny)!);
    builds.push(ms(start));
  }
  workspace.upsert(actor.note.uri, original);
  workspace.remove(tiny);
  return { megabytes: text.length / 1e6, nearMatchMs: median(scans), indexMs: median(builds) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

function capitalisedWords(workspace: Workspace, notes: Note[]): number {
  let count = 0;
  for (const note of notes) for (const region of note.prose) count += (note.text.slice(region.start, region.end).match(/\p{Lu}[\p{L}\p{M}]{3,}/gu) ?? []).length;
  return count;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const seedsFolder = option('--seeds') ?? DEFAULT_SEEDS;
  const out = option('--out') ?? DEFAULT_OUT;

  const { workspace, root } = await loadFolder(path.join(REPO_ROOT, 'samples'));
  const base = uriOfPath(root);
  const seedFiles = fs.existsSync(seedsFolder) ? fs.readdirSync(seedsFolder).filter((f) => f.endsWith('.txt')).sort() : [];
  const seedTexts = seedFiles.map((f) => fs.readFileSync(path.join(seedsFolder, f), 'utf8'));
  workspace.batch(() => seedFiles.forEach((f, i) => workspace.upsert(`${base}/seeds/${f}`, seedTexts[i])));

  // 1. Real text, full registry.
  const fullHints = hintsOf(workspace);
  const baseline = new Set(fullHints.map((h) => `${keyOf(h.uri, h.start, h.end)}\u0000${h.actorId}`));
  const groups = ['sample articles', 'raw seeds', 'actor notes'];
  const notesByGroup = new Map(groups.map((g) => [g, [...workspace.notes()].filter((n) => groupOf(workspace, n.uri) === g)]));

  // 2. Hold-out.
  const runs: HoldOutRun[] = [];
  for (const actor of workspace.actors()) {
    const names = [...new Map([actor.meta.name, ...actor.meta.aliases.map((a) => a.value)].filter((n): n is string => !!n).map((n) => [normalizeName(n), n])).values()];
    for (const name of names) runs.push(holdOut(workspace, workspace.actor(actor.id)!, name, baseline));
  }
  const labelled = runs.filter((r) => r.labelled);
  const tp = runs.reduce((n, r) => n + r.found, 0);
  const labelledTp = labelled.reduce((n, r) => n + r.found, 0);
  const labelledExpected = labelled.reduce((n, r) => n + r.expected, 0);
  const capitalisedTp = labelled.reduce((n, r) => n + r.foundCapitalised, 0);
  const capitalisedExpected = labelled.reduce((n, r) => n + r.expectedCapitalised, 0);
  const unlabelledTp = tp - labelledTp;
  const newFalse = runs.flatMap((r) => r.newFalse.map((h) => ({ run: r, hint: h })));

  // 3. Synthetic.
  const syn = synthetic(workspace, base);
  const perf = cost(workspace, base, seedTexts);

  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push('# Alias discovery: precision and recall', '',
    `Measured by \`node out/bench/alias-discovery-quality.js\` (after \`npm run build\`) on ${new Date().toISOString().slice(0, 10)}: `
    + `the \`alias.near-match\` hint against the ${workspace.actors().length} sample actors, the ${notesByGroup.get('sample articles')!.length} sample articles`
    + (seedFiles.length > 0 ? ` and the ${seedFiles.length} raw seed texts (${seedsFolder})` : ' (no raw seeds folder found; pass --seeds DIR)') + '.', '');

  push('## Summary', '',
    '| Measure | Hits | Out of | Figure |', '|---|---|---|---|',
    `| Precision, real text + hold-out (hints that point a held-out spelling to its actor) | ${tp} | ${tp + fullHints.length + newFalse.length} hints | ${percent(tp, tp + fullHints.length + newFalse.length)} |`,
    `| Recall, hold-out (labelled spelling variants rediscovered at their occurrences) | ${labelledTp} | ${labelledExpected} occurrences | ${percent(labelledTp, labelledExpected)} |`,
    `| … of the occurrences written capitalised, as prose writes names | ${capitalisedTp} | ${capitalisedExpected} occurrences | ${percent(capitalisedTp, capitalisedExpected)} |`,
    `| Precision, synthetic (variants and false friends) | ${syn.variantsFound.length} | ${syn.variantsFound.length + syn.falseHints.length} hints | ${percent(syn.variantsFound.length, syn.variantsFound.length + syn.falseHints.length)} |`,
    `| Recall, synthetic variants | ${syn.variantsFound.length} | ${SYNTHETIC_VARIANTS.length} variants | ${percent(syn.variantsFound.length, SYNTHETIC_VARIANTS.length)} |`,
    '');

  push('## 1. Real text, full registry', '',
    'Every spelling the texts use is an alias, so every hint here is a false positive.', '',
    '| Text | Notes | Capitalised words (≥ 4 letters) in prose | Hints (false positives) |', '|---|---|---|---|');
  for (const group of groups) {
    const notes = notesByGroup.get(group)!;
    const hints = fullHints.filter((h) => groupOf(workspace, h.uri) === group);
    push(`| ${group} | ${notes.length} | ${capitalisedWords(workspace, notes)} | ${hints.length} |`);
  }
  for (const h of fullHints) push(`- ${workspace.relativePath(h.uri)}: «${h.text}» → ${h.actorId}`);
  push('');

  push('## 2. Hold-out', '',
    `Each of the ${runs.length} names and aliases of the sample actors removed from the registry in turn. Its occurrences are its bare mentions`
    + ' (with the full registry) that are no longer mentions without it. A hint there pointing to the actor is a true positive; every hint'
    + ' that the full registry did not already give is a false positive.', '',
    '| Held out | Actor | Spelling variant of another name (labelled) | Occurrences | Rediscovered | New false hints |', '|---|---|---|---|---|---|');
  for (const run of runs.filter((r) => r.labelled || r.found > 0 || r.newFalse.length > 0)) {
    push(`| ${run.name} | ${run.actorId} | ${run.labelled ? 'yes' : 'no'} | ${run.expected} | ${run.found} | ${run.newFalse.length} |`);
  }
  const quiet = runs.filter((r) => !(r.labelled || r.found > 0 || r.newFalse.length > 0));
  push('', `The other ${quiet.length} hold-outs (${quiet.reduce((n, r) => n + r.expected, 0)} occurrences, none a spelling variant) gave no hint at all.`);
  if (unlabelledTp > 0) push('', `${unlabelledTp} hints pointed an unlabelled held-out name to its own actor (counted as true positives).`);
  for (const { run, hint } of newFalse) push(`- without «${run.name}»: ${workspace.relativePath(hint.uri)} «${hint.text}» → ${hint.actorId}`);
  const missed = labelled.flatMap((run) => run.missed.map((m) => ({ run, ...m })));
  if (missed.length > 0) {
    push('', `Occurrences of labelled variants not hinted back (${missed.length}):`);
    for (const m of missed) push(`- without «${m.run.name}»: ${workspace.relativePath(m.uri)} “…${m.context}…”`);
  }
  push('');

  push('## 3. Synthetic variants and false friends', '',
    `${SYNTHETIC_VARIANTS.length} spellings the samples do not use and ${FALSE_FRIENDS.length} false friends, each in a sentence of one extra article,`
    + ` against the sample registry plus ${Object.keys(SYNTHETIC_ACTORS).join(', ')}.`, '',
    `Found (${syn.variantsFound.length}): ${syn.variantsFound.map(([v, a]) => `${v} → ${a}`).join(', ')}.`, '',
    `Missed (${syn.variantsMissed.length}):`, ...syn.variantsMissed.map(([v, a, why]) => `- ${v} (${a}): ${why}`), '',
    `False friends: ${FALSE_FRIENDS.join(', ')}.`, '',
    `False hints (${syn.falseHints.length}):`, ...(syn.falseHints.length ? syn.falseHints.map((h) => `- «${h.text}» → ${h.actorId}`) : ['- none']), '');

  if (perf) {
    push('## Cost', '',
      `Near matches of one ${perf.megabytes.toFixed(1)} MB note (the seeds repeated), median of ${RUNS}: ${perf.nearMatchMs.toFixed(0)} ms`
      + ` (${(perf.megabytes / (perf.nearMatchMs / 1000)).toFixed(1)} MB/s). The skeleton index is built once per registry change, on the next`
      + ` query: ${perf.indexMs.toFixed(1)} ms for the ${workspace.actors().length} sample actors. Wall-clock figures on a shared machine; the`
      + ` load average was ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores.`, '');
  }

  const report = lines.join('\n');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, report);
  process.stdout.write(`${report}\n\nwritten to ${path.relative(process.cwd(), out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
