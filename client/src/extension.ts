import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { ClaimMatrixRequest, ImportArticleRequest, IndexStatusNotification, NewWorkspaceFilesRequest, ReindexRequest } from '../../shared/src/protocol';
import type { MatrixMessageOutcome } from './claimMatrixMessages';
import { CLAIM_MATRIX_VIEW_TYPE, ClaimMatrixPanel } from './claimMatrixPanel';
import { runCreateWorkspace } from './createWorkspace';
import { readSettings, SETTINGS_SECTION } from './settings';
import { IndexStatusBar } from './statusBar';

/** What `activate` resolves to; integration tests reach the client through it. */
export interface CounterpointApi {
  client: LanguageClient;
  /** What VS Code calls to restore the claim matrix after a reload; exposed for the tests. */
  reviveClaimMatrix(panel: vscode.WebviewPanel): Promise<void>;
  /** Handles a message as if the claim matrix webview had sent it (a click on a cell); exposed for the tests. */
  claimMatrixMessage(message: unknown): Promise<MatrixMessageOutcome>;
}

const COMMANDS = {
  reindex: 'counterpoint.reindex',
  showClaimMatrix: 'counterpoint.showClaimMatrix',
  restartServer: 'counterpoint.restartServer',
  showOutput: 'counterpoint.showOutput',
  importArticle: 'counterpoint.importArticle',
  createWorkspace: 'counterpoint.createWorkspace',
} as const;

const WALKTHROUGH = 'counterpoint.gettingStarted';

const WATCHED_FILES = ['**/*.md', '**/counterpoint.yaml'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CounterpointApi> {
  const output = vscode.window.createOutputChannel('Counterpoint');
  const statusBar = new IndexStatusBar(COMMANDS.showOutput);
  const languageClient = createClient(context, output);
  client = languageClient;
  const openWalkthrough = async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, false);
  };
  // In a window with several Counterpoint workspaces, the matrix is the one of the note being edited.
  const matrixOfActiveNote = () => languageClient.sendRequest(ClaimMatrixRequest, { uri: vscode.window.activeTextEditor?.document.uri.toString() });
  const claimMatrix = new ClaimMatrixPanel(matrixOfActiveNote, (line) => output.appendLine(line), openWalkthrough);
  context.subscriptions.push(output, statusBar, claimMatrix);
  context.subscriptions.push(
    // Registered before start so the first status from the server is not missed.
    languageClient.onNotification(IndexStatusNotification, (status) => {
      statusBar.update(status);
      if (status.state === 'ready') claimMatrix.refreshSoon();
    }),
    // The server publishes no status for single edits: a saved note refreshes an open matrix.
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.languageId === 'markdown') claimMatrix.refreshSoon();
    }),
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) statusBar.showStarting();
      if (newState === State.Stopped) statusBar.showStopped();
    }),
    ...registerCommands(languageClient, output, claimMatrix),
    // Takes an optional folder (the tests give one); otherwise it asks where.
    vscode.commands.registerCommand(COMMANDS.createWorkspace, (folder?: unknown) =>
      runCreateWorkspace(() => languageClient.sendRequest(NewWorkspaceFilesRequest), (message) => notify(output, vscode.window.showInformationMessage(message)), folder instanceof vscode.Uri ? folder : undefined)
        .catch((error: unknown) => reportError(output, `Counterpoint command ${COMMANDS.createWorkspace} failed`, error))),
    // After a window reload, VS Code restores an open claim matrix through this (and activates the extension for it).
    vscode.window.registerWebviewPanelSerializer(CLAIM_MATRIX_VIEW_TYPE, { deserializeWebviewPanel: (panel) => claimMatrix.revive(panel) }),
  );

  try {
    await languageClient.start();
  } catch (error) {
    reportError(output, 'Could not start the Counterpoint language server', error);
  }
  return { client: languageClient, reviveClaimMatrix: (panel) => claimMatrix.revive(panel), claimMatrixMessage: (message) => claimMatrix.handleMessage(message) };
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) {
    await client.stop();
  }
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    outputChannel: output,
    // A function so that a restarted server gets the settings as they are now.
    initializationOptions: () => readSettings(),
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watchers },
    middleware: {
      // The server's lenses open the peek view with plain LSP locations; VS Code's command wants its own types.
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) convertShowReferencesArguments(lens);
        return lenses;
      },
    },
  };
  // The id 'counterpoint' makes the client honour the `counterpoint.trace.server` setting.
  return new LanguageClient('counterpoint', 'Counterpoint', serverOptions, clientOptions);
}

function convertShowReferencesArguments(lens: vscode.CodeLens): void {
  const command = lens.command;
  if (command?.command !== 'editor.action.showReferences' || command.arguments?.length !== 3 || !client) return;
  const converter = client.protocol2CodeConverter;
  const [uri, position, locations] = command.arguments as [string, Parameters<typeof converter.asPosition>[0], Parameters<typeof converter.asLocation>[0][]];
  command.arguments = [converter.asUri(uri), converter.asPosition(position), locations.map((location) => converter.asLocation(location))];
}

function registerCommands(
  languageClient: LanguageClient,
  output: vscode.OutputChannel,
  claimMatrix: ClaimMatrixPanel,
): vscode.Disposable[] {
  const register = (id: string, action: () => Promise<void>): vscode.Disposable =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await action();
      } catch (error) {
        reportError(output, `Counterpoint command ${id} failed`, error);
      }
    });

  return [
    register(COMMANDS.reindex, () => reindex(languageClient, output)),
    register(COMMANDS.showClaimMatrix, () => claimMatrix.show()),
    register(COMMANDS.restartServer, () => restart(languageClient)),
    register(COMMANDS.showOutput, async () => output.show(true)),
    register(COMMANDS.importArticle, () => importArticle(languageClient, output)),
  ];
}

async function reindex(languageClient: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Counterpoint: reindexing' },
    () => languageClient.sendRequest(ReindexRequest),
  );
  const notes = `${result.notes} note${result.notes === 1 ? '' : 's'}`;
  notify(output, vscode.window.showInformationMessage(
    `Counterpoint: indexed ${notes} in ${Math.round(result.milliseconds)} ms.`,
  ));
}

/**
 * Imports the active editor's text (a raw article, e.g. a .txt file) as a new article note: the server writes the
 * note, the client creates it (never over an existing file), saves it and opens it, where its hints await review.
 */
async function importArticle(languageClient: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    notify(output, vscode.window.showWarningMessage('Counterpoint: open the text of an article first, then run Import Raw Article as Note.'));
    return;
  }
  const result = await languageClient.sendRequest(ImportArticleRequest, { uri: document.uri.toString(), text: document.getText() });
  if ('error' in result) {
    notify(output, vscode.window.showErrorMessage(`Counterpoint: ${result.error}`));
    return;
  }
  const edit = await languageClient.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    notify(output, vscode.window.showErrorMessage(`Counterpoint: could not create ${result.path}; is a file already there? Import never overwrites.`));
    return;
  }
  const note = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
  await note.save();
  await vscode.window.showTextDocument(note);
  notify(output, vscode.window.showInformationMessage(`Counterpoint: ${result.summary}`));
}

async function restart(languageClient: LanguageClient): Promise<void> {
  // restart() stops first, which throws when the server never came up.
  if (languageClient.isRunning()) {
    await languageClient.restart();
  } else {
    await languageClient.start();
  }
}

function reportError(output: vscode.OutputChannel, message: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  output.appendLine(`[error] ${message}: ${detail}`);
  notify(output, vscode.window.showErrorMessage(`${message}: ${detail}`));
}

/** Shows a message without waiting for the user to dismiss it. */
function notify(output: vscode.OutputChannel, message: Thenable<unknown>): void {
  void Promise.resolve(message).catch((error: unknown) => output.appendLine(`[error] Could not show a message: ${String(error)}`));
}
