import { checkRule, type WorkspaceConfig } from '../model/config';
import { isDiagnosticCode } from '../rules/registry';
import { type SeveritySetting } from '../syntax/diagnostics';
import { DEFAULT_FEATURE_SETTINGS, type FeatureSettings } from '../features/context';

/** The `counterpoint.*` settings as the client sends them; anything may be missing or wrong. */
export interface ClientSettings {
  rules?: unknown;
  perspectives?: unknown;
  bareAliases?: { enabled?: unknown };
  hover?: { maxSources?: unknown };
  codeLens?: { enabled?: unknown };
}

export interface ResolvedSettings {
  features: FeatureSettings;
  rules: Record<string, SeveritySetting>;
  perspectives?: string[];
  bareAliases?: boolean;
  problems: string[];
}

/** Validates the client's settings; each bad value is reported and replaced by its default. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const settings = (raw && typeof raw === 'object' ? raw : {}) as ClientSettings;
  const problems: string[] = [];
  const features: FeatureSettings = { ...DEFAULT_FEATURE_SETTINGS };
  const rules: Record<string, SeveritySetting> = {};

  const maxSources = settings.hover?.maxSources;
  if (maxSources !== undefined) {
    if (typeof maxSources === 'number' && Number.isInteger(maxSources) && maxSources >= 1 && maxSources <= 100) features.hoverMaxSources = maxSources;
    else problems.push('counterpoint.hover.maxSources must be a whole number from 1 to 100; using 8.');
  }
  const lens = settings.codeLens?.enabled;
  if (lens !== undefined) {
    if (typeof lens === 'boolean') features.codeLensEnabled = lens;
    else problems.push('counterpoint.codeLens.enabled must be true or false; using true.');
  }
  if (settings.rules !== undefined && settings.rules !== null) {
    if (typeof settings.rules === 'object' && !Array.isArray(settings.rules)) {
      for (const [code, value] of Object.entries(settings.rules as Record<string, unknown>)) {
        const problem = checkRule(code, value, isDiagnosticCode);
        if (problem) problems.push(`counterpoint.rules: ${problem}`);
        else rules[code] = value as SeveritySetting;
      }
    } else {
      problems.push('counterpoint.rules must map diagnostic codes to a severity.');
    }
  }
  let perspectives: string[] | undefined;
  if (settings.perspectives !== undefined && settings.perspectives !== null) {
    const list = settings.perspectives;
    if (Array.isArray(list) && list.length > 0 && list.every((p) => typeof p === 'string' && p.trim() !== '')) perspectives = list.map((p: string) => p.trim());
    else if (!(Array.isArray(list) && list.length === 0)) problems.push('counterpoint.perspectives must be a list of names; using the workspace\'s.');
  }
  let bareAliases: boolean | undefined;
  const bare = settings.bareAliases?.enabled;
  if (bare !== undefined) {
    if (typeof bare === 'boolean') bareAliases = bare;
    else problems.push('counterpoint.bareAliases.enabled must be true or false; using true.');
  }
  return { features, rules, perspectives, bareAliases, problems };
}

/**
 * The effective workspace config: the defaults, then counterpoint.yaml, then the editor's
 * settings for severities. Perspectives from the settings apply only where the file sets none;
 * bare aliases are on unless either turns them off.
 */
export function mergeConfig(fromFile: WorkspaceConfig, fileSetsPerspectives: boolean, settings: ResolvedSettings): WorkspaceConfig {
  return {
    ...fromFile,
    perspectives: !fileSetsPerspectives && settings.perspectives ? settings.perspectives : fromFile.perspectives,
    rules: { ...fromFile.rules, ...settings.rules },
    // Either the file or the editor can turn bare aliases off; the editor's default `true` must not undo the file's `false`.
    bareAliases: fromFile.bareAliases && settings.bareAliases !== false,
  };
}
