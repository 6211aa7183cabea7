import * as vscode from 'vscode';
import type { IndexStatus } from '../../shared/src/protocol';

/** The status bar entry that mirrors the server's IndexStatusNotification. */
export class IndexStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(clickCommand: string) {
    this.item = vscode.window.createStatusBarItem('counterpoint.status', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Counterpoint';
    this.item.command = clickCommand;
    this.showStarting();
    this.item.show();
  }

  showStarting(): void {
    this.item.text = '$(sync~spin) Counterpoint: starting…';
    this.item.tooltip = 'Counterpoint language server is starting';
  }

  showStopped(): void {
    this.item.text = '$(circle-slash) Counterpoint: stopped';
    this.item.tooltip = 'Counterpoint language server is not running. Click to show its log.';
  }

  update(status: IndexStatus): void {
    if (status.state === 'indexing') {
      this.item.text = '$(sync~spin) Counterpoint: indexing…';
    } else {
      this.item.text = `$(book) Counterpoint: ${plural(status.notes, 'note')}`;
    }
    this.item.tooltip =
      `${plural(status.notes, 'note')}, ${plural(status.actors, 'actor')}, ${plural(status.claims, 'claim')}` +
      '\nClick to show the Counterpoint log.';
  }

  dispose(): void {
    this.item.dispose();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
