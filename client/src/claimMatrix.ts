import * as vscode from 'vscode';

export const CLAIM_MATRIX_SCHEME = 'counterpoint';

/**
 * Shows the server's claim matrix as a read-only virtual markdown document in the
 * markdown preview. Showing it again replaces the content and refreshes the preview.
 */
export class ClaimMatrixView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  // The .md extension makes VS Code treat the virtual document as markdown.
  private readonly uri = vscode.Uri.from({ scheme: CLAIM_MATRIX_SCHEME, path: '/Claim Matrix.md' });
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;
  private markdown = '';
  private shown = false;

  readonly onDidChange = this.changed.event;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(CLAIM_MATRIX_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return uri.toString() === this.uri.toString() ? this.markdown : '';
  }

  async show(markdown: string): Promise<void> {
    this.markdown = markdown;
    this.changed.fire(this.uri);
    await vscode.workspace.openTextDocument(this.uri);
    await vscode.commands.executeCommand('markdown.showPreview', this.uri);
    if (this.shown) {
      // An already open preview may keep the old text until it is told to re-render.
      await vscode.commands.executeCommand('markdown.preview.refresh');
    }
    this.shown = true;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
