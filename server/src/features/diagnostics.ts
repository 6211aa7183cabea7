import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ConfigProblem } from '../model/config';
import { codeDocsHref, firstSentence } from '../rules/codeDocs';
import { DEFAULT_SEVERITIES, noteDiagnostics, type Diagnostic as CoreDiagnostic, type DiagnosticsOptions } from '../rules/registry';
import type { Severity } from '../syntax/diagnostics';
import type { FeatureContext } from './context';

export const DIAGNOSTIC_SOURCE = 'counterpoint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `counterpoint.yaml`'s problems, each on its line, as an error (`config.invalid`). */
export function configDiagnostics(problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((problem) => ({
    range: { start: { line: problem.line, character: 0 }, end: { line: problem.line, character: Number.MAX_SAFE_INTEGER } },
    severity: SEVERITY[DEFAULT_SEVERITIES['config.invalid']],
    code: 'config.invalid',
    codeDescription: { href: codeDocsHref('config.invalid') },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  }));
}

/** The one place where domain diagnostics become LSP diagnostics. */
export function provideDiagnostics(ctx: FeatureContext, uri: string, options: DiagnosticsOptions = {}): Diagnostic[] {
  const note = ctx.workspace.getNote(uri);
  if (!note) return [];
  return noteDiagnostics(ctx.workspace, uri, options).map((d) => toLspDiagnostic(ctx, note.lines.rangeOf(d.span), d));
}

function toLspDiagnostic(ctx: FeatureContext, range: Diagnostic['range'], d: CoreDiagnostic): Diagnostic {
  // The Problems view shows the first sentence; the advice that follows it is behind the code's link to the docs.
  const result: Diagnostic = {
    range, severity: SEVERITY[d.severity], code: d.code, codeDescription: { href: codeDocsHref(d.code) }, source: DIAGNOSTIC_SOURCE, message: firstSentence(d.message),
  };
  if (d.data) result.data = d.data;
  if (d.related) {
    result.relatedInformation = d.related.flatMap((r) => {
      const other = ctx.workspace.getNote(r.uri);
      return other ? [{ location: { uri: r.uri, range: other.lines.rangeOf(r.span) }, message: r.message }] : [];
    });
  }
  return result;
}
