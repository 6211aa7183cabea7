// One run of the Counterpoint server (dist/server.js over stdio) on a generated workspace, as an editor drives it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Diagnostic, Position } from 'vscode-languageserver-protocol/node';
import type { Manifest, MentionTarget, ClaimTarget, SampledArticle } from './generate';
import { LspSession, sleep, type Publication } from './lspSession';
import { jsonRoundTripMs, latency, type Latency } from './stats';

export interface RequestCounts {
  hover: number;
  definition: number;
  references: number;
  referencesTop: number;
  ownEdits: number;
  otherEdits: number;
  warmUp: number;
}

/**
 * How many requests of each kind are timed (after a warm-up that is not). At N = 100,000 an answer of the most
 * mentioned actor's references carries tens of thousands of locations, so fewer are sent.
 */
export function requestCounts(n: number): RequestCounts {
  if (n >= 100_000) return { hover: 150, definition: 150, references: 100, referencesTop: 20, ownEdits: 60, otherEdits: 30, warmUp: 20 };
  return { hover: 300, definition: 300, references: 300, referencesTop: 100, ownEdits: 100, otherEdits: 60, warmUp: 30 };
}
/** How many sampled articles the "editor" opens before sending requests on them. */
export const OPENED_ARTICLES = 30;

export interface CounterpointRun {
  n: number;
  /** Spawn → the first (non-empty) diagnostics of the note opened at start-up. */
  firstDiagnosticsMs: number;
  /** Spawn → the first diagnostics of that note that equal its final ones (all actors and claims known). */
  firstCompleteDiagnosticsMs: number;
  /** Spawn → `counterpoint/indexStatus` ready. */
  indexedMs: number;
  /** CPU time the server had used when it reported ready (a figure the load of other processes barely changes). */
  indexedCpuMs: number;
  /** Spawn → work-done progress end. */
  progressEndMs: number;
  /** Spawn → diagnostics published for every note of the workspace. */
  allDiagnosticsMs: number;
  /** Requests sent while indexing was under way: how long they took, and how many hovers had an answer. */
  duringIndexing: { hovers: number; hoversAnswered: number; hoverMaxMs: number; edits: number; editMaxMs: number };
  /**
   * Right after start-up, the notes just opened: one hover per note on its most mentioned actor (most mentioned in the
   * workspace first), before any other request: what a user who opens a note and hovers its main actor waits.
   */
  firstHovers: Latency & { empty: number };
  hover: Latency & { empty: number };
  definition: Latency;
  references: Latency;
  referencesTop: Latency & { locations: number; jsonMs: number };
  ownEdit: Latency;
  otherEdit: Latency;
  rssAfterIndexMb: number;
  /** The high-water mark before the references of the most mentioned actor, whose answers are the largest. */
  peakBeforeTopReferencesMb: number;
  peakMb: number;
}

const CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: { configuration: false, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: false },
    references: {},
  },
};

export async function runCounterpoint(root: string, manifest: Manifest, serverPath: string, profileDir?: string): Promise<CounterpointRun> {
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), serverPath, '--stdio'];
  const session = new LspSession({ command: process.execPath, args, cwd: root });
  try {
    return await drive(session, root, manifest);
  } finally {
    await session.shutdown();
  }
}

async function drive(session: LspSession, root: string, manifest: Manifest): Promise<CounterpointRun> {
  const REQUESTS = requestCounts(manifest.n);
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const readText = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');
  const notes = manifest.articles + manifest.actors;

  await session.initialize(pathToFileURL(root).href, path.basename(root), CAPABILITIES);
  // An editor restoring its open tab: the note is opened at once, before indexing is done.
  const own = uriOf(manifest.ownEdit.path);
  await session.open(own, readText(manifest.ownEdit.path));
  const ownSample = manifest.sampled.find((s) => s.path === manifest.ownEdit.path)!;

  const ready = () => session.notifications.find((n) => n.method === 'counterpoint/indexStatus' && (n.params as { state: string }).state === 'ready');
  const duringIndexing = await probeWhileIndexing(session, own, ownSample.mentions[0], manifest.ownEdit.at, () => !!ready());
  const indexedAt = (await session.waitFor('counterpoint/indexStatus ready', ready, 600_000)).at;
  const indexedCpuMs = session.cpuMs();
  const progressEnd = session.notifications.find((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');

  const published = new Set<string>();
  let scanned = 0;
  const allPublished = await session.waitFor('diagnostics of every note', () => {
    for (; scanned < session.publications.length; scanned++) {
      const publication = session.publications[scanned];
      if (publication.at >= indexedAt && publication.uri.endsWith('.md')) published.add(publication.uri);
      if (published.size >= notes) return publication;
    }
    return undefined;
  }, 600_000);
  const rssAfterIndexMb = session.memory()?.rssMb ?? NaN;
  // The note has a diagnostic of its own (the generator sees to it): an empty publication is not its diagnostics yet.
  const firstOwn = session.publications.find((p) => p.uri === own && p.diagnostics.length > 0)!;
  const finalOwn = session.latest.get(own)!;
  const firstComplete = session.publications.find((p) => p.uri === own && sameDiagnostics(p.diagnostics, finalOwn.diagnostics))!;

  // Requests, on the notes an analyst has open.
  const opened = manifest.sampled.slice(0, OPENED_ARTICLES);
  for (const sample of opened) if (!session.isOpen(uriOf(sample.path))) await session.open(uriOf(sample.path), readText(sample.path));
  const firstHovers = await timeAll<unknown>(session, 'textDocument/hover', firstHoverTargets(opened, manifest).map((t) => ({ textDocument: { uri: uriOf(t.path) }, position: t.at })));
  await sleep(200);
  const targets = requestTargets(opened, manifest);
  const position = (t: { line: number; character: number }): Position => ({ line: t.line, character: t.character });
  const params = (target: { path: string; at: Position }) => ({ textDocument: { uri: uriOf(target.path) }, position: target.at });
  const refParams = (target: { path: string; at: Position }) => ({ ...params(target), context: { includeDeclaration: true } });

  await timeAll(session, 'textDocument/hover', targets.mixed.slice(0, REQUESTS.warmUp).map(params));
  await timeAll(session, 'textDocument/definition', targets.mixed.slice(0, REQUESTS.warmUp).map(params));
  await timeAll(session, 'textDocument/references', targets.mixed.slice(0, REQUESTS.warmUp).map(refParams));
  const hover = await timeAll<unknown>(session, 'textDocument/hover', cycle(targets.mixed, REQUESTS.hover).map(params));
  const definition = await timeAll(session, 'textDocument/definition', cycle(targets.mixed, REQUESTS.definition).map(params));
  const references = await timeAll(session, 'textDocument/references', cycle(targets.mixed, REQUESTS.references).map(refParams));
  const peakBeforeTopReferencesMb = session.memory()?.peakMb ?? NaN;
  const top = await timeAll<unknown[]>(session, 'textDocument/references', cycle(targets.top, REQUESTS.referencesTop).map(refParams));

  // Typing in a note: its own diagnostics.
  const ownEdit = await typeAndWait(session, own, position(manifest.ownEdit.at), REQUESTS.ownEdits, (p, version) => p.uri === own && p.version === version);

  // Typing in a claim key: the diagnostics of the article whose only counter-source it was.
  const { source, dependent, key, keyEnd } = manifest.counterEdit;
  const dependentUri = uriOf(dependent);
  if (hasNoCounterSource(session.latest.get(dependentUri)?.diagnostics ?? [], key)) {
    throw new Error(`${dependent} should have ${source} as the counter-source of ${key}`);
  }
  await session.open(uriOf(source), readText(source));
  await sleep(100);
  let inserted = false;
  const otherEdit = await typeAndWait(session, uriOf(source), position(keyEnd), REQUESTS.otherEdits, (p) => {
    if (p.uri !== dependentUri) return false;
    return hasNoCounterSource(p.diagnostics, key) === inserted;
  }, (isInsert) => {
    inserted = isInsert;
  });

  const memory = session.memory();
  return {
    n: manifest.n,
    firstDiagnosticsMs: session.since(firstOwn.at),
    firstCompleteDiagnosticsMs: session.since(firstComplete.at),
    indexedMs: session.since(indexedAt),
    indexedCpuMs,
    progressEndMs: progressEnd ? session.since(progressEnd.at) : NaN,
    allDiagnosticsMs: session.since(allPublished.at),
    duringIndexing,
    firstHovers: { ...latency(firstHovers.map((r) => r.ms)), empty: firstHovers.filter((r) => !r.result).length },
    hover: { ...latency(hover.map((r) => r.ms)), empty: hover.filter((r) => !r.result).length },
    definition: latency(definition.map((r) => r.ms)),
    references: latency(references.map((r) => r.ms)),
    referencesTop: { ...latency(top.map((r) => r.ms)), locations: Math.max(...top.map((r) => r.result?.length ?? 0)), jsonMs: jsonRoundTripMs(top[0]?.result) },
    ownEdit: latency(ownEdit),
    otherEdit: latency(otherEdit),
    rssAfterIndexMb,
    peakBeforeTopReferencesMb,
    peakMb: memory?.peakMb ?? NaN,
  };
}

/**
 * While the workspace is being indexed, hovers on the open note and one-character edits to it, one after another,
 * until the index is ready: how long each waits, and whether hovers answer with something.
 */
async function probeWhileIndexing(session: LspSession, uri: string, mention: MentionTarget, editAt: Position, isReady: () => boolean): Promise<CounterpointRun['duringIndexing']> {
  const hoverMs: number[] = [];
  const editMs: number[] = [];
  let answered = 0;
  while (!isReady()) {
    const { ms, result } = await session.timed('textDocument/hover', { textDocument: { uri }, position: { line: mention.line, character: mention.character } });
    if (isReady()) break;
    hoverMs.push(ms);
    if (result) answered++;
    for (const insert of [true, false]) {
      const after = session.publications.length;
      const started = performance.now();
      const version = insert ? await session.edit(uri, editAt, 'x') : await session.edit(uri, editAt, '', 1);
      await session.waitForPublication(uri, after, (p) => p.version === version);
      editMs.push(performance.now() - started);
    }
    await sleep(5);
  }
  return {
    hovers: hoverMs.length,
    hoversAnswered: answered,
    hoverMaxMs: hoverMs.length ? Math.max(...hoverMs) : NaN,
    edits: editMs.length,
    editMaxMs: editMs.length ? Math.max(...editMs) : NaN,
  };
}

/**
 * `count` one-character edits at `at`, alternately typing an `x` and deleting it (so the text ends as it began), each
 * timed from the change notification to the first publication `done` accepts.
 */
async function typeAndWait(
  session: LspSession,
  uri: string,
  at: Position,
  count: number,
  done: (publication: Publication, version: number) => boolean,
  beforeEdit: (isInsert: boolean) => void = () => {},
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const insert = i % 2 === 0;
    beforeEdit(insert);
    const after = session.publications.length;
    const started = performance.now();
    const version = insert ? await session.edit(uri, at, 'x') : await session.edit(uri, at, '', 1);
    const publication = await session.waitFor(`diagnostics after edit ${version}`, () => {
      for (let k = after; k < session.publications.length; k++) if (done(session.publications[k], version)) return session.publications[k];
      return undefined;
    }, 30_000);
    times.push(publication.at - started);
    // An analyst types a few characters a second; the next edit comes after this one's publications are out.
    await sleep(30);
  }
  return times;
}

async function timeAll<R = unknown>(session: LspSession, method: string, params: unknown[]): Promise<{ ms: number; result: R }[]> {
  const results: { ms: number; result: R }[] = [];
  for (const p of params) results.push(await session.timed<R>(method, p));
  return results;
}

interface RequestTarget {
  path: string;
  at: Position;
}

/** Requests alternate between actor mentions and claim keys, spread over the opened notes; `top` are mentions of the most mentioned actor. */
function requestTargets(opened: SampledArticle[], manifest: Manifest): { mixed: RequestTarget[]; top: RequestTarget[] } {
  const mentions: RequestTarget[] = [];
  const claims: RequestTarget[] = [];
  const top: RequestTarget[] = [];
  const at = (t: MentionTarget | ClaimTarget) => ({ line: t.line, character: t.character });
  for (const sample of opened) {
    for (const m of sample.mentions) {
      mentions.push({ path: sample.path, at: at(m) });
      if (m.actorId === manifest.topActor.id) top.push({ path: sample.path, at: at(m) });
    }
    for (const c of sample.claims) claims.push({ path: sample.path, at: at(c) });
  }
  const spread = <T>(items: T[]) => items.map((_, i) => items[(i * 7919) % items.length]);
  const mixed: RequestTarget[] = [];
  const m = spread(mentions);
  const c = spread(claims);
  for (let i = 0; i < Math.max(m.length, c.length); i++) {
    if (i < m.length) mixed.push(m[i]);
    if (i < c.length) mixed.push(c[i]);
  }
  if (top.length === 0) throw new Error(`none of the opened notes mentions ${manifest.topActor.id}`);
  return { mixed, top: spread(top) };
}

/** Per opened note, a mention of its most mentioned actor; notes whose actor is mentioned most in the workspace first. */
function firstHoverTargets(opened: SampledArticle[], manifest: Manifest): RequestTarget[] {
  const rank = new Map(manifest.actorsByMentions.map((actor, i) => [actor.id, i]));
  const rankOf = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const targets: { rank: number; target: RequestTarget }[] = [];
  for (const sample of opened) {
    const best = [...sample.mentions].sort((a, b) => rankOf(a.actorId) - rankOf(b.actorId))[0];
    if (best) targets.push({ rank: rankOf(best.actorId), target: { path: sample.path, at: { line: best.line, character: best.character } } });
  }
  return targets.sort((a, b) => a.rank - b.rank).map((t) => t.target);
}

function cycle<T>(items: T[], count: number): T[] {
  return Array.from({ length: count }, (_, i) => items[i % items.length]);
}

function hasNoCounterSource(diagnostics: Diagnostic[], key: string): boolean {
  return diagnostics.some((d) => d.code === 'claim.no-counter-source' && (d.data as { key?: string } | undefined)?.key === key);
}

function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
  const signature = (list: Diagnostic[]) => JSON.stringify(list.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]));
  return signature(a) === signature(b);
}
