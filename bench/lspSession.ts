// A lean LSP client for the benchmark: spawns a server over stdio as an editor does, times every message, keeps the
// open documents' text and versions, and reads the server process's memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createMessageConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type Position,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import { Waiters } from '../test/helpers/waiters';

export interface Publication {
  at: number;
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface SpawnOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}


export class LspSession {
  /** performance.now() just before the server process was spawned: "start" in every figure. */
  readonly startedAt: number;
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly publications: Publication[] = [];
  readonly latest = new Map<string, Publication>();
  readonly notifications: { at: number; method: string; params: unknown }[] = [];
  private readonly documents = new Map<string, { version: number; text: string }>();
  private readonly waiters = new Waiters();
  private stderr = '';
  private exited = false;
  private failure?: Error;

  constructor(options: SpawnOptions) {
    this.startedAt = performance.now();
    this.child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-20_000);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.fail(new Error(`server exited (code ${code}, signal ${signal})\n${this.stderr}`));
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onError(([error]) => this.fail(error));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const publication = { at: performance.now(), uri: params.uri, version: params.version, diagnostics: params.diagnostics };
      this.publications.push(publication);
      this.latest.set(params.uri, publication);
      this.wake();
    });
    const record = (method: string, params: unknown) => {
      this.notifications.push({ at: performance.now(), method, params });
      this.wake();
    };
    this.connection.onNotification(record);
    // The connection keeps $/progress for its own progress handlers; recorded here like any other notification.
    this.connection.onNotification('$/progress', (params: unknown) => record('$/progress', params));
    // Requests from the server this client does not implement (progress tokens, capability registration) get null.
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Milliseconds since the server was spawned. */
  since(at: number = performance.now()): number {
    return at - this.startedAt;
  }

  async initialize(rootUri: string, name: string, capabilities: ClientCapabilities, initializationOptions?: unknown): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'counterpoint-bench' },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  // ---- documents ----

  async open(uri: string, text: string): Promise<void> {
    this.documents.set(uri, { version: 1, text });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  textOf(uri: string): string | undefined {
    return this.documents.get(uri)?.text;
  }

  isOpen(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** Inserts (or deletes, with `deleteCount`) at a position, as one incremental change. Returns the new version. */
  async edit(uri: string, at: Position, insert: string, deleteCount = 0): Promise<number> {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    const offset = offsetAt(document.text, at);
    document.text = document.text.slice(0, offset) + insert + document.text.slice(offset + deleteCount);
    document.version++;
    const end = { line: at.line, character: at.character + deleteCount };
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: document.version },
      contentChanges: [{ range: { start: at, end }, text: insert }],
    });
    return document.version;
  }

  // ---- waiting ----

  /** Resolves with the first truthy value of `check`, tested now and after every message from the server. */
  waitFor<T>(what: string, check: () => T | undefined | false | null, timeoutMs = 120_000): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return this.waiters.waitFor(what, check, timeoutMs);
  }

  /** The first publication for `uri` after index `after` of `publications` that satisfies `predicate`. */
  waitForPublication(uri: string, after: number, predicate: (p: Publication) => boolean, timeoutMs?: number): Promise<Publication> {
    let scanned = after;
    return this.waitFor(`diagnostics of ${uri}`, () => {
      for (; scanned < this.publications.length; scanned++) {
        const publication = this.publications[scanned];
        if (publication.uri === uri && predicate(publication)) return publication;
      }
      return undefined;
    }, timeoutMs);
  }

  private wake(): void {
    this.waiters.wake();
  }

  private fail(error: Error): void {
    if (this.failure || this.shuttingDown) return;
    this.failure = error;
    this.waiters.failAll(error);
  }

  // ---- timing requests ----

  /** Sends a request and returns its answer with the round-trip time in milliseconds. */
  async timed<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const sent = performance.now();
    const result = await this.connection.sendRequest<R>(method, params);
    return { ms: performance.now() - sent, result };
  }

  // ---- memory ----

  /** Resident set size now and its peak so far (VmRSS, VmHWM), in MB; undefined where /proc is not available. */
  memory(): { rssMb: number; peakMb: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  /** CPU time the server process has used so far (user + system), in ms; NaN where /proc is not available. */
  cpuMs(): number {
    return processCpuMs(this.pid);
  }

  // ---- shutting down ----

  private shuttingDown = false;

  async shutdown(timeoutMs = 10_000): Promise<void> {
    this.shuttingDown = true;
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs);
        await this.connection.sendNotification(ExitNotification.type);
        await withTimeout(exited, timeoutMs);
      } catch {
        // A server that does not stop cleanly is stopped here.
      }
      if (!this.exited) this.child.kill('SIGKILL');
    }
    this.connection.dispose();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** CPU time (user + system) a process has used, from /proc/<pid>/stat, in ms. */
export function processCpuMs(pid: number | 'self'): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return NaN;
  }
}

/** The offset of an LSP position (UTF-16) in a text whose lines end with \n. */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
