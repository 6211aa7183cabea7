import * as path from 'node:path';
import {
  CodeActionKind,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, defaultConfig, type WorkspaceConfig } from '../model/config';
import { createWorkspace } from '../rules/registry';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../features/context';
import { COMPLETION_TRIGGER_CHARACTERS } from '../features/completion';
import { SEMANTIC_TOKENS_LEGEND } from '../features/semanticTokens';
import { createLanguageService, type LanguageService } from '../languageService';
import { canonicalUri, findNotes, isInsideFolders, isNoteFile, loadConfig, pathOfUri, readNote, readNoteSync, uriOfPath } from '../node/files';
import { ClaimMatrixRequest, ImportArticleRequest, IndexStatusNotification, MemoryUsageRequest, NewWorkspaceFilesRequest, ReindexRequest, type MemoryUsage } from '../../../shared/src/protocol';
import { mergeConfig, resolveSettings, type ResolvedSettings } from './settings';

/**
 * Notes are read and indexed in slices of about this long, between which requests and edits are answered. A request
 * takes a few turns of the event loop to be read, handled and answered, so it waits a few slices (measured: about
 * 25 ms at 5 ms, 80 ms at 20 ms); start-up is no slower with short slices.
 */
const INDEX_SLICE_MS = 5;
const PROGRESS_EVERY_MS = 250;
/** How long one turn of working out hovers ahead may hold the event loop. */
const WARM_UP_SLICE_MS = 5;
/** How long one turn of publishing diagnostics may hold the event loop before requests get their turn. */
const PUBLISH_SLICE_MS = 8;

/**
 * The LSP adapter: it keeps the workspace model in step with the editor and the disk, and
 * hands every request to the language service. Handlers only look up and delegate.
 */
export class CounterpointServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly workspace = createWorkspace();
  private readonly context: FeatureContext;
  private readonly service: LanguageService;
  private roots: string[] = [];
  private settings: ResolvedSettings = resolveSettings(undefined);
  private configFileUri?: string;
  private supportsConfigurationPull = false;
  private supportsWorkDoneProgress = false;
  private supportsWorkspaceFolders = false;
  private indexing: Promise<void> = Promise.resolve();
  private indexGeneration = 0;
  /** Diagnostics are published only once the whole workspace is indexed: before, counter-sources would be missing. */
  private indexReady = false;
  /** Every actor note is loaded (so unknown-actor and alias diagnostics are right), though articles may not be. */
  private actorsReady = false;
  /** Settles once every actor note is loaded: requests wait for it so that no mention looks unknown. */
  private actorsLoaded: Promise<void> = Promise.resolve();
  private readonly pendingDiagnostics = new Set<string>();
  private diagnosticsTimer?: NodeJS.Immediate;
  /** The editor's URI of each open note, by canonical URI: no scan of every open document per lookup. */
  private readonly openUris = new Map<string, string>();
  private initializationOptions: unknown;

  constructor(private readonly connection: Connection) {
    this.context = {
      workspace: this.workspace,
      settings: { ...DEFAULT_FEATURE_SETTINGS },
      documentVersion: (uri) => this.documents.get(this.openUris.get(uri) ?? uri)?.version ?? null,
    };
    this.service = createLanguageService(this.context);
  }

  listen(): void {
    const { connection, documents, service } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.afterInitialized().catch((error) => this.logError('start-up', error)));
    connection.onShutdown(() => clearImmediate(this.diagnosticsTimer));

    // Registered first, so that the handlers below see a note as open (or closed) already.
    documents.onDidOpen(({ document }) => this.openUris.set(canonicalUri(document.uri), document.uri));
    documents.onDidClose(({ document }) => this.openUris.delete(canonicalUri(document.uri)));
    documents.onDidChangeContent(({ document }) => this.noteChanged(document.uri, document.getText(), true));
    documents.onDidClose(({ document }) => void this.reloadFromDisk(document.uri).catch((error) => this.logError('close', error)));
    documents.onDidOpen(({ document }) => this.warmHoversSoon(canonicalUri(document.uri)));
    connection.onDidChangeWatchedFiles(({ changes }) => void this.filesChanged(changes).catch((error) => this.logError('file watch', error)));
    connection.onDidChangeConfiguration(({ settings }) => void this.configurationChanged(settings).catch((error) => this.logError('settings', error)));

    connection.onHover(({ textDocument, position }, token) => this.whenKnown(textDocument.uri, null, (uri) => service.hover(uri, position, token)));
    connection.onDefinition(({ textDocument, position }) => this.whenKnown(textDocument.uri, [], (uri) => service.definition(uri, position)));
    connection.onReferences(({ textDocument, position, context }, token) =>
      this.whenKnown(textDocument.uri, [], (uri) => service.references(uri, position, context.includeDeclaration, token)));
    connection.onPrepareRename(({ textDocument, position }) => this.whenKnown(textDocument.uri, null, (uri) => refusalToError(service.prepareRename(uri, position))));
    connection.onRenameRequest(({ textDocument, position, newName }, token) => this.whenKnown(textDocument.uri, null, (uri) => refusalToError(service.rename(uri, position, newName, token))));
    connection.onCompletion(({ textDocument, position }) => this.whenKnown(textDocument.uri, [], (uri) => service.completions(uri, position)));
    connection.onCodeAction(({ textDocument, range, context }, token) =>
      this.whenKnown(textDocument.uri, [], (uri) => service.codeActions(uri, range, context.diagnostics, token)));
    connection.onCodeLens(({ textDocument }) => this.whenKnown(textDocument.uri, [], (uri) => service.codeLenses(uri)));
    connection.onDocumentSymbol(({ textDocument }) => this.whenKnown(textDocument.uri, [], (uri) => service.documentSymbols(uri)));
    connection.onWorkspaceSymbol(({ query }, token) => service.workspaceSymbols(query, token));
    connection.languages.semanticTokens.on(({ textDocument }) => this.whenKnown(textDocument.uri, { data: [] }, (uri) => service.semanticTokens(uri)));

    connection.onRequest(ReindexRequest, async () => this.reindex());
    connection.onRequest(ClaimMatrixRequest, (token) => service.claimMatrix(token));
    connection.onRequest(ImportArticleRequest, async (params) => { await this.actorsLoaded; return service.importArticle({ ...params, uri: canonicalUri(String(params?.uri)) }, this.roots); });
    connection.onRequest(MemoryUsageRequest, () => memoryAfterCollection());
    connection.onRequest(NewWorkspaceFilesRequest, () => service.newWorkspaceFiles());

    documents.listen(connection);
    connection.listen();
  }

  /** Runs a handler on a note the workspace knows; answers `empty` for anything else. */
  private async whenKnown<T>(rawUri: string, empty: T, handler: (uri: string) => T | undefined): Promise<T> {
    await this.actorsLoaded;
    const uri = canonicalUri(rawUri);
    if (!this.workspace.getNote(uri)) return empty;
    return handler(uri) ?? empty;
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.supportsConfigurationPull = capabilities.workspace?.configuration === true;
    this.supportsWorkDoneProgress = capabilities.window?.workDoneProgress === true;
    this.supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
    this.initializationOptions = params.initializationOptions;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = folders.map(canonicalUri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'counterpoint-ls', version: '0.1.0' },
    };
  }

  private async afterInitialized(): Promise<void> {
    if (this.supportsWorkspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => void this.foldersChanged(event).catch((error) => this.logError('workspace folders', error)));
    }
    await this.configurationChanged(this.initializationOptions);
  }

  /** A folder added to or removed from the workspace: every note is read again, as at start-up. */
  private async foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    const removed = new Set(event.removed.map((folder) => canonicalUri(folder.uri)));
    const kept = this.roots.filter((root) => !removed.has(root));
    const added = event.added.map((folder) => canonicalUri(folder.uri)).filter((root) => !kept.includes(root));
    this.roots = [...kept, ...added];
    this.log(`Workspace folders changed: ${this.roots.length} now; indexing again.`);
    await this.reindex();
  }

  // ---- keeping the model current ----

  private noteChanged(rawUri: string, text: string, fromEditor: boolean): void {
    const uri = canonicalUri(rawUri);
    // counterpoint.yaml takes effect when saved (a watched-file event), not at every keystroke.
    if (!isNoteFile(uri)) return;
    const { affected } = this.workspace.upsert(uri, text, { keepText: this.isOpen(uri) });
    if (!this.indexReady) {
      if (fromEditor && this.actorsReady) this.publishWhileIndexing(uri);
      return;
    }
    if (fromEditor) {
      this.publishNow(uri);
      affected.delete(uri);
    }
    this.publishSoon(affected);
  }

  /** Once the requests waiting now are answered, the hovers of the actors an open note mentions are worked out ahead. */
  private warmHoversSoon(uri: string, version = this.openDocument(uri)?.version): void {
    setImmediate(() => {
      // Typing in the note changes what its actors' hovers list: warming up for an older version is wasted.
      if (!this.indexReady || !this.isOpen(uri) || this.openDocument(uri)?.version !== version) return;
      try {
        if (!this.service.warmHovers(uri, WARM_UP_SLICE_MS)) this.warmHoversSoon(uri, version);
      } catch (error) {
        this.logError('hover warm-up', error);
      }
    });
  }

  /** When an editor closes a note, the file on disk is the truth again. */
  private async reloadFromDisk(rawUri: string): Promise<void> {
    const uri = canonicalUri(rawUri);
    if (!isNoteFile(uri)) return;
    const file = pathOfUri(uri);
    // A note from outside the workspace folders was indexed only while the editor had it open.
    const read = file ? await this.readFromWorkspace(file) : { skipped: 'not a file' };
    if (this.isOpen(uri)) return; // reopened while the disk was read: the editor's text wins
    if ('text' in read) this.noteChanged(uri, read.text, false);
    else this.publishSoon(this.workspace.remove(uri).affected, [uri]);
  }

  /** File events are handled one after another, so that a slow read never lands after a later deletion. */
  private fileEvents: Promise<void> = Promise.resolve();

  private filesChanged(changes: { uri: string; type: number }[]): Promise<void> {
    this.fileEvents = this.fileEvents.catch(() => undefined).then(() => this.applyFileChanges(changes));
    return this.fileEvents;
  }

  private async applyFileChanges(changes: { uri: string; type: number }[]): Promise<void> {
    for (const change of changes) {
      const uri = canonicalUri(change.uri);
      if (uri === this.configFileUri || uri.endsWith(`/${CONFIG_FILE_NAME}`)) {
        await this.configurationChanged(undefined);
        continue;
      }
      if (!isNoteFile(uri) || this.isOpen(uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.publishSoon(this.workspace.remove(uri).affected, [uri]);
      } else {
        const file = pathOfUri(uri);
        if (!file || !this.isInsideRoots(uri)) continue;
        const read = await this.readFromWorkspace(file);
        if (this.isOpen(uri)) continue; // opened while the disk was read: the editor's text wins
        if ('text' in read) {
          this.noteChanged(uri, read.text, false);
        } else {
          this.log(`Skipped ${file}: ${read.skipped}`);
          if (this.workspace.getNote(uri)) this.publishSoon(this.workspace.remove(uri).affected, [uri]);
        }
      }
    }
  }

  private isOpen(uri: string): boolean {
    return this.openUris.has(uri);
  }

  private openDocument(uri: string): TextDocument | undefined {
    const editorUri = this.openUris.get(uri);
    return editorUri === undefined ? undefined : this.documents.get(editorUri);
  }

  private isInsideRoots(uri: string): boolean {
    return this.roots.some((root) => uri.startsWith(root.endsWith('/') ? root : `${root}/`));
  }

  /** A note's text from disk, unless it is a symbolic link or reached through one out of the workspace folders. */
  private async readFromWorkspace(file: string): Promise<{ text: string } | { skipped: string }> {
    const read = await readNote(file);
    const folders = this.roots.map(pathOfUri).filter((folder): folder is string => folder !== undefined);
    if ('text' in read && !(await isInsideFolders(file, folders))) return { skipped: 'outside the workspace folders' };
    return read;
  }

  private async configurationChanged(pushed: unknown): Promise<void> {
    let raw: unknown = pushed && typeof pushed === 'object' && 'counterpoint' in pushed ? (pushed as { counterpoint: unknown }).counterpoint : pushed;
    if (this.supportsConfigurationPull) {
      raw = await this.connection.workspace.getConfiguration('counterpoint');
    }
    this.settings = resolveSettings(raw);
    for (const problem of this.settings.problems) this.warn(problem);
    this.context.settings = this.settings.features;
    await this.reindex();
  }

  private async readWorkspaceConfig(): Promise<WorkspaceConfig> {
    const root = this.roots.map(pathOfUri).find((p): p is string => p !== undefined);
    if (!root) return mergeConfig(defaultConfig(), false, this.settings);
    const loaded = await loadConfig(root);
    this.configFileUri = uriOfPath(path.join(root, CONFIG_FILE_NAME));
    const fileSetsPerspectives = loaded.text !== undefined && /^perspectives\s*:/m.test(loaded.text);
    await this.connection.sendDiagnostics({
      uri: this.configFileUri,
      diagnostics: this.service.configDiagnostics(loaded.problems),
    });
    for (const problem of loaded.problems) this.warn(`${CONFIG_FILE_NAME}: ${problem.message}`);
    return mergeConfig(loaded.config, fileSetsPerspectives, this.settings);
  }

  /** Reads every note of the workspace folders again; runs one at a time, the newest request winning. */
  private async reindex(): Promise<{ notes: number; milliseconds: number }> {
    const generation = ++this.indexGeneration;
    const started = Date.now();
    const run = this.indexing.catch(() => undefined).then(() => this.indexAll(generation));
    this.indexing = run;
    await run;
    return { notes: this.workspace.size, milliseconds: Date.now() - started };
  }

  private async indexAll(generation: number): Promise<void> {
    if (generation !== this.indexGeneration) return;
    this.indexReady = false;
    this.actorsReady = false;
    const previous = [...this.workspace.notes()].map((n) => n.uri);
    let resolveActorsLoaded = () => {};
    this.actorsLoaded = new Promise<void>((resolve) => (resolveActorsLoaded = resolve));
    const markActorsLoaded = () => {
      this.actorsReady = true;
      resolveActorsLoaded();
    };
    try {
      const completed = await this.loadAllNotes(generation, markActorsLoaded);
      if (!completed) return;
    } finally {
      markActorsLoaded();
    }
    this.indexReady = true;
    const current = [...this.workspace.notes()].map((note) => note.uri);
    const known = new Set(current);
    this.publishSoon(current, previous.filter((uri) => !known.has(uri)));
    for (const document of this.documents.all()) this.warmHoversSoon(canonicalUri(document.uri));
    this.log(`Indexed ${this.workspace.size} notes (${this.workspace.actors().length} actors, ${this.workspace.claimKeys().length} claim keys).`);
    this.sendStatus('ready');
  }

  /**
   * Actor notes first, in one batch, so that the registry is complete before any article is
   * read; then the rest in slices, yielding between slices so that requests are answered
   * (with what is known so far) while indexing goes on. Returns false when a newer re-index took over.
   */
  private async loadAllNotes(generation: number, markActorsLoaded: () => void): Promise<boolean> {
    const config = await this.readWorkspaceConfig();
    this.workspace.clear();
    this.workspace.setConfig(config, this.roots);
    const progress = this.supportsWorkDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Counterpoint: indexing notes', 0, undefined, false);
    this.sendStatus('indexing');
    try {
      const files: string[] = [];
      for (const root of this.roots.map(pathOfUri)) {
        if (root) files.push(...(await findNotes(root, (file, reason) => this.log(`Skipped ${file}: ${reason}`))));
      }
      const uris = [...new Set([...files.map(uriOfPath), ...this.documents.all().map((d) => canonicalUri(d.uri)).filter(isNoteFile)])];
      const actorUris = uris.filter((uri) => this.workspace.kindOf(uri) === 'actor');
      const otherUris = uris.filter((uri) => this.workspace.kindOf(uri) !== 'actor');

      const actorTexts = actorUris.map((uri) => [uri, this.textOfSync(uri)] as const);
      this.workspace.batch(() => {
        for (const [uri, text] of actorTexts) if (text !== undefined) this.workspace.upsert(uri, text, { keepText: this.isOpen(uri) });
      });
      markActorsLoaded();

      let reported = 0;
      for (let i = 0; i < otherUris.length;) {
        if (generation !== this.indexGeneration) return false;
        const sliceEnd = performance.now() + INDEX_SLICE_MS;
        do {
          const uri = otherUris[i++];
          const text = this.textOfSync(uri);
          if (text !== undefined) this.workspace.upsert(uri, text, { collectAffected: false, keepText: this.isOpen(uri) });
        } while (i < otherUris.length && performance.now() < sliceEnd);
        if (performance.now() - reported > PROGRESS_EVERY_MS) {
          reported = performance.now();
          progress?.report(Math.round(((actorUris.length + i) / uris.length) * 100), `${actorUris.length + i} of ${uris.length} notes`);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      return true;
    } finally {
      progress?.done();
    }
  }

  /** The editor's text of an open note, which is newer than the disk's. */
  private openText(uri: string): string | undefined {
    return this.openDocument(uri)?.getText();
  }

  /** The editor's text of an open note, else the file's (read synchronously: see `readNoteSync`). */
  private textOfSync(uri: string): string | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const file = pathOfUri(uri);
    if (!file) return undefined;
    const read = readNoteSync(file);
    if ('text' in read) return read.text;
    this.log(`Skipped ${file}: ${read.skipped}`);
    return undefined;
  }

  // ---- diagnostics ----

  /**
   * Typing never waits for indexing: an edited note gets its diagnostics at once, less those that need the
   * notes not read yet (a counter-source may be among them, a linked note may not be known yet).
   */
  private publishWhileIndexing(uri: string): void {
    const document = this.openDocument(uri);
    const complete = this.service.diagnostics(uri, { hints: true, allNotesRead: false });
    void this.connection.sendDiagnostics({ uri: document?.uri ?? uri, version: document?.version, diagnostics: complete });
  }

  private publishNow(uri: string): void {
    this.pendingDiagnostics.delete(uri);
    const document = this.openDocument(uri);
    // Hint-level suggestions are for the notes being edited; closed ones get the rest (see DiagnosticsOptions).
    const diagnostics = this.service.diagnostics(uri, { hints: document !== undefined });
    void this.connection.sendDiagnostics({ uri: document?.uri ?? uri, version: document?.version, diagnostics });
  }

  /**
   * Publishes once the message being handled is done, coalescing what it affected (a registry change affects every
   * note). A long list is published a slice at a time, so that requests and edits are answered in between.
   */
  private publishSoon(uris: Iterable<string>, cleared: string[] = []): void {
    for (const uri of cleared) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const uri of uris) this.pendingDiagnostics.add(uri);
    this.schedulePublishing();
  }

  private schedulePublishing(): void {
    if (this.diagnosticsTimer || this.pendingDiagnostics.size === 0) return;
    this.diagnosticsTimer = setImmediate(() => {
      this.diagnosticsTimer = undefined;
      const deadline = performance.now() + PUBLISH_SLICE_MS;
      for (const uri of this.pendingDiagnostics) {
        this.publishNow(uri);
        if (performance.now() > deadline) break;
      }
      this.schedulePublishing();
    });
  }

  private sendStatus(state: 'indexing' | 'ready'): void {
    void this.connection.sendNotification(IndexStatusNotification, {
      state,
      notes: this.workspace.size,
      actors: this.workspace.actors().length,
      claims: this.workspace.claimKeys().length,
    });
  }

  // ---- logging: never to stdout, which carries the protocol ----

  private log(message: string): void {
    this.connection.console.log(message);
  }

  private warn(message: string): void {
    this.connection.console.warn(message);
    this.connection.window.showWarningMessage<never>(`Counterpoint: ${message}`).catch(() => undefined);
  }

  private logError(where: string, error: unknown): void {
    this.connection.console.error(`Counterpoint ${where} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

/** process.memoryUsage() after a full garbage collection, where the server runs with --expose-gc. */
function memoryAfterCollection(): MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { collected: gc !== undefined, ...process.memoryUsage() };
}

function refusalToError<T>(result: T | { error: string }): T {
  if (result && typeof result === 'object' && 'error' in result && typeof (result as { error: unknown }).error === 'string') {
    throw new ResponseError(ErrorCodes.InvalidRequest, (result as { error: string }).error);
  }
  return result as T;
}

export type { CancellationToken };
