import * as vscode from 'vscode';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * The `counterpoint.*` settings, shaped like the `counterpoint` section the server
 * also receives through `workspace/didChangeConfiguration`.
 */
export interface CounterpointSettings {
  rules: Record<string, RuleSeverity>;
  perspectives: string[];
  bareAliases: { enabled: boolean };
  hover: { maxSources: number };
  codeLens: { enabled: boolean };
}

export const SETTINGS_SECTION = 'counterpoint';

export function readSettings(): CounterpointSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    rules: config.get<Record<string, RuleSeverity>>('rules', {}),
    perspectives: config.get<string[]>('perspectives', []),
    bareAliases: { enabled: config.get<boolean>('bareAliases.enabled', true) },
    hover: { maxSources: config.get<number>('hover.maxSources', 8) },
    codeLens: { enabled: config.get<boolean>('codeLens.enabled', true) },
  };
}
