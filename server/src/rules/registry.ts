// Every diagnostic rule, and what is derived from them: the code union, each code's payload type and default
// severity, the codes that wait for indexing, the dependencies handed to the model, and the one entry point that
// works out a note's diagnostics. To add a rule: write its module (see rule.ts) and list it below.
import type { NoteDependency } from '../model/dependencies';
import { defaultConfig, type WorkspaceConfig } from '../model/config';
import { Workspace } from '../model/workspace';
import type { CoreDiagnostic, Finding, Severity } from '../syntax/diagnostics';
import { actorRegistryRule } from './actorRegistry';
import { actorUnknownRule } from './actorUnknown';
import { aliasNearMatchRule } from './aliasNearMatch';
import { candidatesRule } from './candidates';
import { claimantMismatchRule } from './claimantMismatch';
import { configFileRule } from './configFile';
import { counterSourceRule } from './counterSource';
import type { CodeSpec, FieldType, PayloadOf, Rule, RuleContext } from './rule';
import { syntaxRule } from './syntax';

/** The rules, in the order their diagnostics are listed where two start at the same place. */
export const RULES = [
  syntaxRule,
  configFileRule,
  actorUnknownRule,
  actorRegistryRule,
  aliasNearMatchRule,
  candidatesRule,
  counterSourceRule,
  claimantMismatchRule,
] as const;

type CodeMaps = (typeof RULES)[number]['codes'];

/** Every diagnostic code Counterpoint reports. */
export type DiagnosticCode = CodeMaps extends infer M ? (M extends unknown ? keyof M & string : never) : never;

type SpecOf<C extends DiagnosticCode> = CodeMaps extends infer M ? (M extends { readonly [K in C]: infer S } ? S : never) : never;

/** The `data` payload a diagnostic of a code carries. */
export type PayloadOfCode<C extends DiagnosticCode> = SpecOf<C> extends { payload: infer S extends CodeSpec['payload'] } ? PayloadOf<S> : never;

/** The names of the quick fixes a code declares. */
export type FixOfCode<C extends DiagnosticCode> = SpecOf<C> extends { fixes: readonly (infer F extends string)[] } ? F : never;

/** A diagnostic of any code, its payload typed by its code. */
export type Diagnostic = { [C in DiagnosticCode]: CoreDiagnostic<C, PayloadOfCode<C>> }[DiagnosticCode];

const SPECS: ReadonlyMap<string, { rule: Rule; spec: CodeSpec }> = indexCodes();

function indexCodes(): Map<string, { rule: Rule; spec: CodeSpec }> {
  const specs = new Map<string, { rule: Rule; spec: CodeSpec }>();
  for (const rule of RULES as readonly Rule[]) {
    for (const [code, spec] of Object.entries(rule.codes)) {
      if (specs.has(code)) throw new Error(`The code ${code} is declared by two rules: ${specs.get(code)!.rule.name} and ${rule.name}.`);
      specs.set(code, { rule, spec });
    }
  }
  return specs;
}

/** Each code's default severity, in the registry's order. */
export const DEFAULT_SEVERITIES: Readonly<Record<DiagnosticCode, Severity>> = Object.freeze(
  Object.fromEntries([...SPECS].map(([code, { spec }]) => [code, spec.severity])) as Record<DiagnosticCode, Severity>,
);

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return SPECS.has(code);
}

/** What a code's rule declares of it: its default severity, payload, summary, section and fixes. */
export function specOf(code: DiagnosticCode): CodeSpec {
  return SPECS.get(code)!.spec;
}

/** The rule that declares a code. */
export function ruleOf(code: DiagnosticCode): Rule {
  return SPECS.get(code)!.rule;
}

/**
 * The codes whose diagnostics are wrong until every note is read (their rules read notes of any kind): while
 * indexing, `noteDiagnostics(…, { allNotesRead: false })` leaves them out.
 */
export const CODES_WAITING_FOR_INDEX: ReadonlySet<DiagnosticCode> = new Set(
  [...SPECS].filter(([, { rule }]) => rule.scope === 'workspace').map(([code]) => code as DiagnosticCode),
);

/** What every rule reads of other notes, for the model (see model/dependencies.ts). */
export const RULE_DEPENDENCIES: readonly NoteDependency[] = [...new Set((RULES as readonly Rule[]).flatMap((rule) => rule.dependencies))];

/** A workspace model that knows what the rules read, so that each edit says which notes it affects. */
export function createWorkspace(roots: string[] = [], config: WorkspaceConfig = defaultConfig()): Workspace {
  return new Workspace(roots, config, RULE_DEPENDENCIES);
}

/**
 * A diagnostic's `data` as it comes back from an editor, checked against what its code declares: the payload typed,
 * or undefined when it is missing or malformed (an editor may send anything). Optional fields that are not
 * non-empty strings are dropped.
 */
export function payloadOf<C extends DiagnosticCode>(code: C, data: unknown): PayloadOfCode<C> | undefined {
  const spec = SPECS.get(code)?.spec;
  if (!spec) return undefined;
  // A code without a payload sends none (its diagnostics carry no `data`).
  if (Object.keys(spec.payload).length === 0) return {} as PayloadOfCode<C>;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const payload: Record<string, string | string[]> = {};
  for (const [field, type] of Object.entries(spec.payload) as [string, FieldType][]) {
    const value = Object.prototype.hasOwnProperty.call(record, field) ? record[field] : undefined;
    if (type === 'string[]') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return undefined;
      payload[field] = [...value];
    } else if (typeof value === 'string' && value !== '') {
      payload[field] = value;
    } else if (type === 'string') {
      return undefined;
    }
  }
  return payload as PayloadOfCode<C>;
}

export interface DiagnosticsOptions {
  /**
   * Whether to work out the hint-level suggestions (alias near-matches, candidate actors and claims). They are for the
   * note being edited: an editor passes false for closed notes, which then get them only where a rule raises one
   * above a hint. Default true.
   */
  hints?: boolean;
  /**
   * Whether every note of the workspace has been read. While it is not (the server is indexing), the rules that read
   * notes of any kind (scope `workspace`) are left out: their diagnostics would be wrong until then. Default true.
   */
  allNotesRead?: boolean;
}

/**
 * Every diagnostic of a note at its configured severity: those the parser found, and those of every rule's check
 * whose codes are wanted, sorted by where they start.
 */
export function noteDiagnostics(workspace: Workspace, uri: string, options: DiagnosticsOptions = {}): Diagnostic[] {
  const note = workspace.getNote(uri);
  if (!note) return [];
  const settings = workspace.configuration.rules;
  const hints = options.hints !== false;
  const severityOf = (code: string) => settings[code] ?? SPECS.get(code)?.spec.severity ?? 'off';
  const context: RuleContext = {
    workspace,
    // Hints are worked out for the notes being edited, or where a rule makes a suggestion more than a hint.
    wants: (code) => {
      const severity = severityOf(code);
      return severity !== 'off' && (hints || severity !== 'hint' || SPECS.get(code)?.spec.severity !== 'hint');
    },
  };
  const findings: Finding[] = [...note.diagnostics];
  for (const rule of RULES as readonly Rule[]) {
    if (!rule.check || (options.allNotesRead === false && rule.scope === 'workspace')) continue;
    if (!Object.keys(rule.codes).some((code) => context.wants(code))) continue;
    rule.check(note, context, (code, span, message, data, related) => {
      findings.push({ code, message, span, ...(related ? { related } : {}), ...(Object.keys(data).length > 0 ? { data } : {}) });
    });
  }
  findings.sort((a, b) => a.span.start - b.span.start);
  const result: CoreDiagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding.code);
    if (severity !== 'off') result.push({ ...finding, severity });
  }
  return result as Diagnostic[];
}
