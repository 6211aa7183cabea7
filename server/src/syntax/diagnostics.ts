import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Every diagnostic Counterpoint reports, with its default severity. Codes are stable: tools and configs name them. */
export const DIAGNOSTIC_CODES = {
  'frontmatter.missing': 'error',
  'frontmatter.unclosed': 'error',
  'frontmatter.yaml': 'error',
  'frontmatter.language': 'error',
  'frontmatter.not-mapping': 'error',
  'frontmatter.duplicate-key': 'warning',
  'article.missing-field': 'warning',
  'article.invalid-field': 'warning',
  'article.invalid-date': 'warning',
  'article.unknown-perspective': 'warning',
  'actor.missing-field': 'warning',
  'actor.invalid-field': 'warning',
  'actor.unknown': 'warning',
  'actor.duplicate-id': 'error',
  'actor.duplicate-alias': 'warning',
  'alias.near-match': 'hint',
  'claim.malformed': 'error',
  'claim.missing-key': 'error',
  'claim.invalid-key': 'error',
  'claim.invalid-stance': 'error',
  'claim.unknown-attribute': 'warning',
  'claim.empty': 'warning',
  'claim.outside-article': 'information',
  'claim.no-counter-source': 'warning',
  'config.invalid': 'error',
  'actor.candidate': 'hint',
  'claim.candidate': 'hint',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}

/** Payloads that quick fixes read back from a diagnostic's `data`. */
export interface DiagnosticData {
  'actor.unknown'?: { name: string };
  'claim.no-counter-source'?: { key: string; perspective?: string; outlet?: string };
  'actor.duplicate-alias'?: { alias: string; actors: string[] };
  'alias.near-match'?: { actorId: string; text: string; alias: string };
  'article.missing-field'?: { field: string };
  'actor.candidate'?: { name: string; extends?: string };
  'claim.candidate'?: { cue: string };
}

export interface CoreDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  /** Notes the message relates to, e.g. the other occurrences of a duplicate id. */
  related?: { uri: string; span: Span; message: string }[];
  data?: Record<string, unknown>;
}

export function diagnostic(
  code: DiagnosticCode,
  span: Span,
  message: string,
  data?: Record<string, unknown>,
): CoreDiagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code], message, span, ...(data ? { data } : {}) };
}

/** Applies configured severities; a rule set to `off` drops its diagnostics. */
export function applySeverities(
  diagnostics: CoreDiagnostic[],
  rules: Readonly<Record<string, SeveritySetting>>,
): CoreDiagnostic[] {
  const result: CoreDiagnostic[] = [];
  for (const d of diagnostics) {
    const setting = rules[d.code];
    if (setting === 'off') continue;
    result.push(setting ? { ...d, severity: setting } : d);
  }
  return result;
}
