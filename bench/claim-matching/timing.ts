// The quick fix's time: `claim.no-counter-source` code actions through the language service, in generated workspaces
// of 1,000 and 10,000 notes (bench/generate.ts), with the plain BM25 baseline's time for the same claims beside it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_POOL_ARTICLES, finderFor } from '../../server/src/analysis/counterSourceFinder';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { parseConfig } from '../../server/src/model/config';
import type { Workspace } from '../../server/src/model/workspace';
import { createWorkspace, isDiagnosticCode, noteDiagnostics } from '../../server/src/rules/registry';
import { outletKey } from '../../server/src/rules/counterSource';
import { ensureWorkspace, workspaceFolder } from '../generate';
import { percentile } from '../stats';

export interface TimingResult {
  notes: number;
  requests: number;
  p50: number;
  p95: number;
  baselineP95: number;
  coldP95: number;
  poolBound: number;
  /** The machine's one-minute load average when the size was timed: other work on the machine inflates every figure. */
  load: number;
}

const BENCH_ROOT = path.resolve(__dirname, '../../../bench');
/** Claims timed per workspace, and timed requests per claim after its warm-up. */
const CLAIMS = 40;
const REPEATS = 3;

export async function timeCodeActions(sizes: readonly number[], log: (message: string) => void): Promise<TimingResult[]> {
  const results: TimingResult[] = [];
  for (const n of sizes) {
    const root = workspaceFolder(BENCH_ROOT, n);
    const manifest = ensureWorkspace(root, n, log);
    log(`loading ${n} notes …`);
    const workspace = loadWorkspace(root);
    const ctx: FeatureContext = { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
    const finder = finderFor(workspace);
    const cold: number[] = [];
    const warm: number[] = [];
    const baseline: number[] = [];
    let claims = 0;
    for (const sampled of manifest.sampled) {
      if (claims >= CLAIMS) break;
      const uri = `file://${path.join(root, sampled.path)}`;
      const note = workspace.getNote(uri);
      if (!note) continue;
      for (const found of noteDiagnostics(workspace, uri).filter((d) => d.code === 'claim.no-counter-source')) {
        if (claims >= CLAIMS) break;
        const diagnostic: Diagnostic = { range: note.lines.rangeOf(found.span), code: found.code, data: found.data, message: found.message };
        const time = () => {
          const started = process.hrtime.bigint();
          provideCodeActions(ctx, uri, diagnostic.range, [diagnostic], { isCancellationRequested: false });
          return Number(process.hrtime.bigint() - started) / 1e6;
        };
        cold.push(time());
        for (let i = 0; i < REPEATS; i++) warm.push(time());
        const claim = note.claims.find((c) => c.key === found.data?.key);
        if (claim) {
          for (let i = 0; i < REPEATS; i++) {
            const started = process.hrtime.bigint();
            const query = finder.claimQuery(workspace, note, claim);
            const pool = finder.pool(workspace, query, { exclude: (other) => other.uri === uri || outletKey(other) === outletKey(note) });
            finder.rankBaseline(finder.candidates(workspace, query, pool) ?? []).slice(0, 3);
            baseline.push(Number(process.hrtime.bigint() - started) / 1e6);
          }
        }
        claims++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    results.push({ notes: n, requests: warm.length, p50: percentile(warm, 50), p95: percentile(warm, 95), baselineP95: percentile(baseline, 95), coldP95: percentile(cold, 95), poolBound: MAX_POOL_ARTICLES, load: os.loadavg()[0] });
    log(`n=${n}: ${claims} claims, warm p95 ${percentile(warm, 95).toFixed(1)} ms, cold p95 ${percentile(cold, 95).toFixed(1)} ms`);
  }
  return results;
}

function loadWorkspace(root: string): Workspace {
  const { config } = parseConfig(fs.existsSync(path.join(root, 'counterpoint.yaml')) ? fs.readFileSync(path.join(root, 'counterpoint.yaml'), 'utf8') : '', isDiagnosticCode);
  const workspace = createWorkspace([`file://${root}`], config);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(root);
  workspace.batch(() => {
    for (const file of files) workspace.upsert(`file://${file}`, fs.readFileSync(file, 'utf8'));
  });
  return workspace;
}
