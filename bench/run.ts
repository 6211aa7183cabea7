// The benchmark, from one command: `npm run bench` (after `npm run build`).
//   node out/bench/run.js [--n 1000,10000] [--shapes default,many-actors,skewed,mixed-sizes,russian] [--runs 3]
//                         [--markdown-runs 1] [--no-markdown-server] [--profile] [--server path/to/server.js] [--out name]
// Generates the workspaces (once, cached under bench/workspaces/), then for each shape, N and run: the gray-matter
// floor, Counterpoint, and VS Code's markdown server, each in a fresh process. Writes
// bench/results/<date>-n<N…>.{json,md} and prints the table.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OPENED_ARTICLES, requestCounts, runCounterpoint, type CounterpointRun } from './counterpointRun';
import { runFloor, type FloorRun } from './floor';
import { ensureWorkspace, SHAPES, workspaceFolder, type Manifest, type Shape } from './generate';
import { ensureMarkdownServer, runMarkdownServer, MARKDOWN_SERVER_VERSION, type MarkdownServerRun } from './markdownServerRun';
import { summarizeProfile } from './profile';
import { median } from './stats';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BENCH_ROOT = path.join(REPO_ROOT, 'bench');
const DEFAULT_SERVER_PATH = path.join(REPO_ROOT, 'dist', 'server.js');

interface Options {
  sizes: number[];
  shapes: Shape[];
  runs: number;
  markdownRuns: number;
  markdownServer: boolean;
  profile: boolean;
  /** The Counterpoint server to run (default dist/server.js): another build, to compare before and after a change. */
  server: string;
  /** The results' file name (default: the date and the sizes). */
  out?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
}

interface SizeResult {
  shape: string;
  n: number;
  /** The 1-minute load average before each run: above the number of cores, other processes slowed the figures down. */
  loadAverages: number[];
  manifest: Omit<Manifest, 'sampled' | 'actorsByMentions'>;
  floor: FloorRun[];
  counterpoint: CounterpointRun[];
  markdownServer: MarkdownServerRun[];
  markdownServerError?: string;
  /** Runs of Counterpoint that failed (the server crashed or a wait timed out), with why. */
  counterpointErrors: string[];
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const sizes = (value('--n') ?? '1000,10000').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--n wants sizes such as 1000,10000 (got ${value('--n')})`);
  const shapeNames = (value('--shapes') ?? Object.keys(SHAPES).join(',')).split(',');
  const unknown = shapeNames.filter((name) => !SHAPES[name]);
  if (unknown.length > 0) throw new Error(`--shapes: unknown ${unknown.join(', ')}; the shapes are ${Object.keys(SHAPES).join(', ')}`);
  return {
    sizes,
    shapes: shapeNames.map((name) => SHAPES[name]),
    runs: Number(value('--runs') ?? 3),
    markdownRuns: Number(value('--markdown-runs') ?? 1),
    markdownServer: !argv.includes('--no-markdown-server'),
    profile: argv.includes('--profile'),
    server: path.resolve(value('--server') ?? DEFAULT_SERVER_PATH),
    out: value('--out'),
  };
}

export function machine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() it is.
  }
  return { cpu, cores: os.cpus().length, ramGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}` };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(options.server)) throw new Error(`${options.server} is missing: run \`npm run build\` first`);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const resultsDir = path.join(BENCH_ROOT, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });

  let install: ReturnType<typeof ensureMarkdownServer> | undefined;
  let installError: string | undefined;
  if (options.markdownServer) {
    try {
      install = ensureMarkdownServer(path.join(BENCH_ROOT, '.cache', 'mdls'), log);
    } catch (error) {
      installError = `could not install vscode-markdown-languageserver: ${(error as Error).message}`;
      log(installError);
    }
  }

  const results: SizeResult[] = [];
  for (const shape of options.shapes) for (const n of options.sizes) {
    const root = workspaceFolder(BENCH_ROOT, n, shape.name);
    const manifest = ensureWorkspace(root, n, log, shape);
    const { sampled, actorsByMentions, ...summary } = manifest;
    void sampled;
    void actorsByMentions;
    const result: SizeResult = { shape: shape.name, n, loadAverages: [], manifest: summary, floor: [], counterpoint: [], markdownServer: [], markdownServerError: installError, counterpointErrors: [] };
    results.push(result);
    for (let run = 1; run <= options.runs; run++) {
      result.loadAverages.push(os.loadavg()[0]);
      log(`${shape.name} N=${n} run ${run}/${options.runs}: floor …`);
      result.floor.push(await runFloor(root));
      log(`${shape.name} N=${n} run ${run}/${options.runs}: counterpoint …`);
      const profileDir = options.profile ? path.join(resultsDir, 'profiles', `${stamp}-${shape.name}-n${n}-run${run}`) : undefined;
      try {
        result.counterpoint.push(await runCounterpoint(root, manifest, options.server, profileDir));
      } catch (error) {
        const message = `run ${run} failed: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`;
        result.counterpointErrors.push(message);
        log(`counterpoint ${message}`);
      }
      if (profileDir) printProfile(profileDir, log);
      if (install && run <= options.markdownRuns) {
        log(`${shape.name} N=${n} run ${run}/${options.runs}: vscode-markdown-languageserver …`);
        try {
          result.markdownServer.push(await runMarkdownServer(root, manifest, install));
        } catch (error) {
          result.markdownServerError = `vscode-markdown-languageserver failed: ${(error as Error).message.split('\n')[0]}`;
          log(result.markdownServerError);
        }
      }
    }
  }

  const report = { date: new Date().toISOString(), machine: machine(), options, requests: Object.fromEntries(options.sizes.map((n) => [n, requestCounts(n)])), markdownServerVersion: MARKDOWN_SERVER_VERSION, results };
  const shapes = options.shapes.length === Object.keys(SHAPES).length ? '' : `-${options.shapes.map((s) => s.name).join('-')}`;
  const name = options.out ?? `${stamp.slice(0, 10)}-n${options.sizes.join('-n')}${shapes}`;
  const table = renderReport(report);
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(report, null, 1)}\n`);
  fs.writeFileSync(path.join(resultsDir, `${name}.md`), table);
  process.stdout.write(table);
  log(`\nwritten: bench/results/${name}.md and .json`);
}

function printProfile(dir: string, log: (message: string) => void): void {
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return;
  const summary = summarizeProfile(path.join(dir, file), { under: 'loadAllNotes', top: 15 });
  log(`profile: ${path.relative(REPO_ROOT, path.join(dir, file))}`);
  log('  self time:');
  for (const line of summary.self) log(`  ${line.ms.toFixed(0).padStart(7)} ms  ${line.name}`);
  if (summary.under) {
    log(`  inclusive, below loadAllNotes (${summary.under.ms.toFixed(0)} ms):`);
    for (const line of summary.under.inclusive) log(`  ${line.ms.toFixed(0).padStart(7)} ms  ${line.name}`);
  }
}

// ---- the table ----

interface Row {
  figure: string;
  /** Counterpoint's value from one run. */
  ours: (run: CounterpointRun) => number;
  /** The markdown server's value for the same figure, where it has one. */
  theirs?: (run: MarkdownServerRun) => number;
  /** The gray-matter floor's comparable figure, for start-up. */
  floor?: (run: FloorRun) => number;
  unit: 'ms' | 'MB' | 'count';
  /** The issue's target at a given N, when there is one. */
  target?: (n: number, floorMs: number) => { limit: number; text: string } | undefined;
}

const at10k = (limit: number, text: string) => (n: number) => (n === 10_000 ? { limit, text } : undefined);

const ROWS: Row[] = [
  {
    figure: 'start → whole workspace indexed',
    ours: (r) => r.indexedMs,
    theirs: (r) => r.indexedMs,
    floor: (f) => f.ms,
    unit: 'ms',
    target: (n, floorMs) => (n === 10_000 ? { limit: 1.5 * floorMs, text: `≤ 1.5 × floor (${fmt(1.5 * floorMs, 'ms')})` } : n === 100_000 ? { limit: 15_000, text: '< 15 s' } : undefined),
  },
  { figure: '… CPU time the server used until then', ours: (r) => r.indexedCpuMs, unit: 'ms', floor: (f) => f.cpuMs },
  { figure: 'start → first diagnostics of the open note', ours: (r) => r.firstDiagnosticsMs, theirs: (r) => r.firstDiagnosticsMs, unit: 'ms' },
  { figure: 'start → diagnostics of every note published', ours: (r) => r.allDiagnosticsMs, unit: 'ms' },
  { figure: 'while indexing: slowest hover', ours: (r) => r.duringIndexing.hoverMaxMs, unit: 'ms' },
  { figure: 'while indexing: slowest edit → own diagnostics', ours: (r) => r.duringIndexing.editMaxMs, unit: 'ms' },
  { figure: 'first hovers right after start-up p95 (one per opened note, top actors first)', ours: (r) => r.firstHovers?.p95 ?? NaN, unit: 'ms', target: (n) => (n === 10_000 ? { limit: 2, text: '< 2 ms' } : undefined) },
  { figure: 'first hovers right after start-up max', ours: (r) => r.firstHovers?.max ?? NaN, unit: 'ms' },
  { figure: '… of them without an answer', ours: (r) => r.firstHovers?.empty ?? NaN, unit: 'count' },
  { figure: 'hover p50', ours: (r) => r.hover.p50, theirs: (r) => r.hover.p50, unit: 'ms' },
  { figure: 'hover p95', ours: (r) => r.hover.p95, theirs: (r) => r.hover.p95, unit: 'ms', target: (n) => (n === 10_000 ? { limit: 2, text: '< 2 ms' } : n === 100_000 ? { limit: 5, text: '< 5 ms' } : undefined) },
  { figure: 'hover max', ours: (r) => r.hover.max, theirs: (r) => r.hover.max, unit: 'ms' },
  { figure: '… hovers without an answer', ours: (r) => r.hover.empty ?? NaN, theirs: (r) => r.hover.empty ?? NaN, unit: 'count' },
  { figure: 'definition p50', ours: (r) => r.definition.p50, theirs: (r) => r.definition.p50, unit: 'ms' },
  { figure: 'definition p95', ours: (r) => r.definition.p95, theirs: (r) => r.definition.p95, unit: 'ms', target: at10k(2, '< 2 ms') },
  { figure: 'definition max', ours: (r) => r.definition.max, theirs: (r) => r.definition.max, unit: 'ms' },
  { figure: 'references p50 (mentions and claims)', ours: (r) => r.references.p50, unit: 'ms' },
  { figure: 'references p95 (mentions and claims)', ours: (r) => r.references.p95, unit: 'ms' },
  { figure: 'references max (mentions and claims)', ours: (r) => r.references.max, unit: 'ms' },
  { figure: 'references p50, most mentioned actor', ours: (r) => r.referencesTop.p50, theirs: (r) => r.referencesTop.p50, unit: 'ms' },
  { figure: 'references p95, most mentioned actor', ours: (r) => r.referencesTop.p95, theirs: (r) => r.referencesTop.p95, unit: 'ms', target: at10k(30, '< 30 ms') },
  { figure: 'references max, most mentioned actor', ours: (r) => r.referencesTop.max, theirs: (r) => r.referencesTop.max, unit: 'ms' },
  { figure: '… locations returned', ours: (r) => r.referencesTop.locations, theirs: (r) => r.referencesTop.locations, unit: 'count' },
  { figure: '… JSON of one answer (stringify + parse)', ours: (r) => r.referencesTop.jsonMs, theirs: (r) => r.referencesTop.jsonMs, unit: 'ms' },
  { figure: 'edit → that note’s diagnostics p50', ours: (r) => r.ownEdit.p50, theirs: (r) => r.ownEdit.p50, unit: 'ms', target: at10k(5, '< 5 ms') },
  { figure: 'edit → that note’s diagnostics p95', ours: (r) => r.ownEdit.p95, theirs: (r) => r.ownEdit.p95, unit: 'ms' },
  { figure: 'edit → other note’s (counter-source) diagnostics p50', ours: (r) => r.otherEdit.p50, unit: 'ms', target: at10k(20, '< 20 ms') },
  { figure: 'edit → other note’s (counter-source) diagnostics p95', ours: (r) => r.otherEdit.p95, unit: 'ms' },
  { figure: 'memory after indexing (RSS)', ours: (r) => r.rssAfterIndexMb, unit: 'MB' },
  { figure: 'peak memory before the most mentioned actor’s references', ours: (r) => r.peakBeforeTopReferencesMb, unit: 'MB' },
  {
    figure: 'peak memory (RSS high-water mark)',
    ours: (r) => r.peakMb,
    theirs: (r) => r.peakMb,
    unit: 'MB',
    target: (n) => (n === 10_000 ? { limit: 300, text: '< 300 MB' } : n === 100_000 ? { limit: 2048, text: '< 2 GB' } : undefined),
  },
];

function renderReport(report: { date: string; machine: Machine; options: Options; markdownServerVersion: string; results: SizeResult[] }): string {
  const { machine: m, options } = report;
  const lines: string[] = [];
  lines.push(`# Counterpoint benchmark, ${report.date.slice(0, 10)}`, '');
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}.`);
  lines.push(`Each figure is the median of ${options.runs} run(s) (VS Code's markdown server: ${Math.min(options.runs, options.markdownRuns)} run(s)); p50/p95/max are over the requests of one run.`);
  const counts = requestCounts(10_000);
  lines.push(`Requests per run (N ≤ 10,000; fewer at 100,000): ${counts.hover} hovers, ${counts.definition} definitions and ${counts.references} references on actor mentions and claim keys of ${OPENED_ARTICLES} open articles, ${counts.referencesTop} references of the most mentioned actor (the markdown server: 40, on markdown links to its note), ${counts.ownEdits} one-character edits in a heading and ${counts.otherEdits} in a claim key; each kind after ${counts.warmUp} untimed warm-up requests. Latencies are round trips as the client sees them.`);
  lines.push(`Ratios are Counterpoint ÷ the other (below 1: Counterpoint is faster or smaller). “markdown server” is vscode-markdown-languageserver ${report.markdownServerVersion}.`, '');
  for (const result of report.results) {
    const floorMs = median(result.floor.map((f) => f.ms));
    const s = result.manifest;
    lines.push(`## ${result.shape}, N = ${result.n.toLocaleString('en')}`, '');
    lines.push(`Shape: ${SHAPES[result.shape]?.description ?? result.shape}.`);
    lines.push(`${s.articles.toLocaleString('en')} articles + ${s.actors.toLocaleString('en')} actors, ${(s.bytes / 1e6).toFixed(0)} MB, ${s.claimKeys.toLocaleString('en')} claim keys; most mentioned actor: \`${s.topActor.id}\` (${s.topActor.mentions.toLocaleString('en')} mentions in ${s.topActor.notes.toLocaleString('en')} notes).`);
    lines.push(`Floor (spawn → every note read and its frontmatter parsed with gray-matter): ${fmt(floorMs, 'ms')}, of which reading the files ${fmt(median(result.floor.map((f) => f.readMs)), 'ms')}.`);
    const busiest = Math.max(...result.loadAverages);
    lines.push(`Load average (1 min) before the runs: ${result.loadAverages.map((l) => l.toFixed(1)).join(', ')}${busiest > m.cores ? ` — above the ${m.cores} cores: other processes were competing, so wall-clock figures are inflated (the CPU-time row is not)` : ''}.`);
    if (result.markdownServerError) lines.push(`Markdown server: ${result.markdownServerError}`);
    for (const error of result.counterpointErrors) lines.push(`Counterpoint: ${error}`);
    lines.push('');
    lines.push('| figure | Counterpoint | markdown server | ratio | ÷ floor | target | met |', '|---|---:|---:|---:|---:|---|:-:|');
    for (const row of ROWS) {
      const ours = median(result.counterpoint.map(row.ours));
      const theirs = row.theirs && result.markdownServer.length > 0 ? median(result.markdownServer.map(row.theirs)) : NaN;
      const target = row.target?.(result.n, floorMs);
      const met = target ? (ours < target.limit ? '✓' : `✗ ${(ours / target.limit).toFixed(1)}×`) : '';
      const floor = row.floor ? ratio(ours, median(result.floor.map(row.floor)), 'ms') : '';
      lines.push(`| ${row.figure} | ${fmt(ours, row.unit)} | ${fmt(theirs, row.unit)} | ${ratio(ours, theirs, row.unit)} | ${floor} | ${target?.text ?? ''} | ${met} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function fmt(value: number, unit: Row['unit']): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'count') return Math.round(value).toLocaleString('en');
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(2)} ms`;
}

function ratio(ours: number, theirs: number, unit: Row['unit']): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0 || unit === 'count') return '';
  return `${(ours / theirs).toFixed(2)}×`;
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
