// Memory under sustained editing: spawns the built server (node --expose-gc dist/server.js --stdio) on a copy of
// samples/, types and deletes 10,000 times in one open note, then in 20 notes round-robin, and compares the server's
// heap and RSS (read through counterpoint/memoryUsage, after a full garbage collection) before and after.
// A third scenario indexes a 20 MB note and deletes it. Heap plus typed arrays growing by more than
// COUNTERPOINT_MEMORY_LIMIT_MB (default 8) fails the run: something keeps every version, or what a huge note needed.
//
//   npm run build && node out/bench/memory.js [--edits 10000]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Position } from 'vscode-languageserver-protocol';
import { MemoryUsageRequest, type MemoryUsage } from '../shared/src/protocol';
import { LspSession } from './lspSession';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SERVER_PATH = process.env.COUNTERPOINT_SERVER || path.join(REPO_ROOT, 'dist', 'server.js');
const SAMPLES = path.join(REPO_ROOT, 'samples');
const EDITS = Number(argument('--edits') ?? 10_000);
const LIMIT_MB = Number(process.env.COUNTERPOINT_MEMORY_LIMIT_MB) || 8;
const WARM_UP_EDITS = 1_000;
/** Waits for the server to catch up every so many edits, as a typist's pauses let it. */
const SYNC_EVERY = 250;
/** What the typist types, one character at a time, then deletes with backspace: prose, a wiki link, a claim. */
const PHRASE = ' Tokaev met [[putin]] and [they agreed]{claim=memory-bench by=tokayev stance=reports}.';

const CAPABILITIES: ClientCapabilities = {
  textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
  window: { workDoneProgress: false },
};

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** A note being typed in: where the cursor starts, and how far into the phrase the typist is. */
interface Typist {
  uri: string;
  at: Position;
  typed: number;
  deleting: boolean;
}

/** The next keystroke in a note: the phrase's next character, or a backspace once it is all typed. */
async function keystroke(session: LspSession, typist: Typist): Promise<number> {
  const { line, character } = typist.at;
  if (!typist.deleting) {
    const version = await session.edit(typist.uri, { line, character: character + typist.typed }, PHRASE[typist.typed]);
    if (++typist.typed === PHRASE.length) typist.deleting = true;
    return version;
  }
  const version = await session.edit(typist.uri, { line, character: character + typist.typed - 1 }, '', 1);
  if (--typist.typed === 0) typist.deleting = false;
  return version;
}

/** The end of the note's longest line of prose: where the typist types. */
function typingPosition(text: string): Position {
  const lines = text.split('\n');
  let best = 0;
  lines.forEach((content, line) => {
    if (!content.startsWith('---') && !/^[a-z]+:/.test(content) && content.length > lines[best].length) best = line;
  });
  return { line: best, character: lines[best].length };
}

async function memory(session: LspSession): Promise<MemoryUsage> {
  // Twice: the first collection may leave what finalizers free for the second.
  await session.connection.sendRequest(MemoryUsageRequest.method);
  return session.connection.sendRequest<MemoryUsage>(MemoryUsageRequest.method);
}

async function type(session: LspSession, typists: Typist[], edits: number): Promise<void> {
  let version = 0;
  let typist = typists[0];
  for (let n = 0; n < edits; n++) {
    typist = typists[n % typists.length];
    version = await keystroke(session, typist);
    if ((n + 1) % SYNC_EVERY === 0) await lastDiagnostics(session, typist.uri, version);
  }
  for (const t of typists) await lastDiagnostics(session, t.uri, t === typist ? version : undefined);
}

async function lastDiagnostics(session: LspSession, uri: string, version: number | undefined): Promise<void> {
  await session.waitFor(`diagnostics of ${uri} at version ${version ?? 'any'}`, () => {
    const latest = session.latest.get(uri);
    return latest !== undefined && (version === undefined || latest.version === version);
  });
}

interface Row {
  scenario: string;
  edits: number;
  before: MemoryUsage;
  after: MemoryUsage;
  seconds: number;
}

/** What a scenario does between its two measurements; returns how many edits (or files) that was. */
type Workload = (session: LspSession, root: string, typists: Typist[]) => Promise<number>;

const typing: Workload = async (session, _root, typists) => {
  await type(session, typists, EDITS);
  return EDITS;
};

/** A 20 MB note appears on disk, is indexed, and goes again: what it needed must go with it. */
const hugeNoteComesAndGoes: Workload = async (session, root) => {
  const file = path.join(root, 'articles', 'huge.md');
  const uri = pathToFileURL(file).href;
  const sentence = 'Tokayev met the press, and lorem ipsum dolor sit amet, consectetur adipiscing elit. ';
  fs.writeFileSync(file, sentence.repeat(Math.ceil((20 * 1024 * 1024) / sentence.length)));
  const created = session.publications.length;
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  await session.waitForPublication(uri, created, () => true);
  fs.rmSync(file);
  const deleted = session.publications.length;
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  await session.waitForPublication(uri, deleted, (p) => p.diagnostics.length === 0);
  return 1;
};

async function scenario(name: string, files: string[], workload: Workload = typing): Promise<Row> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-memory-')));
  fs.cpSync(SAMPLES, root, { recursive: true });
  const session = new LspSession({ command: process.execPath, args: ['--expose-gc', SERVER_PATH, '--stdio'], cwd: root });
  try {
    const rootUri = pathToFileURL(root).href;
    await session.initialize(rootUri, 'memory', CAPABILITIES);
    await session.waitFor('the index', () => session.notifications.some((n) => n.method === 'counterpoint/indexStatus' && (n.params as { state: string }).state === 'ready'));
    const typists: Typist[] = [];
    for (const file of files) {
      const uri = pathToFileURL(path.join(root, file)).href;
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      await session.open(uri, text);
      typists.push({ uri, at: typingPosition(text), typed: 0, deleting: false });
    }
    // Warm-up: the code is compiled and every lazily filled table is filled before the baseline.
    await type(session, typists, WARM_UP_EDITS);
    const before = await memory(session);
    if (!before.collected) throw new Error('the server cannot collect garbage: it must run with --expose-gc');
    const started = performance.now();
    const edits = await workload(session, root, typists);
    const seconds = (performance.now() - started) / 1000;
    const after = await memory(session);
    return { scenario: name, edits, before, after, seconds };
  } finally {
    await session.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const fixed = (value: number, signed = false) => `${signed && value >= 0 ? '+' : ''}${value.toFixed(1)}`;

function table(rows: Row[]): string {
  const header = ['scenario', 'changes', 'heap before', 'heap after', 'Δ heap', 'Δ buffers', 'RSS before', 'RSS after', 'Δ RSS', 'seconds'];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.edits),
    `${fixed(mb(r.before.heapUsed))} MB`,
    `${fixed(mb(r.after.heapUsed))} MB`,
    `${fixed(mb(r.after.heapUsed - r.before.heapUsed), true)} MB`,
    `${fixed(mb(r.after.arrayBuffers - r.before.arrayBuffers), true)} MB`,
    `${fixed(mb(r.before.rss))} MB`,
    `${fixed(mb(r.after.rss))} MB`,
    `${fixed(mb(r.after.rss - r.before.rss), true)} MB`,
    r.seconds.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [row(header), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(row)].join('\n');
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first`);
  const articles = fs.readdirSync(path.join(SAMPLES, 'articles')).filter((f) => f.endsWith('.md')).sort().map((f) => `articles/${f}`);
  const actors = fs.readdirSync(path.join(SAMPLES, 'actors')).filter((f) => f.endsWith('.md')).sort().map((f) => `actors/${f}`);
  const twenty = [...articles, ...actors].slice(0, 20);
  const rows = [
    await scenario('one note', ['articles/channel24-tokayev-distances-himself.md']),
    await scenario(`${twenty.length} notes, round-robin`, twenty),
    await scenario('a 20 MB note indexed, then deleted', ['articles/channel24-tokayev-distances-himself.md'], hugeNoteComesAndGoes),
  ];
  process.stdout.write([
    `Server memory after a full GC, before and after ${EDITS} edits (typing and deleting "${PHRASE.trim()}" a character at a time),`,
    `after ${WARM_UP_EDITS} warm-up edits; "buffers" are typed arrays outside the heap (process.memoryUsage().arrayBuffers).`,
    '',
    table(rows),
    '',
  ].join('\n'));
  const grown = rows.filter((r) => mb(r.after.heapUsed + r.after.arrayBuffers - r.before.heapUsed - r.before.arrayBuffers) > LIMIT_MB);
  if (grown.length > 0) {
    process.stdout.write(`\nFAIL: the heap and buffers grew by more than ${LIMIT_MB} MB in: ${grown.map((r) => r.scenario).join(', ')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`\nOK: the heap and buffers stayed within ${LIMIT_MB} MB of where they were.\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
