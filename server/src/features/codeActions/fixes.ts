// The quick fixes, looked up by the code of the diagnostic they fix. Each rule declares its codes' fixes by name
// (rules/*.ts); the table below must implement every one of them, or it does not compile.
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { isDiagnosticCode, payloadOf, type DiagnosticCode, type FixOfCode } from '../../rules/registry';
import type { Note } from '../../syntax/note';
import type { Cancellation, FeatureContext } from '../context';
import { aliasNearMatchActions } from './aliasDiscovery';
import { counterSourceActions } from './counterSourceCandidates';
import { createActorActions } from './createActor';
import { actorCandidateActions, claimCandidateActions } from './importHints';
import { markSingleSourceActions } from './markSingleSource';
import type { Found } from './shared';

/** The actions of one fix for every diagnostic of its code in a request (some are offered once for several). */
export type QuickFix<C extends DiagnosticCode> = (ctx: FeatureContext, note: Note, found: readonly Found<C>[], token?: Cancellation) => CodeAction[];

type CodeWithFixes = { [C in DiagnosticCode]: [FixOfCode<C>] extends [never] ? never : C }[DiagnosticCode];

/** Every fix of every code, in the order their actions are listed. */
const QUICK_FIXES: { readonly [C in CodeWithFixes]: { readonly [F in FixOfCode<C>]: QuickFix<C> } } = {
  'actor.unknown': { 'create-actor-note': createActorActions },
  'claim.no-counter-source': { 'annotate-counter-source': counterSourceActions, 'mark-single-source': markSingleSourceActions },
  'alias.near-match': { 'add-alias-or-link': aliasNearMatchActions },
  'actor.candidate': { 'create-dismiss-or-alias': actorCandidateActions },
  'claim.candidate': { 'annotate-or-dismiss': claimCandidateActions },
};

/**
 * The quick fixes for the diagnostics an editor sends back: grouped by code, each payload checked against its code's
 * declaration (a diagnostic with a missing or malformed payload gets none), then each code's fixes in turn.
 */
export function quickFixes(ctx: FeatureContext, note: Note, diagnostics: readonly Diagnostic[], token?: Cancellation): CodeAction[] {
  const found = new Map<DiagnosticCode, Found<DiagnosticCode>[]>();
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (typeof code !== 'string' || !isDiagnosticCode(code)) continue;
    const data = payloadOf(code, diagnostic.data);
    if (!data) continue;
    const list = found.get(code) ?? [];
    list.push({ diagnostic, data });
    found.set(code, list);
  }
  const actions: CodeAction[] = [];
  for (const [code, fixes] of Object.entries(QUICK_FIXES) as [CodeWithFixes, Record<string, QuickFix<CodeWithFixes>>][]) {
    const ofCode = found.get(code) as Found<CodeWithFixes>[] | undefined;
    if (!ofCode) continue;
    for (const fix of Object.values(fixes)) actions.push(...fix(ctx, note, ofCode, token));
  }
  return actions;
}
