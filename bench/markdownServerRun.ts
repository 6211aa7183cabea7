// One run of VS Code's own markdown language server (vscode-markdown-languageserver, from npm) on the same workspace,
// driven as VS Code's markdown extension drives it: the client parses markdown with markdown-it and serves the file
// system (`markdown/parse`, `markdown/fs/*`, `markdown/findMarkdownFilesInWorkspace`), diagnostics are pulled.
//
// It answers other questions than Counterpoint, so only what both do is compared: going to and finding the references
// of what a link points to (a markdown link to an actor note here, a wiki link or alias there), the diagnostics of a
// note after an edit, start-up, and memory.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { OPENED_ARTICLES, requestCounts } from './counterpointRun';
import type { Manifest } from './generate';
import { LspSession, sleep } from './lspSession';
import { jsonRoundTripMs, latency, type Latency } from './stats';

export const MARKDOWN_SERVER_VERSION = '0.5.0';
const MARKDOWN_SERVER_REFERENCES = 40;
/** The markdown-it major VS Code's markdown extension uses. */
const MARKDOWN_IT_VERSION = '14.1.0';

export interface MarkdownServerInstall {
  serverMain: string;
  markdownIt: string;
}

export interface MarkdownServerRun {
  n: number;
  /** Spawn → the answer to the first diagnostics pull for the note opened at start-up. */
  firstDiagnosticsMs: number;
  /** Spawn → the answer to the first references request (which reads and parses every note: its "indexed"). */
  indexedMs: number;
  hover: Latency & { empty: number };
  definition: Latency;
  /** References of the most linked actor note (every markdown link to it). */
  referencesTop: Latency & { locations: number; jsonMs: number };
  ownEdit: Latency;
  peakMb: number;
}

/** Installs the server and markdown-it into a cache folder of the bench (not the project's node_modules), once. */
export function ensureMarkdownServer(cacheDir: string, log: (message: string) => void): MarkdownServerInstall {
  const modules = path.join(cacheDir, 'node_modules');
  const install: MarkdownServerInstall = {
    serverMain: path.join(modules, 'vscode-markdown-languageserver', 'dist', 'node', 'workerMain.js'),
    markdownIt: path.join(modules, 'markdown-it'),
  };
  const installed = (name: string, version: string) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version === version;
    } catch {
      return false;
    }
  };
  if (installed('vscode-markdown-languageserver', MARKDOWN_SERVER_VERSION) && installed('markdown-it', MARKDOWN_IT_VERSION)) return install;
  log(`installing vscode-markdown-languageserver@${MARKDOWN_SERVER_VERSION} and markdown-it@${MARKDOWN_IT_VERSION} into ${cacheDir} …`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // Its package.json asks for Node 22; 0.5.0 runs on Node 20 (checked by this benchmark), so the engine check only warns.
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', [
    'install', '--prefix', cacheDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error',
    `vscode-markdown-languageserver@${MARKDOWN_SERVER_VERSION}`, `markdown-it@${MARKDOWN_IT_VERSION}`,
  ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, npm_config_engine_strict: 'false', npm_config_update_notifier: 'false' } });
  return install;
}

const CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: { configuration: false, workspaceFolders: true, diagnostics: { refreshSupport: true } },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: false },
    references: {},
  },
};

/** VS Code's markdown settings, with link validation on (it is off by default) so that a diagnostics pull does work. */
const SETTINGS = {
  markdown: {
    server: { log: 'off' },
    preferredMdPathExtensionStyle: 'auto',
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
    occurrencesHighlight: { enabled: false },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

export async function runMarkdownServer(root: string, manifest: Manifest, install: MarkdownServerInstall): Promise<MarkdownServerRun> {
  const session = new LspSession({ command: process.execPath, args: [install.serverMain, '--stdio'], cwd: root });
  try {
    serveClientRequests(session, root, install);
    return await drive(session, root, manifest);
  } finally {
    await session.shutdown();
  }
}

async function drive(session: LspSession, root: string, manifest: Manifest): Promise<MarkdownServerRun> {
  // Its references take a tenth of a second and more at N = 10,000: fewer of them, or the benchmark takes too long.
  const REQUESTS = { ...requestCounts(manifest.n), referencesTop: MARKDOWN_SERVER_REFERENCES };
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const readText = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');
  await session.initialize(pathToFileURL(root).href, path.basename(root), CAPABILITIES, { markdownFileExtensions: ['md'] });
  await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: SETTINGS });

  const own = uriOf(manifest.ownEdit.path);
  await session.open(own, readText(manifest.ownEdit.path));
  const pull = () => session.timed('textDocument/diagnostic', { textDocument: { uri: own } });
  await pull();
  const firstDiagnosticsMs = session.since();

  const opened = manifest.sampled.slice(0, OPENED_ARTICLES);
  const links = opened.flatMap((sample) => sample.actorLinks.map((link) => ({ path: sample.path, link })));
  const topLinks = links.filter(({ link }) => link.actorId === manifest.topActor.id);
  if (topLinks.length === 0) throw new Error(`none of the opened notes links ${manifest.topActor.path}`);
  const params = ({ path: file, link }: (typeof links)[number]) => ({ textDocument: { uri: uriOf(file) }, position: { line: link.line, character: link.character } });
  const refParams = (target: (typeof links)[number]) => ({ ...params(target), context: { includeDeclaration: true } });

  // The first references request makes the server read and parse every note.
  const ownTop = topLinks.find((t) => t.path === manifest.ownEdit.path) ?? topLinks[0];
  if (ownTop.path !== manifest.ownEdit.path) await session.open(uriOf(ownTop.path), readText(ownTop.path));
  await session.timed('textDocument/references', refParams(ownTop));
  const indexedMs = session.since();

  for (const sample of opened) if (!session.isOpen(uriOf(sample.path))) await session.open(uriOf(sample.path), readText(sample.path));
  await sleep(200);
  const spread = <T>(items: T[], count: number) => Array.from({ length: count }, (_, i) => items[(i * 7919) % items.length]);
  for (const target of spread(links, REQUESTS.warmUp)) {
    await session.timed('textDocument/hover', params(target));
    await session.timed('textDocument/definition', params(target));
  }
  const hover: number[] = [];
  let emptyHovers = 0;
  for (const target of spread(links, REQUESTS.hover)) {
    const { ms, result } = await session.timed('textDocument/hover', params(target));
    hover.push(ms);
    if (!result) emptyHovers++;
  }
  const definition: number[] = [];
  for (const target of spread(links, REQUESTS.definition)) definition.push((await session.timed('textDocument/definition', params(target))).ms);
  const top: { ms: number; result: unknown[] | null }[] = [];
  for (const target of spread(topLinks, REQUESTS.referencesTop)) top.push(await session.timed<unknown[] | null>('textDocument/references', refParams(target)));

  // A one-character edit, then the pull VS Code makes for the note's diagnostics.
  const ownEdit: number[] = [];
  const at = { line: manifest.ownEdit.at.line, character: manifest.ownEdit.at.character };
  for (let i = 0; i < REQUESTS.ownEdits; i++) {
    const started = performance.now();
    if (i % 2 === 0) await session.edit(own, at, 'x');
    else await session.edit(own, at, '', 1);
    await pull();
    ownEdit.push(performance.now() - started);
    await sleep(30);
  }

  return {
    n: manifest.n,
    firstDiagnosticsMs,
    indexedMs,
    hover: { ...latency(hover), empty: emptyHovers },
    definition: latency(definition),
    referencesTop: { ...latency(top.map((r) => r.ms)), locations: Math.max(...top.map((r) => r.result?.length ?? 0)), jsonMs: jsonRoundTripMs(top[0]?.result) },
    ownEdit: latency(ownEdit),
    peakMb: session.memory()?.peakMb ?? NaN,
  };
}

/** What VS Code's markdown extension answers for its server: markdown-it tokens and file-system access. */
function serveClientRequests(session: LspSession, root: string, install: MarkdownServerInstall): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownIt = require(install.markdownIt) as new (options: object) => { parse(text: string, env: object): unknown[] };
  const md = new MarkdownIt({ html: true, linkify: true });
  const { connection } = session;
  const textOf = async (uri: string, text?: string) => text ?? session.textOf(uri) ?? fs.promises.readFile(fileURLToPath(uri), 'utf8');

  connection.onRequest('markdown/parse', async ({ uri, text }: { uri: string; text?: string }) => md.parse(withoutFrontmatter(await textOf(uri, text)), {}));
  connection.onRequest('markdown/fs/readFile', async ({ uri }: { uri: string }) => Array.from(await fs.promises.readFile(fileURLToPath(uri))));
  connection.onRequest('markdown/fs/stat', async ({ uri }: { uri: string }) => {
    try {
      return { isDirectory: (await fs.promises.stat(fileURLToPath(uri))).isDirectory() };
    } catch {
      return undefined;
    }
  });
  connection.onRequest('markdown/fs/readDirectory', async ({ uri }: { uri: string }) => {
    const entries = await fs.promises.readdir(fileURLToPath(uri), { withFileTypes: true });
    return entries.map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]);
  });
  connection.onRequest('markdown/findMarkdownFilesInWorkspace', async () => markdownFiles(root).map((file) => pathToFileURL(file).href));
  connection.onRequest('markdown/fs/watcher/create', () => null);
  connection.onRequest('markdown/fs/watcher/delete', () => null);
}

/** VS Code's markdown-it has a front-matter plugin; blanking the block keeps the line numbers and drops it the same way. */
function withoutFrontmatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, '') + text.slice(match[0].length) : text;
}

function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(full);
    }
  }
  return found.sort();
}
