// What a diagnostic rule declares. Each rule module (one rule, or a small family) exports one `defineRule(...)`;
// rules/registry.ts lists them all and derives the code union, the payload types and the default severities.
import type { NoteDependency } from '../model/dependencies';
import type { Workspace } from '../model/workspace';
import type { RelatedSpan, Severity } from '../syntax/diagnostics';
import type { Note } from '../syntax/note';
import type { Span } from '../syntax/text';

/** A field of a payload: a non-empty string, an optional one, or a list of strings. */
export type FieldType = 'string' | 'string?' | 'string[]';
export type PayloadSchema = { readonly [field: string]: FieldType };

type RequiredFields<S extends PayloadSchema> = { -readonly [K in keyof S as S[K] extends 'string?' ? never : K]: S[K] extends 'string[]' ? string[] : string };
type OptionalFields<S extends PayloadSchema> = { -readonly [K in keyof S as S[K] extends 'string?' ? K : never]?: string };
type Flatten<T> = { [K in keyof T]: T[K] };

/** The TypeScript type of a payload schema: `{ key: 'string', outlet: 'string?' }` is `{ key: string; outlet?: string }`. */
export type PayloadOf<S extends PayloadSchema> = Flatten<RequiredFields<S> & OptionalFields<S>>;

/** One diagnostic code of a rule. */
export interface CodeSpec {
  /** One sentence: what a diagnostic of this code reports. */
  readonly summary: string;
  /** The section of docs/format.md that explains it, as GitHub's anchor for its heading (see formatSections.ts). */
  readonly section: string;
  readonly severity: Severity;
  /** The `data` a diagnostic of this code carries, which its quick fixes read back (checked, as it comes from the editor). */
  readonly payload: PayloadSchema;
  /** The quick fixes of this code, by name; features/codeActions/ must implement each (checked at compile time). */
  readonly fixes?: readonly string[];
}

/**
 * What a rule reads:
 * - `note`: the note alone (the parser's checks);
 * - `actors`: the note and the actor registry (actor notes are loaded first at start-up, so these are right early);
 * - `workspace`: other notes of any kind, so its diagnostics wait until the whole workspace is indexed;
 * - `config`: `counterpoint.yaml`, not notes.
 */
export type Scope = 'note' | 'actors' | 'workspace' | 'config';

export interface RuleContext {
  readonly workspace: Workspace;
  /** Whether a code's diagnostics are wanted at all: not `off`, and for a hint, hints asked for (see DiagnosticsOptions). */
  wants(code: string): boolean;
}

/** Reports one diagnostic of one of the rule's own codes, with the payload its code declares. */
export type Report<Codes extends Record<string, CodeSpec>> = <C extends keyof Codes & string>(
  code: C,
  span: Span,
  message: string,
  data: PayloadOf<Codes[C]['payload']>,
  related?: RelatedSpan[],
) => void;

export interface Rule<Codes extends Record<string, CodeSpec> = Record<string, CodeSpec>> {
  /** The module's name, for messages and docs. */
  readonly name: string;
  readonly codes: Codes;
  readonly scope: Scope;
  /**
   * What the check reads of notes other than the one checked: the model republishes a note when facts it reads change
   * elsewhere. Empty for rules of scope `note`.
   */
  readonly dependencies: readonly NoteDependency[];
  /**
   * Where the diagnostics come from: the parser (they are in `note.diagnostics`, made while the note was read), the
   * configuration loader, or this rule's `check`.
   */
  readonly producedBy: 'parser' | 'config loader' | 'check';
  /** Reports the rule's diagnostics for one note. Called only when one of its codes is wanted. */
  readonly check?: (note: Note, context: RuleContext, report: Report<Codes>) => void;
}

/** Declares a rule; the `const` parameter keeps the codes and payload field types literal for the registry. */
export function defineRule<const Codes extends Record<string, CodeSpec>>(rule: Rule<Codes>): Rule<Codes> {
  return rule;
}
