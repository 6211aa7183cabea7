// `npm run bench:matching`: the counter-source finder and a plain BM25 baseline over the labelled workspace, in the
// same run, on the train and test splits, for the quick fix and for key suggestion; then the code action's time in
// generated workspaces of 1,000 and 10,000 notes. Writes bench/results/claim-matching.md.
//
// Options: --split train|test|both (default both; only `both` writes the results file), --no-timing,
// --sizes 1000,10000.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CounterSourceFinder } from '../../server/src/analysis/counterSourceFinder';
import { FITTED_WEIGHTS } from '../../server/src/analysis/fittedWeights';
import { GROUPS, keyMetrics, keyQueries, loadBenchmark, quickFixMetrics, quickFixQueries, type Metrics, type Split } from './protocol';
import { timeCodeActions, type TimingResult } from './timing';

const RESULTS = path.resolve(__dirname, '../../../bench/results/claim-matching.md');

interface Options {
  splits: Split[];
  timing: boolean;
  sizes: number[];
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { splits: ['train', 'test'], timing: true, sizes: [1000, 10000] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--split') options.splits = argv[++i] === 'both' ? ['train', 'test'] : [argv[i] as Split];
    else if (argv[i] === '--no-timing') options.timing = false;
    else if (argv[i] === '--sizes') options.sizes = argv[++i].split(',').map(Number);
  }
  return options;
}

function machine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name[ \t]*:[ \t]*(\S.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux.
  }
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

function figure(value: number): string {
  return Number.isNaN(value) ? '–' : value.toFixed(2);
}

function table(title: string, finder: Map<string, Metrics>, baseline: Map<string, Metrics>): string[] {
  const lines = [`| ${title} | queries | recall@1 | recall@3 | MRR | BM25 recall@1 | BM25 recall@3 | BM25 MRR | recall@3 gain |`, '|---|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const [name, metrics] of finder) {
    const base = baseline.get(name)!;
    if (metrics.queries === 0) continue;
    lines.push(`| ${name} | ${metrics.queries} | ${figure(metrics.recallAt1)} | ${figure(metrics.recallAt3)} | ${figure(metrics.mrr)} | ${figure(base.recallAt1)} | ${figure(base.recallAt3)} | ${figure(base.mrr)} | ${(metrics.recallAt3 - base.recallAt3 >= 0 ? '+' : '') + figure(metrics.recallAt3 - base.recallAt3)} |`);
  }
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const benchmark = loadBenchmark();
  const finder = new CounterSourceFinder(FITTED_WEIGHTS);
  const fixQueries = quickFixQueries(benchmark, finder);
  const suggestQueries = keyQueries(benchmark, finder);
  const lines: string[] = [
    '# Claim matching: the counter-source finder against plain BM25',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, by \`npm run bench:matching\`.`,
    `Labelled workspace: ${new Set(benchmark.spans.map((s) => s.uri)).size} articles, ${benchmark.spans.length} annotated spans of ${new Set(benchmark.spans.map((s) => s.key)).size} keys (bench/claim-matching/README.md).`,
    'Weights: server/src/analysis/fittedWeights.ts, fitted on the train split only (`npm run bench:fit`).',
    `The baseline ranks the same candidate sentences (other outlets' articles; no headings, questions or sentences that cannot be wrapped) by plain BM25 over lower-cased words without stop words: no stemming, actors, transliteration or lexicon.`,
    '',
  ];
  for (const split of options.splits) {
    const fix = fixQueries.filter((q) => q.split === split);
    const suggest = suggestQueries.filter((q) => q.split === split);
    lines.push(`## ${split} split`, '');
    lines.push(...table('quick fix: right sentence among the candidates', quickFixMetrics(fix, (q) => finder.rank(q.candidates)), quickFixMetrics(fix, (q) => finder.rankBaseline(q.candidates))), '');
    lines.push(...table('key suggestion: right key among the keys', keyMetrics(suggest, (q) => q.ranking), keyMetrics(suggest, (q) => [...q.ranking].sort((a, b) => b.baseline - a.baseline || (a.key < b.key ? -1 : 1)))), '');
  }
  lines.push('Groups: a quick-fix query counts in a group when it has gold sentences of that language or relation, and is a hit when one of those is ranked so; key suggestion groups by the language and stance of the sentence itself.', '');
  console.log(lines.join('\n'));
  console.error(`quality: ${((Date.now() - started) / 1000).toFixed(1)} s for ${fixQueries.length} quick-fix and ${suggestQueries.length} key queries (${GROUPS.length} groups)`);

  let timings: TimingResult[] = [];
  if (options.timing) {
    timings = await timeCodeActions(options.sizes, (message) => console.error(message));
    const timingLines = [
      '## Time of the quick fix',
      '',
      'The `claim.no-counter-source` code action through the language service, in generated workspaces (`bench/generate.ts`), for claims of sampled articles that carry the diagnostic; each request timed after one warm-up request for that claim (the note analyses then cached, as in an editor, which asks again as the cursor moves). The baseline column is the same request with plain BM25 (same pool, same candidates).',
      '',
      '| notes | requests | finder p50 | finder p95 | baseline p95 | first request p95 (cold) | pool bound | load average |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...timings.map((t) => `| ${t.notes.toLocaleString('en')} | ${t.requests} | ${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms | ${t.baselineP95.toFixed(1)} ms | ${t.coldP95.toFixed(1)} ms | ${t.poolBound} articles | ${t.load.toFixed(1)} on ${os.cpus().length} cores |`),
      '',
    ];
    console.log(timingLines.join('\n'));
    lines.push(...timingLines);
  }
  if (options.splits.length === 2) {
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${lines.join('\n')}\n`);
    console.error(`written ${path.relative(process.cwd(), RESULTS)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
