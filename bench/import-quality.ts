// Precision and recall of `counterpoint import` on the raw seed articles, against their annotated versions in
// samples/ as ground truth; written to bench/results/import-quality.md. Run after `npm run build`:
//   node out/bench/import-quality.js [--seeds test/fixtures/seeds] [--samples samples] [--out bench/results/import-quality.md]
//
// Measured:
// 1. The frontmatter read from each text (title, outlet, date, author) against the sample's.
// 2. Known actors linked, with the samples' 45 actors in the registry, against the actors the sample note mentions.
// 3. Actor candidates (`actor.candidate`), two ways. Cold start: an empty registry, every proposed name checked
//    against the names and aliases of the sample actors (the ground truth spellings). Hold-one-out: each sample actor
//    removed from the registry in turn; its names should be proposed where the text writes them, and whatever else is
//    proposed is a false positive.
// 4. Claim candidates (`claim.candidate`), with the full registry: a candidate is right when its sentence holds a
//    claim span of the sample; recall over the sample's claims, all of them and those that report someone's words
//    (`by=` or `stance=reports`), which is what the hint looks for. Also how often the quick fix's `by=` matches.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claimCandidates, claimSuggestion } from '../server/src/analysis/importHints';
import { importArticle, type ImportedArticle } from '../server/src/import/importArticle';
import { defaultConfig } from '../server/src/model/config';
import { Workspace, actorNames, type Actor } from '../server/src/model/workspace';
import { type ClaimSpan } from '../server/src/syntax/markdown';
import { parseNote, type Note } from '../server/src/syntax/note';
import { plainText } from '../server/src/syntax/sentences';
import { normalizeName } from '../server/src/syntax/text';
import { loadFolder } from '../server/src/cli/workspace';
import { createWorkspace } from '../server/src/rules/registry';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? path.resolve(process.argv[index + 1]) : fallback;
}

const SEEDS = option('seeds', path.join(REPO_ROOT, 'test', 'fixtures', 'seeds'));
const SAMPLES = option('samples', path.join(REPO_ROOT, 'samples'));
const OUT = option('out', path.join(REPO_ROOT, 'bench', 'results', 'import-quality.md'));

interface Seed {
  file: string;
  text: string;
  sample: Note;
}

/** Hits out of a total, as "n / total (pct)". */
function ratio(hits: number, total: number): string {
  return total === 0 ? 'n/a' : `${hits} / ${total} (${((hits / total) * 100).toFixed(1)}%)`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A registry of the given actor notes only (no articles). */
function registryOf(actors: readonly Actor[]): Workspace {
  const workspace = createWorkspace(['file:///registry'], defaultConfig());
  workspace.batch(() => {
    for (const actor of actors) workspace.upsert(`file:///registry/${actor.note.path}`, actor.note.text);
  });
  return workspace;
}

function importedNote(imported: ImportedArticle): Note {
  return parseNote('file:///import/' + imported.path, imported.path, imported.markdown, 'article', defaultConfig());
}

/** The proposed names of an import: `actor.candidate` hints. */
function proposedNames(imported: ImportedArticle): string[] {
  return imported.hints.filter((h) => h.code === 'actor.candidate').map((h) => String(h.data?.name));
}

/** Where a name is written in the text as it is, as whole words (case-sensitive: prose writes names capitalised). */
function occurrences(text: string, name: string): { start: number; end: number }[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function occursIn(text: string, name: string): boolean {
  return occurrences(text, name).length > 0;
}

/**
 * The names (normalised) that a text writes on their own: "Shuraev" inside "Arman Shuraev" is that longer name's
 * occurrence, not one of its own.
 */
function namesWrittenIn(text: string, written: ReadonlyMap<string, string>): Set<string> {
  const found = [...written].flatMap(([key, name]) => occurrences(text, name).map((o) => ({ key, ...o })));
  const own = found.filter((o) => !found.some((longer) => longer !== o && longer.start <= o.start && longer.end >= o.end && longer.end - longer.start > o.end - o.start));
  return new Set(own.map((o) => o.key));
}

function words(text: string): string[] {
  return (text.toLowerCase().replace(/[’`]/g, "'").match(/[\p{L}\p{N}']+/gu) ?? []);
}

/** Whether two stretches of text share a run of words: the whole of the shorter one, or at least six words. */
function sameWords(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  const need = Math.min(6, x.length, y.length);
  if (need === 0) return false;
  const grams = new Set<string>();
  for (let i = 0; i + need <= x.length; i++) grams.add(x.slice(i, i + need).join(' '));
  for (let i = 0; i + need <= y.length; i++) if (grams.has(y.slice(i, i + need).join(' '))) return true;
  return false;
}

/** The headline figures, as hits and totals: what test/unit/importArticle.test.ts holds the import to. */
export interface ImportQuality {
  actorsColdStart: { precision: [number, number]; recall: [number, number] };
  actorsHoldOut: { precision: [number, number]; recall: [number, number] };
  claims: { precision: [number, number]; recallReported: [number, number]; recallAll: [number, number] };
  linked: { precision: [number, number]; recall: [number, number] };
  fields: Record<string, { right: number; wrong: number }>;
}

/** Measures the import on the seeds against the samples; returns the figures and the markdown report. */
export async function measureImportQuality(seedsFolder = SEEDS, samplesFolder = SAMPLES): Promise<{ quality: ImportQuality; report: string }> {
  const { workspace: samples } = await loadFolder(samplesFolder);
  const allActors = samples.actors();
  const full = registryOf(allActors);
  const articles = samples.articles();
  const seeds: Seed[] = fs.readdirSync(seedsFolder).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const text = fs.readFileSync(path.join(seedsFolder, file), 'utf8');
    const title = importArticle(text, full).title?.value ?? '';
    const sample = articles.find((a) => normalizeName(a.article?.title ?? '') === normalizeName(title));
    if (!sample) throw new Error(`no sample article has the title of ${file}: ${title}`);
    return { file, text, sample };
  });
  // The names and aliases of the sample actors, by their normalised form: the actor, and the name as its note writes it.
  const names = new Map<string, string>();
  const written = new Map<string, string>();
  for (const actor of allActors) {
    for (const name of actorNames(actor)) {
      if (name === actor.id) continue;
      names.set(normalizeName(name), actor.id);
      written.set(normalizeName(name), name);
    }
  }
  const writtenName = (key: string) => written.get(key)!;

  const out: string[] = [];
  const summary: string[][] = [];
  out.push('# Import: precision and recall on the seeds', '');
  out.push(`Measured by \`node out/bench/import-quality.js\` (after \`npm run build\`): \`counterpoint import\` on the ${seeds.length} raw seed texts (${path.relative(REPO_ROOT, seedsFolder) || seedsFolder}), against their annotated versions in samples/articles and the ${allActors.length} actors of samples/actors as ground truth. The rules were written looking at these seeds, so the figures are those of a training set: expect lower ones on other texts.`, '');

  // ---- 1. frontmatter ----
  const fieldRows: string[] = [];
  const fieldScore: Record<string, { right: number; wrong: number; empty: number; emptyOk: number }> = {};
  for (const seed of seeds) {
    const imported = importArticle(seed.text, full, { source: seed.file });
    const cells: string[] = [];
    for (const field of ['title', 'outlet', 'date', 'author'] as const) {
      const guess = imported[field]?.value;
      const truth = seed.sample.article?.[field];
      const score = (fieldScore[field] ??= { right: 0, wrong: 0, empty: 0, emptyOk: 0 });
      let verdict: string;
      if (guess === undefined) {
        if (truth) {
          score.empty++;
          verdict = 'empty (sample knows it from outside the text)';
        } else {
          score.emptyOk++;
          verdict = 'empty, as in the sample';
        }
      } else if (truth !== undefined && normalizeName(guess) === normalizeName(truth)) {
        score.right++;
        verdict = `✓ ${guess}`;
      } else {
        score.wrong++;
        verdict = `✗ ${guess} (sample: ${truth ?? 'none'})`;
      }
      cells.push(escapeCell(verdict));
    }
    fieldRows.push(`| ${seed.file} | ${cells.join(' | ')} |`);
  }
  out.push('## 1. Frontmatter', '');
  out.push('A value is guessed only where the text says it; the rest is left empty, flagged by `article.missing-field` where required. `perspective` is never guessed.', '');
  out.push('| Seed | title | outlet | date | author |', '|---|---|---|---|---|', ...fieldRows, '');
  out.push('| Field | Right | Wrong | Left empty, sample has a value | Left empty, as the sample |', '|---|---|---|---|---|');
  for (const [field, s] of Object.entries(fieldScore)) {
    out.push(`| ${field} | ${s.right} | ${s.wrong} | ${s.empty} | ${s.emptyOk} |`);
    const guessed = s.right + s.wrong;
    summary.push([`Frontmatter \`${field}\`: precision (guesses that match the sample)`, ratio(s.right, guessed)]);
  }
  out.push('');

  // ---- 2. known actors linked ----
  let linkedRight = 0;
  let linkedTotal = 0;
  let sampleLinkedFound = 0;
  let sampleLinkedTotal = 0;
  const linkRows: string[] = [];
  for (const seed of seeds) {
    const imported = importArticle(seed.text, full);
    const note = importedNote(imported);
    const linked = new Set(note.wikiLinks.map((l) => full.resolveActor(l.target)?.id).filter((id): id is string => id !== undefined));
    const mentioned = new Set(samples.mentionsIn(seed.sample.uri).map((m) => m.actorId));
    const sampleLinked = new Set(seed.sample.wikiLinks.map((l) => samples.resolveActor(l.target)?.id).filter((id): id is string => id !== undefined));
    const right = [...linked].filter((id) => mentioned.has(id));
    linkedRight += right.length;
    linkedTotal += linked.size;
    const found = [...sampleLinked].filter((id) => linked.has(id));
    sampleLinkedFound += found.length;
    sampleLinkedTotal += sampleLinked.size;
    const wrong = [...linked].filter((id) => !mentioned.has(id));
    const missed = [...sampleLinked].filter((id) => !linked.has(id));
    linkRows.push(`| ${seed.file} | ${imported.linked} | ${linked.size} | ${wrong.join(', ') || '–'} | ${found.length} / ${sampleLinked.size} | ${missed.join(', ') || '–'} |`);
  }
  out.push('## 2. Known actors linked', '');
  out.push("With the samples' actors in the registry, the first mention of each actor in each paragraph becomes a wiki link. Right: the sample note mentions that actor too (linked, bare or as a claimant).", '');
  out.push('| Seed | Links written | Actors linked | Linked but not in the sample | Actors the sample links, linked too | Missed |', '|---|---|---|---|---|---|', ...linkRows, '');
  summary.push(['Linked actors: precision (the sample mentions them)', ratio(linkedRight, linkedTotal)]);
  summary.push(['Linked actors: recall (of the actors the sample links)', ratio(sampleLinkedFound, sampleLinkedTotal)]);

  // ---- 3a. actor candidates, cold start ----
  const empty = registryOf([]);
  let coldTp = 0;
  let coldProposed = 0;
  let coldFound = 0;
  let coldTruth = 0;
  let coldActorsFound = 0;
  let coldActorsTotal = 0;
  const coldRows: string[] = [];
  for (const seed of seeds) {
    const imported = importArticle(seed.text, empty);
    const proposed = proposedNames(imported);
    const proposedKeys = new Set(proposed.map(normalizeName));
    const right = proposed.filter((n) => names.has(normalizeName(n)));
    const wrong = proposed.filter((n) => !names.has(normalizeName(n)));
    const truth = [...namesWrittenIn(seed.text, written)];
    const missed = truth.filter((key) => !proposedKeys.has(key));
    const actorsHere = new Set(truth.map((key) => names.get(key)!));
    const actorsFound = new Set(right.map((n) => names.get(normalizeName(n))!));
    coldTp += right.length;
    coldProposed += proposed.length;
    coldFound += truth.length - missed.length;
    coldTruth += truth.length;
    coldActorsFound += [...actorsHere].filter((id) => actorsFound.has(id)).length;
    coldActorsTotal += actorsHere.size;
    const shownMissed = missed.map(writtenName);
    coldRows.push(`| ${seed.file} | ${proposed.length} | ${right.length} | ${escapeCell(wrong.join(', ')) || '–'} | ${truth.length - missed.length} / ${truth.length} | ${escapeCell(shownMissed.join(', ')) || '–'} |`);
  }
  out.push('## 3. Actor candidates', '');
  out.push('### 3a. Cold start: an empty registry', '');
  out.push("Every name proposed is checked against the names and aliases of the sample actors. Ground truth for recall: those names where the seed writes them exactly (case-sensitively, as whole words): a lower-case \"putin\" or \"rf\" is not something a capitalisation rule can find.", '');
  out.push('| Seed | Proposed | Right | Wrong (not an actor in the samples) | Names found | Missed |', '|---|---|---|---|---|---|', ...coldRows, '');
  summary.push(['Actor candidates, cold start: precision', ratio(coldTp, coldProposed)]);
  summary.push(['Actor candidates, cold start: recall of names', ratio(coldFound, coldTruth)]);
  summary.push(['Actor candidates, cold start: recall of actors (found under at least one name)', ratio(coldActorsFound, coldActorsTotal)]);

  // ---- 3b. actor candidates, hold-one-out ----
  let holdTp = 0;
  let holdFp = 0;
  let holdNewTp = 0;
  let holdNew = 0;
  let holdFound = 0;
  let holdCases = 0;
  const holdMissed: string[] = [];
  const holdOther: string[] = [];
  const baseline = new Map<string, string[]>();
  for (const seed of seeds) baseline.set(seed.file, proposedNames(importArticle(seed.text, full)));
  for (const actor of allActors) {
    const present = seeds.filter((seed) => actorNames(actor).some((n) => n !== actor.id && occursIn(seed.text, n)));
    if (present.length === 0) continue;
    const without = registryOf(allActors.filter((a) => a.id !== actor.id));
    const own = new Set(actorNames(actor).map(normalizeName));
    for (const seed of present) {
      const proposed = proposedNames(importArticle(seed.text, without));
      const right = proposed.filter((n) => own.has(normalizeName(n)));
      holdTp += right.length;
      holdFp += proposed.length - right.length;
      const fresh = proposed.filter((n) => !baseline.get(seed.file)!.includes(n));
      holdNew += fresh.length;
      holdNewTp += fresh.filter((n) => own.has(normalizeName(n))).length;
      for (const n of fresh) if (!own.has(normalizeName(n))) holdOther.push(`${n} (without ${actor.id}, ${seed.file.slice(0, 3)})`);
      holdCases++;
      if (right.length > 0) holdFound++;
      else holdMissed.push(`${actor.id} in ${seed.file}`);
    }
  }
  out.push('### 3b. Hold-one-out: each sample actor missing from the registry in turn', '');
  out.push(`The import proposes the missing actor where the seed writes one of its names; every other proposal is a false positive (with the full registry, the seeds get these proposals, all of them false by construction: ${seeds.map((s) => `${s.file.slice(0, 3)}: ${baseline.get(s.file)!.join(', ') || 'none'}`).join('; ')}).`, '');
  out.push(`| Measure | Figure |`, '|---|---|');
  out.push(`| (actor, seed) pairs where the seed writes the held-out actor's name | ${holdCases} |`);
  out.push(`| … where the import proposes it | ${ratio(holdFound, holdCases)} |`);
  out.push(`| Proposals the import makes only because the actor is missing, that name it | ${ratio(holdNewTp, holdNew)} |`);
  out.push(`| All proposals of these imports that name the held-out actor (the rest are the false positives above, met in every import of that seed) | ${ratio(holdTp, holdTp + holdFp)} |`);
  out.push(`| New proposals that name something else | ${escapeCell(holdOther.join(', ')) || '–'} |`);
  out.push(`| Missed | ${escapeCell(holdMissed.join(', ')) || '–'} |`, '');
  summary.push(['Actor candidates, one actor missing: recall (the missing actor proposed)', ratio(holdFound, holdCases)]);
  summary.push(['Actor candidates, one actor missing: precision (of the proposals its absence adds, those naming it)', ratio(holdNewTp, holdNew)]);
  summary.push(['Actor candidates, full registry: proposals per seed (all false by construction)', `${[...baseline.values()].reduce((n, list) => n + list.length, 0)} in ${seeds.length} seeds`]);

  // ---- 4. claim candidates ----
  let claimTp = 0;
  let claimProposed = 0;
  let claimsFound = 0;
  let claimsTotal = 0;
  let reportedFound = 0;
  let reportedTotal = 0;
  let byRight = 0;
  let byWrong = 0;
  let byOmitted = 0;
  const claimRows: string[] = [];
  const wrongCandidates: string[] = [];
  for (const seed of seeds) {
    const imported = importArticle(seed.text, full);
    const note = importedNote(imported);
    const candidates = claimCandidates(note);
    const sampleClaims = seed.sample.claims.filter((c) => c.valid);
    const claimText = (c: ClaimSpan) => plainText(seed.sample.text, c.textSpan, seed.sample.wikiLinks, seed.sample.claims);
    const scratch = registryOf(allActors);
    scratch.upsert('file:///registry/articles/import.md', imported.markdown);
    const mentions = scratch.mentionsIn('file:///registry/articles/import.md').filter((m) => m.kind !== 'by');
    const scratchNote = scratch.getNote('file:///registry/articles/import.md')!;
    let right = 0;
    for (const candidate of candidates) {
      const text = plainText(note.text, candidate.span, note.wikiLinks, note.claims);
      const matched = sampleClaims.filter((c) => sameWords(text, claimText(c)));
      if (matched.length > 0) {
        right++;
        const suggestion = claimSuggestion(scratchNote, candidate, mentions, {
          isPerson: (id) => full.actor(id)?.meta.kind === 'person',
          keyTaken: () => false,
        });
        const truthBy = matched.find((c) => c.by)?.by;
        if (truthBy !== undefined) {
          if (suggestion.by === undefined) byOmitted++;
          else if (full.resolveActor(suggestion.by)?.id === full.resolveActor(truthBy)?.id) byRight++;
          else byWrong++;
        }
      } else {
        wrongCandidates.push(`${seed.file.slice(0, 3)}: “${text.length > 90 ? `${text.slice(0, 90)}…` : text}”`);
      }
    }
    const found = sampleClaims.filter((c) => candidates.some((candidate) => sameWords(plainText(note.text, candidate.span, note.wikiLinks, note.claims), claimText(c))));
    const reported = sampleClaims.filter((c) => c.by !== undefined || c.stance === 'reports');
    const reportedHit = reported.filter((c) => found.includes(c));
    claimTp += right;
    claimProposed += candidates.length;
    claimsFound += found.length;
    claimsTotal += sampleClaims.length;
    reportedFound += reportedHit.length;
    reportedTotal += reported.length;
    claimRows.push(`| ${seed.file} | ${candidates.length} | ${right} | ${found.length} / ${sampleClaims.length} | ${reportedHit.length} / ${reported.length} |`);
  }
  out.push('## 4. Claim candidates', '');
  out.push("With the samples' actors in the registry. A candidate is right when its sentence holds one of the sample's claim spans (they share the claim's words, or six words in a row). The hint looks for reported speech (said, according to, believes, quotations…); claims the outlet asserts in its own voice are outside its reach, so recall is given for all claims and for those that report someone (`by=` or `stance=reports`).", '');
  out.push('| Seed | Candidates | Right | Sample claims found | … of them reported speech |', '|---|---|---|---|---|', ...claimRows, '');
  out.push(`Candidates the sample did not annotate (false positives by this measure; most do report someone's words, which the annotator chose not to annotate): ${wrongCandidates.length}.`, '');
  for (const line of wrongCandidates) out.push(`- ${escapeCell(line)}`);
  out.push('');
  out.push(`The quick fix's \`by=\` on right candidates whose sample claim has a claimant: ${byRight} right, ${byWrong} wrong, ${byOmitted} left out (where the sentence names no single speaker).`, '');
  summary.push(['Claim candidates: precision (the sample annotates a claim there)', ratio(claimTp, claimProposed)]);
  summary.push(['Claim candidates: recall, all sample claims', ratio(claimsFound, claimsTotal)]);
  summary.push(['Claim candidates: recall, claims that report someone', ratio(reportedFound, reportedTotal)]);
  summary.push(['Suggested `by=`: right where given', ratio(byRight, byRight + byWrong)]);

  const report = [
    ...out.slice(0, 4),
    '## Summary', '',
    '| Measure | Figure |', '|---|---|',
    ...summary.map(([measure, figure]) => `| ${measure} | ${figure} |`),
    '',
    ...out.slice(4),
  ].join('\n');
  const quality: ImportQuality = {
    actorsColdStart: { precision: [coldTp, coldProposed], recall: [coldFound, coldTruth] },
    actorsHoldOut: { precision: [holdNewTp, holdNew], recall: [holdFound, holdCases] },
    claims: { precision: [claimTp, claimProposed], recallReported: [reportedFound, reportedTotal], recallAll: [claimsFound, claimsTotal] },
    linked: { precision: [linkedRight, linkedTotal], recall: [sampleLinkedFound, sampleLinkedTotal] },
    fields: Object.fromEntries(Object.entries(fieldScore).map(([field, s]) => [field, { right: s.right, wrong: s.wrong }])),
  };
  return { quality, report };
}

async function main(): Promise<void> {
  const { report } = await measureImportQuality();
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${report}\n`);
  process.stdout.write(`${report}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
