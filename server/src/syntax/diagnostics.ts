// What the parser reports about one note. The codes are plain strings here: the rule registry (rules/registry.ts)
// declares every code Counterpoint reports, these among them, with its default severity and payload, and checks at
// compile time that it declares each code below.
import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** The codes the parser reports while it reads one note (declared by rules/syntax.ts). */
export type SyntaxCode =
  | 'frontmatter.missing'
  | 'frontmatter.unclosed'
  | 'frontmatter.yaml'
  | 'frontmatter.language'
  | 'frontmatter.not-mapping'
  | 'frontmatter.duplicate-key'
  | 'article.missing-field'
  | 'article.invalid-field'
  | 'article.invalid-date'
  | 'article.unknown-perspective'
  | 'actor.missing-field'
  | 'actor.invalid-field'
  | 'claim.malformed'
  | 'claim.missing-key'
  | 'claim.invalid-key'
  | 'claim.invalid-stance'
  | 'claim.unknown-attribute'
  | 'claim.empty'
  | 'claim.outside-article';

/** The payloads of the parser's codes that carry one; the others carry none. */
export interface SyntaxPayloads {
  'frontmatter.duplicate-key': { key: string };
  'article.missing-field': { field: string };
  'article.unknown-perspective': { perspective: string };
  'actor.missing-field': { field: string };
}

export type SyntaxPayload<C extends SyntaxCode> = C extends keyof SyntaxPayloads ? SyntaxPayloads[C] : Record<string, never>;

/** A span of another note a diagnostic relates to, e.g. the other definition of a duplicate id. */
export interface RelatedSpan {
  uri: string;
  span: Span;
  message: string;
}

/** A problem found, before a severity is given to it (the configured one, or its code's default). */
export interface Finding<Code extends string = string, Data = unknown> {
  code: Code;
  message: string;
  span: Span;
  /** Notes the message relates to, e.g. the other occurrences of a duplicate id. */
  related?: RelatedSpan[];
  /** What quick fixes read back: typed per code by the registry. */
  data?: Data;
}

/** A finding at its severity: what a host shows. */
export interface CoreDiagnostic<Code extends string = string, Data = unknown> extends Finding<Code, Data> {
  severity: Severity;
}

/** One of the parser's findings; its payload, where its code has one, is required and typed. */
export type SyntaxFinding = { [C in SyntaxCode]: Finding<C, SyntaxPayload<C>> }[SyntaxCode];

export function diagnostic<C extends SyntaxCode>(
  code: C,
  span: Span,
  message: string,
  ...data: C extends keyof SyntaxPayloads ? [SyntaxPayloads[C]] : []
): SyntaxFinding {
  return { code, message, span, ...(data.length > 0 ? { data: data[0] } : {}) } as SyntaxFinding;
}
