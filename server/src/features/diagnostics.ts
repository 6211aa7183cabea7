import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticsOptions } from '../model/workspace';
import type { CoreDiagnostic, Severity } from '../syntax/diagnostics';
import type { FeatureContext } from './context';

export const DIAGNOSTIC_SOURCE = 'counterpoint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The one place where core diagnostics become LSP diagnostics. */
export function provideDiagnostics(ctx: FeatureContext, uri: string, options: DiagnosticsOptions = {}): Diagnostic[] {
  const note = ctx.workspace.getNote(uri);
  if (!note) return [];
  return ctx.workspace.diagnostics(uri, options).map((d) => toLspDiagnostic(ctx, note.lines.rangeOf(d.span), d));
}

function toLspDiagnostic(ctx: FeatureContext, range: Diagnostic['range'], d: CoreDiagnostic): Diagnostic {
  const result: Diagnostic = { range, severity: SEVERITY[d.severity], code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message };
  if (d.data) result.data = d.data;
  if (d.related) {
    result.relatedInformation = d.related.flatMap((r) => {
      const other = ctx.workspace.getNote(r.uri);
      return other ? [{ location: { uri: r.uri, range: other.lines.rangeOf(r.span) }, message: r.message }] : [];
    });
  }
  return result;
}
