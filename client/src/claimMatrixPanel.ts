import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { matrixContentSecurityPolicy, renderClaimMatrixHtml } from '../../shared/src/claimMatrixHtml';
import type { ClaimMatrix } from '../../shared/src/protocol';
import { dispatchMatrixMessage, matrixNoteUris, type MatrixMessageOutcome } from './claimMatrixMessages';

export const CLAIM_MATRIX_VIEW_TYPE = 'counterpoint.claimMatrix';

const WEBVIEW_OPTIONS: vscode.WebviewOptions = {
  enableScripts: true,
  enableForms: false,
  enableCommandUris: false,
  localResourceRoots: [],
};

/** Wait this long after the last event before refreshing, so a burst of saves refreshes once. */
const REFRESH_DELAY_MS = 300;

function nonce(): string {
  return randomBytes(18).toString('base64');
}

function loadingPage(): string {
  const value = nonce();
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${matrixContentSecurityPolicy(value)}">` +
    `<style nonce="${value}">body { color: var(--vscode-descriptionForeground); font-family: var(--vscode-font-family); padding: 16px 20px; }</style>` +
    '</head><body><p>Loading the claim matrix…</p></body></html>';
}

/**
 * The claim matrix in a webview panel: one panel at most, rebuilt from the server's matrix on each
 * refresh. Cells ask, by message, to open a note; only notes of the current matrix are opened.
 */
export class ClaimMatrixPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private knownUris: ReadonlySet<string> = new Set();
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The editor group the matrix last opened a note in: the next cell opens there too. */
  private noteColumn: vscode.ViewColumn | undefined;

  constructor(
    private readonly loadMatrix: () => Promise<ClaimMatrix>,
    private readonly log: (line: string) => void,
    private readonly openWalkthrough: () => Promise<void>,
  ) {}

  /** Does what a message from the webview asks (opening a cell's note, or the walkthrough); the tests call it too. */
  async handleMessage(message: unknown): Promise<MatrixMessageOutcome> {
    const outcome = await dispatchMatrixMessage(message, this.knownUris, (uri, line) => this.openNoteBeside(uri, line), this.openWalkthrough);
    if (outcome.kind === 'rejected' || outcome.kind === 'ignored') this.log(`[warn] Claim matrix message ${outcome.kind}: ${outcome.reason}`);
    return outcome;
  }

  /** Opens the panel, or brings it forward, and shows the matrix as it is now. */
  async show(): Promise<void> {
    if (this.panel) this.panel.reveal(undefined, false);
    else this.panel = this.createPanel();
    await this.refresh();
  }

  /**
   * Takes over a panel VS Code restored after a reload (see the serializer in extension.ts): it shows the matrix as it
   * is now, and a later `show` reuses it. Before the server has indexed, it shows the loading page until the index
   * is ready (which refreshes it).
   */
  async revive(panel: vscode.WebviewPanel): Promise<void> {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.panel = this.adopt(panel);
    await this.refresh().catch((error: unknown) => this.log(`[warn] The restored claim matrix waits for the server: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** After the index changed: refreshes an open panel shortly, logging rather than throwing on failure. */
  refreshSoon(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh().catch((error: unknown) => this.log(`[error] Could not refresh the claim matrix: ${error instanceof Error ? error.message : String(error)}`));
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const generation = ++this.generation;
    const matrix = await this.loadMatrix();
    // A newer refresh started meanwhile, or the panel was closed: this answer is stale.
    if (generation !== this.generation || panel !== this.panel) return;
    this.knownUris = matrixNoteUris(matrix);
    panel.webview.html = renderClaimMatrixHtml(matrix, { host: 'webview', nonce: nonce(), title: vscode.workspace.name });
  }

  /**
   * Opens a cell's note beside the matrix, always in the same group: the one used last if it is still there, else
   * the nearest other group (to the right first), else a new group to the right of the matrix. (`ViewColumn.Beside`
   * is relative to the active group, which after the first click is the note's, so each click made one more group.)
   */
  private async openNoteBeside(uri: string, line: number): Promise<void> {
    const matrixColumn = this.panel?.viewColumn ?? vscode.ViewColumn.One;
    const others = vscode.window.tabGroups.all.map((group) => group.viewColumn).filter((column) => column !== matrixColumn);
    const nearest = [...others].sort((a, b) => (Math.abs(a - matrixColumn) - Math.abs(b - matrixColumn)) || (b - a))[0];
    const column = this.noteColumn !== undefined && others.includes(this.noteColumn) ? this.noteColumn : nearest ?? matrixColumn + 1;
    const editor = await openNoteAt(uri, line, column);
    this.noteColumn = editor.viewColumn;
  }

  private createPanel(): vscode.WebviewPanel {
    return this.adopt(vscode.window.createWebviewPanel(CLAIM_MATRIX_VIEW_TYPE, 'Claim Matrix', vscode.ViewColumn.Active, { ...WEBVIEW_OPTIONS, enableFindWidget: true }));
  }

  private adopt(panel: vscode.WebviewPanel): vscode.WebviewPanel {
    // A restored panel keeps no options of its own: they are set again, as strict as for a new one.
    panel.webview.options = WEBVIEW_OPTIONS;
    panel.webview.html = loadingPage();
    const subscription = panel.webview.onDidReceiveMessage(async (message: unknown) => {
      try {
        await this.handleMessage(message);
      } catch (error) {
        this.log(`[error] Could not open the note: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      if (this.panel === panel) {
        this.panel = undefined;
        this.knownUris = new Set();
      }
    });
    return panel;
  }
}

/** Opens the note in `column` with the cursor at the start of the line (the last line if the note got shorter). */
async function openNoteAt(uri: string, line: number, column: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  const position = new vscode.Position(Math.min(line, Math.max(0, document.lineCount - 1)), 0);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: column,
    preview: false,
    selection: new vscode.Range(position, position),
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
