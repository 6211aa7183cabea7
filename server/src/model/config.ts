import * as yaml from 'js-yaml';
import type { SeveritySetting } from '../syntax/diagnostics';

export const CONFIG_FILE_NAME = 'counterpoint.yaml';

export interface WorkspaceConfig {
  /** Folders, relative to the workspace root, whose notes are articles. */
  articleFolders: string[];
  /** Folders, relative to the workspace root, whose notes are actor notes. */
  actorFolders: string[];
  /** The allowed `perspective` values of article notes. */
  perspectives: string[];
  /** Severity per diagnostic code. */
  rules: Record<string, SeveritySetting>;
  /** Recognise actors' aliases in plain prose. */
  bareAliases: boolean;
}

export const DEFAULT_PERSPECTIVES = ['ukrainian', 'russian-state', 'kazakh-official', 'kazakh-independent', 'western', 'other'];

export function defaultConfig(): WorkspaceConfig {
  return {
    articleFolders: ['articles'],
    actorFolders: ['actors'],
    perspectives: [...DEFAULT_PERSPECTIVES],
    rules: {},
    bareAliases: true,
  };
}

export interface ConfigProblem {
  message: string;
  /** Zero-based line in the config file, where known. */
  line: number;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Whether a string is a diagnostic code: the model knows no rule, so the rule registry is asked (rules/registry.ts). */
export type IsRuleCode = (code: string) => boolean;

/**
 * Reads `counterpoint.yaml`. Anything invalid is reported and replaced by its default,
 * so a bad config never stops the rest from working.
 */
export function parseConfig(text: string, isRuleCode: IsRuleCode, base: WorkspaceConfig = defaultConfig()): { config: WorkspaceConfig; problems: ConfigProblem[] } {
  const config: WorkspaceConfig = { ...base, rules: { ...base.rules } };
  const problems: ConfigProblem[] = [];
  let data: unknown;
  try {
    data = yaml.safeLoad(text, { json: true });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    problems.push({ message: `${CONFIG_FILE_NAME} is not valid YAML: ${firstLine(error)}; using the defaults.`, line: mark?.line ?? 0 });
    return { config, problems };
  }
  if (data === undefined || data === null) return { config, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ message: `${CONFIG_FILE_NAME} must be a mapping of settings; using the defaults.`, line: 0 });
    return { config, problems };
  }
  const record = data as Record<string, unknown>;
  const lineOf = (key: string) => keyLine(text, key);

  for (const [key, target] of [['articles', 'articleFolders'], ['actors', 'actorFolders'], ['perspectives', 'perspectives']] as const) {
    if (!(key in record)) continue;
    const list = stringList(record[key]);
    if (list && list.length > 0) config[target] = list.map((item) => (target === 'perspectives' ? item : cleanFolder(item)));
    else problems.push({ message: `\`${key}\` must be a non-empty list of strings; using the default (${config[target].join(', ')}).`, line: lineOf(key) });
  }
  if ('bareAliases' in record) {
    if (typeof record.bareAliases === 'boolean') config.bareAliases = record.bareAliases;
    else problems.push({ message: '`bareAliases` must be true or false; using true.', line: lineOf('bareAliases') });
  }
  if ('rules' in record) {
    const rules = record.rules;
    if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
      for (const [code, value] of Object.entries(rules as Record<string, unknown>)) {
        const problem = checkRule(code, value, isRuleCode);
        if (problem) problems.push({ message: problem, line: lineOf(code) });
        else config.rules[code] = value as SeveritySetting;
      }
    } else {
      problems.push({ message: '`rules` must map diagnostic codes to error, warning, information, hint or off.', line: lineOf('rules') });
    }
  }
  for (const key of Object.keys(record)) {
    if (!['articles', 'actors', 'perspectives', 'rules', 'bareAliases'].includes(key)) {
      problems.push({ message: `Unknown setting \`${key}\` in ${CONFIG_FILE_NAME}; it is ignored.`, line: lineOf(key) });
    }
  }
  return { config, problems };
}

/** Validates one rule severity; returns a message when it is not usable. */
export function checkRule(code: string, value: unknown, isRuleCode: IsRuleCode): string | undefined {
  if (!isRuleCode(code)) return `Unknown diagnostic code \`${code}\`; it is ignored.`;
  if (typeof value !== 'string' || !SEVERITIES.includes(value)) {
    return `The severity of \`${code}\` must be one of ${SEVERITIES.join(', ')}; keeping its default.`;
  }
  return undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) return undefined;
  return value.map((item: string) => item.trim());
}

function cleanFolder(folder: string): string {
  return folder.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
}

function keyLine(text: string, key: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => line.trimStart().startsWith(`${key}:`) || line.trimStart().startsWith(`"${key}":`));
  return Math.max(0, index);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
