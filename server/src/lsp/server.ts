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
import { CONFIG_FILE_NAME, type WorkspaceConfig } from '../model/config';
import { COMPLETION_TRIGGER_CHARACTERS } from '../features/completion';
import { SEMANTIC_TOKENS_LEGEND } from '../features/semanticTokens';
import { type LanguageService } from '../languageService';
import { newWorkspaceFiles } from '../scaffold/newWorkspace';
import { canonicalUri, findNotes, findRootAbove, findWorkspaceRoots, isInsideFolders, isNoteFile, loadConfig, pathOfUri, readNote, readNoteSync, uriOfPath } from '../node/files';
import { folderOfUri, WorkspaceRoots, type WorkspaceRoot } from './workspaces';
import { COUNTERPOINT_VERSION } from '../../../shared/src/version';
import { ClaimMatrixRequest, type ClaimMatrixParams, ImportArticleRequest, IndexStatusNotification, MemoryUsageRequest, NewWorkspaceFilesRequest, ReindexRequest, type MemoryUsage } from '../../../shared/src/protocol';
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
 * The LSP adapter: it finds the Counterpoint workspaces in and around the editor's folders, keeps each one's model in
 * step with the editor and the disk, and hands every request to the language service of the workspace that owns
 * the note. Handlers only look up and delegate.
 */
export class CounterpointServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly workspaces: WorkspaceRoots;
  /** The editor's workspace folders (canonical URIs): where workspaces are looked for. */
  private editorFolders: string[] = [];
  /** Roots found above a note opened from outside every root found so far: indexed from then on. */
  private readonly rootsAboveNotes = new Set<string>();
  private settings: ResolvedSettings = resolveSettings(undefined);
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
    this.workspaces = new WorkspaceRoots((uri) => this.documents.get(this.openUris.get(uri) ?? uri)?.version ?? null);
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.afterInitialized().catch((error) => this.logError('start-up', error)));
    connection.onShutdown(() => clearImmediate(this.diagnosticsTimer));

    // Registered first, so that the handlers below see a note as open (or closed) already.
    documents.onDidOpen(({ document }) => this.openUris.set(canonicalUri(document.uri), document.uri));
    documents.onDidClose(({ document }) => this.openUris.delete(canonicalUri(document.uri)));
    documents.onDidChangeContent(({ document }) => this.noteChanged(document.uri, document.getText(), true));
    documents.onDidClose(({ document }) => void this.reloadFromDisk(document.uri).catch((error) => this.logError('close', error)));
    documents.onDidOpen(({ document }) => this.warmHoversSoon(canonicalUri(document.uri)));
    documents.onDidOpen(({ document }) => void this.findRootOf(document.uri).catch((error) => this.logError('workspace search', error)));
    connection.onDidChangeWatchedFiles(({ changes }) => void this.filesChanged(changes).catch((error) => this.logError('file watch', error)));
    connection.onDidChangeConfiguration(({ settings }) => void this.configurationChanged(settings).catch((error) => this.logError('settings', error)));

    connection.onHover(({ textDocument, position }, token) => this.whenKnown(textDocument.uri, null, (service, uri) => service.hover(uri, position, token)));
    connection.onDefinition(({ textDocument, position }) => this.whenKnown(textDocument.uri, [], (service, uri) => service.definition(uri, position)));
    connection.onReferences(({ textDocument, position, context }, token) =>
      this.whenKnown(textDocument.uri, [], (service, uri) => service.references(uri, position, context.includeDeclaration, token)));
    connection.onPrepareRename(({ textDocument, position }) => this.whenKnown(textDocument.uri, null, (service, uri) => refusalToError(service.prepareRename(uri, position))));
    connection.onRenameRequest(({ textDocument, position, newName }, token) => this.whenKnown(textDocument.uri, null, (service, uri) => refusalToError(service.rename(uri, position, newName, token))));
    connection.onCompletion(({ textDocument, position }) => this.whenKnown(textDocument.uri, [], (service, uri) => service.completions(uri, position)));
    connection.onCodeAction(({ textDocument, range, context }, token) =>
      this.whenKnown(textDocument.uri, [], (service, uri) => service.codeActions(uri, range, context.diagnostics, token)));
    connection.onCodeLens(({ textDocument }) => this.whenKnown(textDocument.uri, [], (service, uri) => service.codeLenses(uri)));
    connection.onDocumentSymbol(({ textDocument }) => this.whenKnown(textDocument.uri, [], (service, uri) => service.documentSymbols(uri)));
    connection.onWorkspaceSymbol(({ query }, token) => this.workspaces.all().flatMap((root) => root.service.workspaceSymbols(query, token)));
    connection.languages.semanticTokens.on(({ textDocument }) => this.whenKnown(textDocument.uri, { data: [] }, (service, uri) => service.semanticTokens(uri)));

    connection.onRequest(ReindexRequest, async () => this.reindex());
    // By its name: a client may send no params at all (the request had none before), which the typed form refuses.
    connection.onRequest(ClaimMatrixRequest.method, (params: ClaimMatrixParams | null | undefined, token: CancellationToken) => this.matrixRoot(params?.uri)?.service.claimMatrix(token) ?? EMPTY_MATRIX);
    connection.onRequest(ImportArticleRequest, async (params) => this.importArticle(canonicalUri(String(params?.uri)), params?.text));
    connection.onRequest(MemoryUsageRequest, () => memoryAfterCollection());
    // A new workspace's files depend on no workspace: the scaffold answers, whatever is open.
    connection.onRequest(NewWorkspaceFilesRequest, () => ({ files: newWorkspaceFiles() }));

    documents.listen(connection);
    connection.listen();
  }

  /** Runs a handler on a note a workspace knows, with that workspace's service; answers `empty` for anything else. */
  private async whenKnown<T>(rawUri: string, empty: T, handler: (service: LanguageService, uri: string) => T | undefined): Promise<T> {
    await this.actorsLoaded;
    const uri = canonicalUri(rawUri);
    const root = this.workspaces.ownerOf(uri);
    if (!root?.workspace.getNote(uri)) return empty;
    return handler(root.service, uri) ?? empty;
  }

  /** The claim matrix is one workspace's: the one holding the note asked about, else an open note's, else the first with claims. */
  private matrixRoot(uri: unknown): WorkspaceRoot | undefined {
    const asked = typeof uri === 'string' ? this.workspaces.ownerOf(canonicalUri(uri)) : undefined;
    if (asked) return asked;
    const roots = this.workspaces.all();
    const ofOpenNote = this.documents.all().map((d) => this.workspaces.ownerOf(canonicalUri(d.uri))).find((root) => root !== undefined);
    return ofOpenNote ?? roots.find((root) => root.workspace.claimKeys().length > 0) ?? roots[0];
  }

  private async importArticle(uri: string, text: unknown) {
    await this.actorsLoaded;
    const root = this.workspaces.ownerOf(uri) ?? this.workspaces.all()[0];
    if (!root) return { error: 'No Counterpoint workspace (a folder with counterpoint.yaml or actors/) is open to import into.' };
    return root.service.importArticle({ uri, text: text as string }, [root.uri]);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.supportsConfigurationPull = capabilities.workspace?.configuration === true;
    this.supportsWorkDoneProgress = capabilities.window?.workDoneProgress === true;
    this.supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
    this.initializationOptions = params.initializationOptions;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.editorFolders = folders.map(canonicalUri);
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
      serverInfo: { name: 'counterpoint-ls', version: COUNTERPOINT_VERSION },
    };
  }

  private async afterInitialized(): Promise<void> {
    this.log(`counterpoint-ls ${COUNTERPOINT_VERSION} on Node ${process.versions.node}; editor folders: ${this.editorFolders.map(pathOfUri).join(', ') || 'none'}.`);
    if (this.supportsWorkspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => void this.foldersChanged(event).catch((error) => this.logError('workspace folders', error)));
    }
    await this.configurationChanged(this.initializationOptions);
  }

  /** A folder added to or removed from the workspace: every note is read again, as at start-up. */
  private async foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    const removed = new Set(event.removed.map((folder) => canonicalUri(folder.uri)));
    const kept = this.editorFolders.filter((root) => !removed.has(root));
    const added = event.added.map((folder) => canonicalUri(folder.uri)).filter((root) => !kept.includes(root));
    this.editorFolders = [...kept, ...added];
    this.log(`Workspace folders changed: ${this.editorFolders.length} now; indexing again.`);
    await this.reindex();
  }

  // ---- keeping the model current ----

  private noteChanged(rawUri: string, text: string, fromEditor: boolean): void {
    const uri = canonicalUri(rawUri);
    // counterpoint.yaml takes effect when saved (a watched-file event), not at every keystroke.
    const root = this.workspaces.ownerOf(uri);
    if (!isNoteFile(uri) || !root) return;
    const { affected } = root.workspace.upsert(uri, text, { keepText: this.isOpen(uri) });
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
        const service = this.workspaces.ownerOf(uri)?.service;
        if (service && !service.warmHovers(uri, WARM_UP_SLICE_MS)) this.warmHoversSoon(uri, version);
      } catch (error) {
        this.logError('hover warm-up', error);
      }
    });
  }

  /** When an editor closes a note, the file on disk is the truth again. */
  private async reloadFromDisk(rawUri: string): Promise<void> {
    const uri = canonicalUri(rawUri);
    const root = this.workspaces.ownerOf(uri);
    if (!isNoteFile(uri) || !root) return;
    const file = pathOfUri(uri);
    const read = file ? await this.readFromWorkspace(file, root) : { skipped: 'not a file' };
    if (this.isOpen(uri)) return; // reopened while the disk was read: the editor's text wins
    if ('text' in read) this.noteChanged(uri, read.text, false);
    else this.publishSoon(root.workspace.remove(uri).affected, [uri]);
  }

  /**
   * A note opened from outside every workspace found so far: the nearest folder above it that holds
   * `counterpoint.yaml` or `actors/` is a workspace too, indexed from now on. A note under no such folder gets nothing.
   */
  private async findRootOf(rawUri: string): Promise<void> {
    const uri = canonicalUri(rawUri);
    const folder = folderOfUri(uri);
    // Only once the workspaces being indexed are known: a note opened at start-up is usually in one of them.
    await this.indexing.catch(() => undefined);
    if (!isNoteFile(uri) || !folder || this.workspaces.ownerOf(uri)) return;
    const root = await findRootAbove(folder);
    if (!root || this.rootsAboveNotes.has(root) || this.workspaces.ownerOf(uri)) return;
    this.rootsAboveNotes.add(root);
    this.log(`Found the workspace ${root} above ${pathOfUri(uri)}; indexing it.`);
    await this.reindex();
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
      // A config added, changed or removed anywhere may add or remove a workspace, or change one's folders.
      if (uri.endsWith(`/${CONFIG_FILE_NAME}`)) {
        await this.configurationChanged(undefined);
        continue;
      }
      const root = this.workspaces.ownerOf(uri);
      if (!isNoteFile(uri) || this.isOpen(uri) || !root) continue;
      if (change.type === FileChangeType.Deleted) {
        this.publishSoon(root.workspace.remove(uri).affected, [uri]);
      } else {
        const file = pathOfUri(uri);
        if (!file) continue;
        const read = await this.readFromWorkspace(file, root);
        if (this.isOpen(uri)) continue; // opened while the disk was read: the editor's text wins
        if ('text' in read) {
          this.noteChanged(uri, read.text, false);
        } else {
          this.log(`Skipped ${file}: ${read.skipped}`);
          if (root.workspace.getNote(uri)) this.publishSoon(root.workspace.remove(uri).affected, [uri]);
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

  /** A note's text from disk, unless it is a symbolic link or reached through one out of its workspace's folder. */
  private async readFromWorkspace(file: string, root: WorkspaceRoot): Promise<{ text: string } | { skipped: string }> {
    const read = await readNote(file);
    if ('text' in read && !(await isInsideFolders(file, [root.folder]))) return { skipped: 'outside the workspace folder' };
    return read;
  }

  private async configurationChanged(pushed: unknown): Promise<void> {
    let raw: unknown = pushed && typeof pushed === 'object' && 'counterpoint' in pushed ? (pushed as { counterpoint: unknown }).counterpoint : pushed;
    if (this.supportsConfigurationPull) {
      raw = await this.connection.workspace.getConfiguration('counterpoint');
    }
    this.settings = resolveSettings(raw);
    for (const problem of this.settings.problems) this.log(problem);
    if (this.settings.problems.length > 0) this.warn(summaryOf('The counterpoint settings', this.settings.problems, 'the Counterpoint output'));
    await this.reindex();
  }

  /** Where the Counterpoint workspaces are: inside the editor's folders, above them, and above the notes opened from elsewhere. */
  private async discoverRoots(): Promise<string[]> {
    const found = new Set<string>();
    for (const folder of this.editorFolders.map(pathOfUri)) {
      if (!folder) continue;
      const below = await findWorkspaceRoots(folder);
      if (below.length > 0) for (const root of below) found.add(root);
      else {
        const above = await findRootAbove(folder);
        if (above) found.add(above);
      }
    }
    for (const root of this.rootsAboveNotes) found.add(root);
    return [...found].sort();
  }

  private async readWorkspaceConfig(root: WorkspaceRoot): Promise<WorkspaceConfig> {
    const loaded = await loadConfig(root.folder);
    const fileSetsPerspectives = loaded.text !== undefined && /^perspectives\s*:/m.test(loaded.text);
    await this.connection.sendDiagnostics({
      uri: root.configUri,
      diagnostics: root.service.configDiagnostics(loaded.problems),
    });
    // One message for all of a config's problems (each is in the Problems view), and only when they change.
    const summary = loaded.problems.length === 0 ? '' : summaryOf(path.join(root.folder, CONFIG_FILE_NAME), loaded.problems.map((p) => p.message), 'the Problems view');
    if (summary !== '' && summary !== root.shownConfigSummary) this.warn(summary);
    root.shownConfigSummary = summary;
    return mergeConfig(loaded.config, fileSetsPerspectives, this.settings);
  }

  /** Reads every note of the workspace folders again; runs one at a time, the newest request winning. */
  private async reindex(): Promise<{ notes: number; milliseconds: number }> {
    const generation = ++this.indexGeneration;
    const started = Date.now();
    const run = this.indexing.catch(() => undefined).then(() => this.indexAll(generation));
    this.indexing = run;
    await run;
    return { notes: this.total((workspace) => workspace.size), milliseconds: Date.now() - started };
  }

  private async indexAll(generation: number): Promise<void> {
    if (generation !== this.indexGeneration) return;
    this.indexReady = false;
    this.actorsReady = false;
    const previous = this.workspaces.all().flatMap((root) => [...root.workspace.notes()].map((note) => note.uri));
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
    const current = this.workspaces.all().flatMap((root) => [...root.workspace.notes()].map((note) => note.uri));
    const known = new Set(current);
    this.publishSoon(current, previous.filter((uri) => !known.has(uri)));
    for (const document of this.documents.all()) this.warmHoversSoon(canonicalUri(document.uri));
    for (const root of this.workspaces.all()) {
      const { workspace } = root;
      this.log(`Indexed ${root.folder}: ${workspace.size} notes (${workspace.actors().length} actors, ${workspace.claimKeys().length} claim keys).`);
    }
    if (this.workspaces.size === 0) this.log('No Counterpoint workspace (a folder holding counterpoint.yaml or actors/) in or above the editor\'s folders.');
    this.sendStatus('ready');
  }

  /**
   * Actor notes first, in one batch, so that the registry is complete before any article is
   * read; then the rest in slices, yielding between slices so that requests are answered
   * (with what is known so far) while indexing goes on. Returns false when a newer re-index took over.
   */
  private async loadAllNotes(generation: number, markActorsLoaded: () => void): Promise<boolean> {
    const folders = await this.discoverRoots();
    if (generation !== this.indexGeneration) return false;
    this.workspaces.replace(folders, this.settings.features);
    const roots = this.workspaces.all();
    const configs = new Map<WorkspaceRoot, WorkspaceConfig>();
    for (const root of roots) configs.set(root, await this.readWorkspaceConfig(root));
    const progress = this.supportsWorkDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Counterpoint: indexing notes', 0, undefined, false);
    this.sendStatus('indexing');
    try {
      const files: string[] = [];
      for (const root of roots) files.push(...(await findNotes(root.folder, (file, reason) => this.log(`Skipped ${file}: ${reason}`))));
      const open = this.documents.all().map((d) => canonicalUri(d.uri)).filter(isNoteFile);
      const owned = new Map<WorkspaceRoot, string[]>(roots.map((root) => [root, []]));
      for (const uri of new Set([...files.map(uriOfPath), ...open])) {
        const owner = this.workspaces.ownerOf(uri);
        if (owner) owned.get(owner)?.push(uri);
      }
      const total = [...owned.values()].reduce((sum, uris) => sum + uris.length, 0);

      const others: [WorkspaceRoot, string][] = [];
      for (const root of roots) {
        const { workspace } = root;
        workspace.clear();
        workspace.setConfig(configs.get(root)!);
        root.context.settings = this.settings.features;
        const uris = owned.get(root)!;
        const actorTexts = uris.filter((uri) => workspace.kindOf(uri) === 'actor').map((uri) => [uri, this.textOfSync(uri)] as const);
        workspace.batch(() => {
          for (const [uri, text] of actorTexts) if (text !== undefined) workspace.upsert(uri, text, { keepText: this.isOpen(uri) });
        });
        for (const uri of uris) if (workspace.kindOf(uri) !== 'actor') others.push([root, uri]);
      }
      markActorsLoaded();

      const actorCount = total - others.length;
      let reported = 0;
      for (let i = 0; i < others.length;) {
        if (generation !== this.indexGeneration) return false;
        const sliceEnd = performance.now() + INDEX_SLICE_MS;
        do {
          const [root, uri] = others[i++];
          const text = this.textOfSync(uri);
          if (text !== undefined) root.workspace.upsert(uri, text, { collectAffected: false, keepText: this.isOpen(uri) });
        } while (i < others.length && performance.now() < sliceEnd);
        if (performance.now() - reported > PROGRESS_EVERY_MS) {
          reported = performance.now();
          progress?.report(Math.round(((actorCount + i) / total) * 100), `${actorCount + i} of ${total} notes`);
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
    const service = this.workspaces.ownerOf(uri)?.service;
    if (!service) return;
    const complete = service.diagnostics(uri, { hints: true, allNotesRead: false });
    void this.connection.sendDiagnostics({ uri: document?.uri ?? uri, version: document?.version, diagnostics: complete });
  }

  private publishNow(uri: string): void {
    this.pendingDiagnostics.delete(uri);
    const document = this.openDocument(uri);
    // Hint-level suggestions are for the notes being edited; closed ones get the rest (see DiagnosticsOptions).
    // A note no workspace owns (any longer) has no diagnostics.
    const diagnostics = this.workspaces.ownerOf(uri)?.service.diagnostics(uri, { hints: document !== undefined }) ?? [];
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
      notes: this.total((workspace) => workspace.size),
      actors: this.total((workspace) => workspace.actors().length),
      claims: this.total((workspace) => workspace.claimKeys().length),
    });
  }

  private total(measure: (workspace: WorkspaceRoot['workspace']) => number): number {
    return this.workspaces.all().reduce((sum, root) => sum + measure(root.workspace), 0);
  }

  // ---- logging: never to stdout, which carries the protocol ----

  private log(message: string): void {
    this.connection.console.log(stamped(message));
  }

  private warn(message: string): void {
    this.connection.console.warn(stamped(message));
    this.connection.window.showWarningMessage<never>(`Counterpoint: ${message}`).catch(() => undefined);
  }

  private logError(where: string, error: unknown): void {
    this.connection.console.error(stamped(`Counterpoint ${where} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  }
}

/** process.memoryUsage() after a full garbage collection, where the server runs with --expose-gc. */
function memoryAfterCollection(): MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { collected: gc !== undefined, ...process.memoryUsage() };
}

/** A log line with the time (UTC, to the millisecond) and the server's version: `[08:30:01.123 0.1.0] message`. */
function stamped(message: string): string {
  return `[${new Date().toISOString().slice(11, 23)} ${COUNTERPOINT_VERSION}] ${message}`;
}

const EMPTY_MATRIX = { markdown: '', perspectives: [], rows: [] };

/** One message for many problems: the first few, and how many more (all of them are in the log and the Problems view). */
function summaryOf(what: string, problems: readonly string[], listedIn: string): string {
  const shown = problems.slice(0, 3).join(' ');
  const more = problems.length > 3 ? ` And ${problems.length - 3} more: see ${listedIn}.` : '';
  return `${what}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}. ${shown}${more}`;
}

function refusalToError<T>(result: T | { error: string }): T {
  if (result && typeof result === 'object' && 'error' in result && typeof (result as { error: unknown }).error === 'string') {
    throw new ResponseError(ErrorCodes.InvalidRequest, (result as { error: string }).error);
  }
  return result as T;
}

export type { CancellationToken };
