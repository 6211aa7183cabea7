import type { ValidateFunction } from 'ajv';
import * as yaml from 'js-yaml';
import type { SeveritySetting } from '../syntax/diagnostics';
import CONFIG_SCHEMA from '../../../schemas/counterpoint.schema.json';
import { validate as generatedValidator } from './configValidator.generated';

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

/** The severities a rule may be set to, as the schema lists them. */
const SEVERITIES: readonly string[] = CONFIG_SCHEMA.properties.rules.additionalProperties.enum;
/**
 * Whether a string is a diagnostic code: the model knows no rule, so the rule registry is asked (rules/registry.ts).
 * The schema lists the same codes (test/unit/config.test.ts checks that they agree).
 */
export type IsRuleCode = (code: string) => boolean;

/**
 * counterpoint.yaml checked against its JSON schema, the same one editors are given, compiled ahead of time by Ajv
 * (configValidator.generated.ts). Its `errors` are those of the last call, read right after it.
 */
const validateConfig = generatedValidator as unknown as ValidateFunction;

const FOLDER_RULE = 'a folder inside the workspace or a list of them (`.` or names separated by `/`; no `..`, `./`, `/` or absolute path)';

/**
 * Reads `counterpoint.yaml`. Anything invalid is reported and replaced by its default,
 * so a bad config never stops the rest from working.
 */
export function parseConfig(text: string, isRuleCode: IsRuleCode, base: WorkspaceConfig = defaultConfig()): { config: WorkspaceConfig; problems: ConfigProblem[] } {
  const config: WorkspaceConfig = { ...base, rules: { ...base.rules } };
  const problems: ConfigProblem[] = [];
  let loaded: unknown;
  try {
    loaded = yaml.safeLoad(text, { json: true });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    problems.push({ message: `${CONFIG_FILE_NAME} is not valid YAML: ${firstLine(error)}; using the defaults.`, line: mark?.line ?? 0 });
    return { config, problems };
  }
  if (loaded === undefined || loaded === null) return { config, problems };
  if (typeof loaded !== 'object' || Array.isArray(loaded)) {
    problems.push({ message: `${CONFIG_FILE_NAME} must be a mapping of settings; using the defaults.`, line: 0 });
    return { config, problems };
  }
  const lines = keyLines(text);
  const lineOf = (key: string) => lines.get(key) ?? 0;
  // The YAML reader turns a `__proto__:` key into the mapping's prototype: reported, and only own keys are read.
  const { value: data, hadPrototypeKey } = ownData(loaded);
  if (hadPrototypeKey) problems.push({ message: `\`__proto__\` is not a setting of ${CONFIG_FILE_NAME}; it is ignored.`, line: lineOf('__proto__') });
  const record = data as Record<string, unknown>;

  const invalid = new Set<string>();
  const invalidRules = new Set<string>();
  // Unknown rule codes are found first (the schema lists the same codes): the validator reports a long list of them slowly.
  const rules = record.rules;
  const known = isMapping(rules) ? Object.fromEntries(Object.entries(rules).filter(([code]) => isRuleCode(code))) : rules;
  if (isMapping(rules)) {
    for (const code of Object.keys(rules)) {
      if (isRuleCode(code)) continue;
      invalidRules.add(code);
      problems.push({ message: `Unknown diagnostic code \`${code}\`; it is ignored.`, line: lineOf(code) });
    }
  }
  validateConfig('rules' in record ? { ...record, rules: known } : record);
  for (const error of validateConfig.errors ?? []) {
    const [key, code] = error.instancePath.split('/').slice(1).map(unescapePointer);
    if (error.keyword === 'additionalProperties' && key === undefined) {
      const unknown = String(error.params.additionalProperty);
      problems.push({ message: `Unknown setting \`${unknown}\` in ${CONFIG_FILE_NAME}; it is ignored.`, line: lineOf(unknown) });
    } else if (key === 'rules' && code === undefined && error.keyword === 'propertyNames') {
      const name = String(error.params.propertyName);
      invalidRules.add(name);
      problems.push({ message: `Unknown diagnostic code \`${name}\`; it is ignored.`, line: lineOf(name) });
    } else if (key === 'rules' && code !== undefined && !invalidRules.has(code)) {
      invalidRules.add(code);
      problems.push({ message: `The severity of \`${code}\` must be one of ${SEVERITIES.join(', ')}; keeping its default.`, line: lineOf(code) });
    } else if (key !== undefined && !(key === 'rules' && code !== undefined) && error.keyword !== 'propertyNames' && error.keyword !== 'enum') {
      invalid.add(key);
    }
  }
  for (const key of invalid) problems.push({ message: settingProblem(key, config), line: lineOf(key) });

  for (const [key, target] of [['articles', 'articleFolders'], ['actors', 'actorFolders']] as const) {
    if (key in record && !invalid.has(key)) config[target] = listOf(record[key]).map(cleanFolder);
  }
  if ('perspectives' in record && !invalid.has('perspectives')) config.perspectives = listOf(record.perspectives).map((name) => name.trim());
  if (typeof record.bareAliases === 'boolean') config.bareAliases = record.bareAliases;
  if ('rules' in record && !invalid.has('rules')) {
    for (const [code, value] of Object.entries(record.rules as Record<string, unknown>)) {
      if (!invalidRules.has(code)) config.rules[code] = value as SeveritySetting;
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { config, problems };
}

function settingProblem(key: string, config: WorkspaceConfig): string {
  switch (key) {
    case 'articles': return `\`articles\` must be ${FOLDER_RULE}; using the default (${config.articleFolders.join(', ')}).`;
    case 'actors': return `\`actors\` must be ${FOLDER_RULE}; using the default (${config.actorFolders.join(', ')}).`;
    case 'perspectives': return `\`perspectives\` must be a non-empty list of names, each once; using the default (${config.perspectives.join(', ')}).`;
    case 'bareAliases': return '`bareAliases` must be true or false; using true.';
    default: return '`rules` must map diagnostic codes to error, warning, information, hint or off.';
  }
}

/** Validates one rule severity (of the editor's settings); returns a message when it is not usable. */
export function checkRule(code: string, value: unknown, isRuleCode: IsRuleCode): string | undefined {
  if (!isRuleCode(code)) return `Unknown diagnostic code \`${code}\`; it is ignored.`;
  if (typeof value !== 'string' || !SEVERITIES.includes(value)) {
    return `The severity of \`${code}\` must be one of ${SEVERITIES.join(', ')}; keeping its default.`;
  }
  return undefined;
}

/**
 * A copy of loaded YAML holding only own keys, in plain objects. js-yaml 3 stores a `__proto__:` key as the
 * object's prototype, where a plain property read (and the validator) would still find its settings.
 */
function ownData(value: unknown): { value: unknown; hadPrototypeKey: boolean } {
  let hadPrototypeKey = false;
  const copy = (item: unknown, depth: number): unknown => {
    if (item === null || typeof item !== 'object' || depth > 64) return item;
    if (Array.isArray(item)) return item.map((element) => copy(element, depth + 1));
    if (Object.getPrototypeOf(item) !== Object.prototype) hadPrototypeKey = true;
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(item)) result[key] = copy((item as Record<string, unknown>)[key], depth + 1);
    return result;
  };
  const result = copy(value, 0);
  return { value: result, hadPrototypeKey };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function listOf(value: unknown): string[] {
  return typeof value === 'string' ? [value] : (value as string[]);
}

function cleanFolder(folder: string): string {
  const inside = folder.startsWith('./') ? folder.slice(2) : folder;
  return inside.endsWith('/') ? inside.slice(0, -1) : inside;
}

/** The first line of each key in the file (any depth), found in one pass: a problem names its line. */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const colon = raw.indexOf(':');
    if (colon > 0) {
      const key = unquote(raw.slice(0, colon).trim().replace(/^- /, ''));
      if (key !== '' && !lines.has(key)) lines.set(key, line);
    }
    line++;
  }
  return lines;
}

function unquote(key: string): string {
  const quoted = key.length >= 2 && (key[0] === '"' || key[0] === "'") && key.at(-1) === key[0];
  return quoted ? key.slice(1, -1) : key;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
