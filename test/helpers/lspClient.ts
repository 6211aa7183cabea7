// A real LSP client for protocol tests: spawns the BUILT server (dist/server.js --stdio) on a fresh temp copy of samples/
// and talks to it over stdio through vscode-languageserver-protocol, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  ConfigurationRequest,
  type ClientCapabilities,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { IndexStatusNotification, type IndexStatus } from '../../shared/src/protocol';
import { applyTextEdits, applyWorkspaceEdit } from './edits';
import { Waiters } from './waiters';

/** The repository root, from out/test/helpers/lspClient.js. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The built server; COUNTERPOINT_SERVER runs the suite against another build. */
export const SERVER_PATH = process.env.COUNTERPOINT_SERVER || path.join(REPO_ROOT, 'dist', 'server.js');
export const SAMPLES_PATH = path.join(REPO_ROOT, 'samples');

const DEFAULT_TIMEOUT_MS = 8000;

export interface StartOptions {
  /** Changes the temp copy of the samples before the server starts (files are relative to its root). */
  prepare?: (root: string) => void;
  /** When given, the client declares `workspace.configuration` and answers `workspace/configuration` with these settings. */
  configuration?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Declare window.showMessage and answer `window/showMessageRequest` (default true); false: a minimal client without it. */
  showMessageRequests?: boolean;
  /** The editor's workspace folders, relative to the temp root (default: the root itself). */
  folders?: string[];
  /** Wait for the first `counterpoint/indexStatus` ready (default true). */
  waitForIndex?: boolean;
}

export interface Publication {
  /** Order of arrival among every message from the server. */
  seq: number;
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ProgressEvent {
  seq: number;
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}


/** Every session still running, so that a crashing test process does not leave servers or temp dirs behind. */
const liveSessions = new Set<LspSession>();
process.on('exit', () => {
  for (const session of liveSessions) session.killNow();
});

export async function startServer(options: StartOptions = {}): Promise<LspSession> {
  if (!fs.existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first`);
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-protocol-')));
  fs.cpSync(SAMPLES_PATH, root, { recursive: true });
  options.prepare?.(root);
  const session = new LspSession(root, options);
  liveSessions.add(session);
  try {
    await session.initialize();
    if (options.waitForIndex !== false) await session.waitForIndexReady();
  } catch (error) {
    await session.shutdown().catch(() => undefined);
    throw error;
  }
  return session;
}

export class LspSession {
  readonly rootUri: string;
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  initializeResult?: InitializeResult;

  /** Latest publication per URI, and every publication in order. */
  private readonly latest = new Map<string, Publication>();
  readonly publications: Publication[] = [];
  readonly indexStatuses: (IndexStatus & { seq: number })[] = [];
  readonly progressCreated: { seq: number; token: string | number }[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly logMessages: { type: number; message: string }[] = [];
  readonly shownMessages: { type: number; message: string }[] = [];
  readonly configurationRequests: unknown[] = [];
  /** Anything wrong at the protocol level: non-LSP output on stdout, reader errors, the connection closing early. */
  readonly protocolErrors: string[] = [];

  /** What the client answers to `workspace/configuration` for `counterpoint` (change it, then call `configurationChanged`). */
  settings?: Record<string, unknown>;

  private stderrChunks: string[] = [];
  private seq = 0;
  private readonly waiters = new Waiters();
  private readonly documents = new Map<string, { version: number; text: string }>();
  private exited = false;
  private exitCode: number | null = null;
  private shuttingDown = false;
  private cleanedUp = false;

  constructor(readonly root: string, private readonly options: StartOptions) {
    this.rootUri = pathToFileURL(root).href;
    this.settings = options.configuration;
    this.child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => this.stderrChunks.push(chunk));
    this.child.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
      if (!this.shuttingDown) this.protocolError(`server exited unexpectedly with code ${code}`);
    });
    this.child.on('error', (error) => this.protocolError(`server process error: ${error.message}`));
    this.child.stdin!.on('error', (error) => {
      if (!this.shuttingDown) this.protocolError(`writing to the server failed: ${error.message}`);
    });

    // An independent check of the stdout framing, byte by byte, beside the reader the connection uses.
    const framing = new FramingChecker((problem) => this.protocolError(`stdout: ${problem}`));
    this.child.stdout!.on('data', (chunk: Buffer) => framing.push(chunk));

    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onError(([error]) => this.protocolError(`connection error: ${error.message}`));
    this.connection.onClose(() => {
      if (!this.shuttingDown) this.protocolError('connection closed before shutdown');
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const publication: Publication = { seq: ++this.seq, uri: params.uri, version: params.version, diagnostics: params.diagnostics };
      this.latest.set(params.uri, publication);
      this.publications.push(publication);
      this.wake();
    });
    this.connection.onNotification(IndexStatusNotification, (status) => {
      this.indexStatuses.push({ ...status, seq: ++this.seq });
      this.wake();
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      this.progressCreated.push({ seq: ++this.seq, token });
      this.wake();
      return null;
    });
    // Replaces the connection's own progress routing: every $/progress is recorded, whatever its token.
    this.connection.onNotification('$/progress', (params: { token: string | number; value: ProgressEvent['value'] }) => {
      this.progress.push({ seq: ++this.seq, token: params.token, value: params.value });
      this.wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logMessages.push(params);
      this.wake();
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shownMessages.push(params);
      this.wake();
    });
    // The client declares window.showMessage: the request is answered as if the user dismissed it.
    if (this.options.showMessageRequests !== false) {
      this.connection.onRequest(ShowMessageRequest.type, (params) => {
        this.shownMessages.push({ type: params.type, message: params.message });
        this.wake();
        return null;
      });
    }
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'counterpoint' ? this.settings ?? null : null));
    });
    this.connection.onUnhandledNotification((message) => {
      this.logMessages.push({ type: 0, message: `unhandled notification ${message.method}` });
    });
    this.connection.listen();
  }

  // ---- life cycle ----

  async initialize(): Promise<InitializeResult> {
    this.initializeResult = await this.request(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'counterpoint-protocol-tests' },
      rootUri: this.options.folders ? pathToFileURL(path.join(this.root, this.options.folders[0])).href : this.rootUri,
      workspaceFolders: (this.options.folders ?? ['.']).map((folder) => ({ uri: pathToFileURL(path.join(this.root, folder)).href, name: path.basename(folder) })),
      capabilities: clientCapabilities(this.options.configuration !== undefined, this.options.showMessageRequests !== false),
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** The first `ready` status (or the first after `afterSeq`). */
  waitForIndexReady(afterSeq = 0, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<IndexStatus & { seq: number }> {
    return this.waitFor('counterpoint/indexStatus ready', () => this.indexStatuses.find((s) => s.seq > afterSeq && s.state === 'ready'), timeoutMs);
  }

  /** Shutdown + exit, kill on timeout; always removes the temp dir. Throws if anything went wrong at the protocol level. */
  async shutdown(timeoutMs = 3000): Promise<void> {
    if (this.cleanedUp) return;
    try {
      // A broken connection cannot carry a shutdown request: the child is killed below.
      if (!this.exited && this.protocolErrors.length === 0) {
        try {
          await withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, 'shutdown request');
          this.shuttingDown = true;
          await this.connection.sendNotification(ExitNotification.type);
          await this.waitForExit(timeoutMs);
          if (this.exitCode !== 0) this.protocolError(`server exited with code ${this.exitCode} after shutdown and exit`);
        } catch (error) {
          this.protocolError(`clean shutdown failed: ${(error as Error).message}`);
        }
      }
    } finally {
      this.shuttingDown = true;
      this.killNow();
    }
    this.assertHealthy();
  }

  /** Synchronous last resort: kills the child and removes the temp dir. */
  killNow(): void {
    if (this.cleanedUp) return;
    this.cleanedUp = true;
    liveSessions.delete(this);
    this.shuttingDown = true;
    this.connection.dispose();
    if (!this.exited) this.child.kill('SIGKILL');
    fs.rmSync(this.root, { recursive: true, force: true });
    this.waiters.failAll(new Error('session ended'));
  }

  private waitForExit(timeoutMs: number): Promise<void> {
    if (this.exited) return Promise.resolve();
    return withTimeout(new Promise<void>((resolve) => this.child.once('exit', () => resolve())), timeoutMs, 'server exit');
  }

  /** Fails when the server wrote anything but LSP messages to stdout, the connection errored or closed, or it crashed. */
  assertHealthy(): void {
    if (this.protocolErrors.length > 0) {
      throw new Error(`protocol errors:\n- ${this.protocolErrors.join('\n- ')}\nserver stderr:\n${this.stderr || '(empty)'}`);
    }
  }

  get stderr(): string {
    return this.stderrChunks.join('');
  }

  get isRunning(): boolean {
    return !this.exited;
  }

  private protocolError(message: string): void {
    this.protocolErrors.push(message);
    this.waiters.failAll(new Error(`${message}\nserver stderr:\n${this.stderr || '(empty)'}`));
  }

  // ---- waiting, event-driven ----

  /** The sequence number of the last message received: pass it as `after` to wait for what comes next. */
  mark(): number {
    return this.seq;
  }

  /**
   * Resolves with the first truthy value of `check`, evaluated now and after every message from the server; rejects after
   * `timeoutMs`, or as soon as the connection breaks.
   */
  waitFor<T>(description: string, check: () => T | undefined | null | false, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    if (this.protocolErrors.length > 0) return Promise.reject(new Error(`${description}: ${this.protocolErrors.join('; ')}`));
    return this.waiters.waitFor(description, check, timeoutMs);
  }

  private wake(): void {
    this.waiters.wake();
  }

  // ---- diagnostics ----

  /** The diagnostics last published for a note (a path relative to the root, or a URI); undefined if none were. */
  diagnosticsOf(file: string): Diagnostic[] | undefined {
    return this.latest.get(this.uri(file))?.diagnostics;
  }

  publicationOf(file: string): Publication | undefined {
    return this.latest.get(this.uri(file));
  }

  /** Every URI with published diagnostics, and the latest of them. */
  allDiagnostics(): Map<string, Diagnostic[]> {
    return new Map([...this.latest].map(([uri, p]) => [uri, p.diagnostics]));
  }

  /**
   * Waits until the latest diagnostics published for `file` satisfy `predicate`. With `after` (from `mark()`), only a
   * publication that arrived after that point counts, so a stale state cannot satisfy the wait.
   */
  waitForDiagnostics(
    file: string,
    predicate: (diagnostics: Diagnostic[], publication: Publication) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    after = -1,
  ): Promise<Diagnostic[]> {
    const uri = this.uri(file);
    return this.waitFor(
      `diagnostics of ${this.relative(uri)} matching ${predicate.toString().slice(0, 160)}${this.latest.has(uri) ? ` (last published: ${summarize(this.latest.get(uri)!.diagnostics)})` : ''}`,
      () => {
        const publication = this.latest.get(uri);
        return publication && publication.seq > after && predicate(publication.diagnostics, publication) ? publication.diagnostics : undefined;
      },
      timeoutMs,
    );
  }

  // ---- files and documents ----

  uri(file: string): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(file)) return file;
    return pathToFileURL(path.join(this.root, file)).href;
  }

  pathOf(file: string): string {
    return /^file:/i.test(file) ? fileURLToPath(file) : path.join(this.root, file);
  }

  relative(file: string): string {
    return path.relative(this.root, this.pathOf(file)).split(path.sep).join('/');
  }

  readFile(file: string): string {
    return fs.readFileSync(this.pathOf(file), 'utf8');
  }

  exists(file: string): boolean {
    return fs.existsSync(this.pathOf(file));
  }

  /** Writes a file on disk (no notification: call `notifyFiles`). Returns its FileEvent. */
  writeFile(file: string, text: string): FileEvent {
    const existed = this.exists(file);
    fs.mkdirSync(path.dirname(this.pathOf(file)), { recursive: true });
    fs.writeFileSync(this.pathOf(file), text);
    return { uri: this.uri(file), type: existed ? FileChangeType.Changed : FileChangeType.Created };
  }

  removeFile(file: string): FileEvent {
    fs.rmSync(this.pathOf(file));
    return { uri: this.uri(file), type: FileChangeType.Deleted };
  }

  /** Every note (.md) under the root, relative paths, sorted. */
  noteFiles(): string[] {
    return listNotes(this.root).map((file) => path.relative(this.root, file).split(path.sep).join('/'));
  }

  /** Tells the server the settings changed; a pull client sends no settings (the server asks for them). */
  async configurationChanged(settings?: Record<string, unknown>): Promise<void> {
    if (settings) this.settings = settings;
    const pushed = this.options.configuration !== undefined ? null : { counterpoint: this.settings ?? {} };
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: pushed });
  }

  async notifyFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Opens a note in the "editor", with its text on disk unless given. Returns its URI. */
  async open(file: string, text?: string, languageId = 'markdown'): Promise<string> {
    const uri = this.uri(file);
    const content = text ?? this.readFile(file);
    this.documents.set(uri, { version: 1, text: content });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /**
   * Changes an open document: a string replaces the whole text; otherwise incremental changes, applied in order (each
   * range refers to the text after the previous change, as LSP says). Returns the new version.
   */
  async change(file: string, change: string | { range: Range; text: string }[]): Promise<number> {
    const uri = this.uri(file);
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${file} is not open`);
    const contentChanges: TextDocumentContentChangeEvent[] = typeof change === 'string' ? [{ text: change }] : change;
    let text = document.text;
    for (const event of contentChanges) {
      text = 'range' in event ? applyTextEdits(text, [{ range: event.range, newText: event.text }]) : event.text;
    }
    document.version++;
    document.text = text;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges });
    return document.version;
  }

  async close(file: string): Promise<void> {
    const uri = this.uri(file);
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The editor's text of an open document, else the file on disk. */
  textOf(file: string): string {
    return this.documents.get(this.uri(file))?.text ?? this.readFile(file);
  }

  versionOf(file: string): number | null {
    return this.documents.get(this.uri(file))?.version ?? null;
  }

  /**
   * Applies a WorkspaceEdit as an editor would (through edits.ts, which refuses overlapping edits, version mismatches,
   * creating or renaming onto existing files): open documents get a didChange, other files are written to disk.
   * Returns the FileEvents of what changed on disk, to pass to `notifyFiles`.
   */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<FileEvent[]> {
    const touched = new Set<string>();
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) touched.add(change.textDocument.uri);
      else if (change.kind === 'rename') {
        touched.add(change.oldUri);
        touched.add(change.newUri);
      } else touched.add(change.uri);
    }
    for (const uri of Object.keys(edit.changes ?? {})) touched.add(uri);

    const before: Record<string, string> = {};
    const versions: Record<string, number | null> = {};
    for (const uri of touched) {
      const open = this.documents.get(uri);
      if (open) {
        before[uri] = open.text;
        versions[uri] = open.version;
      } else if (fs.existsSync(fileURLToPath(uri))) {
        before[uri] = fs.readFileSync(fileURLToPath(uri), 'utf8');
      }
    }
    const after = applyWorkspaceEdit(before, edit, { versions });

    const events: FileEvent[] = [];
    for (const uri of touched) {
      const had = Object.prototype.hasOwnProperty.call(before, uri);
      const has = Object.prototype.hasOwnProperty.call(after, uri);
      if (this.documents.has(uri)) {
        if (has && after[uri] !== before[uri]) await this.change(uri, after[uri]);
        continue;
      }
      const file = fileURLToPath(uri);
      if (had && !has) {
        fs.rmSync(file);
        events.push({ uri, type: FileChangeType.Deleted });
      } else if (has && (!had || after[uri] !== before[uri])) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, after[uri]);
        events.push({ uri, type: had ? FileChangeType.Changed : FileChangeType.Created });
      }
    }
    // Deletions first, as a file watcher reports a rename.
    return events.sort((a, b) => Number(b.type === FileChangeType.Deleted) - Number(a.type === FileChangeType.Deleted));
  }

  // ---- requests ----

  /** A request with a timeout; rejects with the server's ResponseError when it answers with an error. */
  request<R>(type: { method: string } | string, params?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    const method = typeof type === 'string' ? type : type.method;
    const sent = params === undefined ? this.connection.sendRequest<R>(method) : this.connection.sendRequest<R>(method, params);
    return withTimeout(sent, timeoutMs, `${method} request`);
  }

  /** The LSP position of a UTF-16 offset in a note's current text (editor text if open). */
  positionIn(file: string, offset: number): Position {
    return positionAt(this.textOf(file), offset);
  }
}

function clientCapabilities(configuration: boolean, showMessage: boolean): ClientCapabilities {
  return {
    general: { positionEncodings: ['utf-16'] },
    workspace: {
      configuration,
      workspaceFolders: true,
      applyEdit: true,
      didChangeWatchedFiles: { dynamicRegistration: false, relativePatternSupport: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'abort' },
    },
    window: { workDoneProgress: true, ...(showMessage ? { showMessage: {} } : {}) },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      definition: { linkSupport: false },
      references: {},
      rename: { prepareSupport: true },
      codeAction: {
        dataSupport: true,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source'] } },
      },
      completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeLens: {},
    },
  };
}

// ---- plain helpers ----

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
    }),
  ]);
}

function summarize(diagnostics: Diagnostic[]): string {
  return diagnostics.length === 0 ? 'none' : diagnostics.map((d) => `${d.code}@${d.range.start.line}`).join(', ');
}

/** Every .md/.markdown file below a folder, skipping what the server skips (hidden folders, node_modules, out, dist). */
export function listNotes(root: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !['node_modules', 'out', 'dist'].includes(entry.name)) found.push(...listNotes(full));
    } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

/** LSP position (UTF-16) of an offset; line ends are \n, \r\n or \r. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/**
 * Checks that a byte stream is nothing but LSP messages: header lines `Name: value` (Content-Length required, only
 * Content-Length and Content-Type allowed), a blank line, then exactly Content-Length bytes of a JSON-RPC 2.0 object.
 */
export class FramingChecker {
  private buffer = Buffer.alloc(0);
  private broken = false;

  constructor(private readonly report: (problem: string) => void) {}

  push(chunk: Buffer): void {
    if (this.broken) return;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        // Every message starts with its Content-Length header: anything else is stray output.
        const head = this.buffer.toString('latin1', 0, Math.min(this.buffer.length, 8));
        if (!'Content-'.startsWith(head)) return this.fail(`not an LSP header: ${JSON.stringify(this.buffer.toString('utf8', 0, 120))}`);
        return;
      }
      const headers = this.buffer.toString('latin1', 0, headerEnd).split('\r\n');
      let length = -1;
      for (const header of headers) {
        const match = /^(Content-Length|Content-Type): *(.+)$/i.exec(header);
        if (!match) return this.fail(`not an LSP header line: ${JSON.stringify(header.slice(0, 120))}`);
        if (match[1].toLowerCase() === 'content-length') {
          if (!/^\d+$/.test(match[2].trim())) return this.fail(`bad Content-Length ${JSON.stringify(match[2])}`);
          length = Number(match[2].trim());
        }
      }
      if (length < 0) return this.fail('a message without Content-Length');
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.toString('utf8', headerEnd + 4, headerEnd + 4 + length);
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      try {
        const message = JSON.parse(body) as { jsonrpc?: unknown };
        if (message.jsonrpc !== '2.0') return this.fail(`not a JSON-RPC 2.0 message: ${body.slice(0, 120)}`);
      } catch {
        return this.fail(`a message body that is not JSON: ${JSON.stringify(body.slice(0, 120))}`);
      }
    }
  }

  private fail(problem: string): void {
    this.broken = true;
    this.report(problem);
  }
}

// ---- reading sample notes the way a test needs, independently of the server ----

/** Where a note's body starts: after a leading `---` … `---` frontmatter block, if any. */
export function bodyStart(text: string): number {
  const open = /^\uFEFF?---[^\S\r\n]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(---|\.\.\.)[^\S\r\n]*(\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const match = close.exec(rest);
  return match ? open[0].length + match.index + match[0].length : 0;
}

/** Spans of wiki links, claim attribute blocks (`]{…}`, from the `{`), inline code and URLs in a text. */
export function markupSpans(text: string): { start: number; end: number; kind: 'wikilink' | 'attributes' | 'code' | 'url' | 'comment' }[] {
  const spans: { start: number; end: number; kind: 'wikilink' | 'attributes' | 'code' | 'url' | 'comment' }[] = [];
  const add = (regex: RegExp, kind: (typeof spans)[number]['kind'], skip = 0) => {
    for (const match of text.matchAll(regex)) spans.push({ start: match.index! + skip, end: match.index! + match[0].length, kind });
  };
  add(/\[\[[^\]\r\n]+\]\]/g, 'wikilink');
  add(/\]\{[^}\r\n]*\}/g, 'attributes', 1);
  add(/(`+)[^`][\s\S]*?\1/g, 'code');
  add(/<!--[\s\S]*?-->/g, 'comment');
  add(/\bhttps?:\/\/[^\s<>)]+/g, 'url');
  return spans;
}

/**
 * Offsets of whole-word occurrences of `word` in a note's prose: outside the frontmatter, wiki links, attribute blocks,
 * code and URLs.
 */
export function proseOccurrences(text: string, word: string, flags = 'gu'): number[] {
  const start = bodyStart(text);
  const masked = markupSpans(text);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escapeRegExp(word)}(?![\\p{L}\\p{N}\\p{M}])`, flags);
  const result: number[] = [];
  for (const match of text.matchAll(regex)) {
    const at = match.index!;
    if (at < start) continue;
    if (masked.some((s) => at >= s.start && at < s.end)) continue;
    result.push(at);
  }
  return result;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The offset of the `n`th occurrence of `needle`, or throws (a test's landmark is missing from the samples). */
export function offsetOf(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${n}) not found`);
  }
  return at;
}

/**
 * Hovers show untrusted note text: the only links they may hold are the server's own, to existing files under `root`.
 * No autolinkable URL scheme, raw HTML, image or wiki-link markup may come through.
 */
export function assertOnlyFileLinksInto(root: string, markdown: string, isKnown: (file: string) => boolean = fs.existsSync): void {
  for (const [, target] of markdown.matchAll(/\]\(([^)\s]*)\)/g)) {
    assert.match(target, /^file:\/\//, `link target ${target}`);
    const file = fileURLToPath(target.replace(/#.*$/, ''));
    assert.ok(file.startsWith(root + path.sep), `${file} is inside the workspace`);
    assert.ok(isKnown(file), `${file} exists`);
  }
  assert.doesNotMatch(markdown, /(?<!\\)\b(?:https?|command|javascript|data|mailto|vscode|ftp):/i, 'no unescaped URL scheme (autolinks)');
  assert.doesNotMatch(markdown, /\bwww\./i, 'no unescaped www. (autolinks)');
  assert.doesNotMatch(markdown, /<(?:a|img|script|iframe|svg)\b/i, 'no raw HTML');
  assert.doesNotMatch(markdown, /!\[/, 'no images');
  assert.doesNotMatch(markdown, /\[\[/, 'wiki-link markup is rendered as its label, not shown raw');
}
