import { claimStatus, outletKey } from './counterSource';
import type { Workspace } from './workspace';

export interface MatrixCell {
  outlet: string;
  perspective: string;
  /** The stances the outlet takes on the claim; more than one when its notes differ. */
  stances: string[];
  uri: string;
  /** Zero-based line of the outlet's first occurrence. */
  line: number;
}

export interface MatrixRow {
  key: string;
  claimants: string[];
  /** Every occurrence of the claim has a counter-source (or is marked single-source). */
  hasCounterSource: boolean;
  cells: MatrixCell[];
}

export interface ClaimMatrixData {
  /** Perspectives in configured order, each with its outlets in alphabetical order. */
  perspectives: { perspective: string; outlets: string[] }[];
  rows: MatrixRow[];
}

/** Claims against outlets, grouped by perspective: the workspace's cross-source picture. */
export function buildClaimMatrix(workspace: Workspace): ClaimMatrixData {
  const outletsByPerspective = new Map<string, Set<string>>();
  const rows: MatrixRow[] = [];
  for (const key of workspace.claimKeys()) {
    const occurrences = workspace.occurrences(key);
    if (occurrences.length === 0) continue;
    const cells = new Map<string, MatrixCell>();
    const claimants = new Set<string>();
    let hasCounterSource = true;
    for (const occurrence of occurrences) {
      const { note, claim } = occurrence;
      const outlet = note.article?.outlet ?? note.path;
      const perspective = note.article?.perspective || 'no perspective';
      const cellKey = outletKey(note);
      const cell = cells.get(cellKey) ?? { outlet, perspective, stances: [], uri: note.uri, line: note.lines.positionAt(claim.span.start).line };
      if (!cell.stances.includes(claim.stance)) cell.stances.push(claim.stance);
      cells.set(cellKey, cell);
      if (claim.by) claimants.add(workspace.resolveActor(claim.by)?.meta.name ?? claim.by);
      const status = claimStatus(occurrence, occurrences);
      if (!status.hasCounterSource && !status.singleSource) hasCounterSource = false;
      const outlets = outletsByPerspective.get(perspective) ?? new Set<string>();
      outlets.add(outlet);
      outletsByPerspective.set(perspective, outlets);
    }
    rows.push({ key, claimants: [...claimants].sort(), hasCounterSource, cells: [...cells.values()] });
  }
  const order = workspace.configuration.perspectives;
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  const perspectives = [...outletsByPerspective]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([perspective, outlets]) => ({ perspective, outlets: [...outlets].sort((a, b) => a.localeCompare(b)) }));
  return { perspectives, rows };
}

const STANCE_MARK: Record<string, string> = { asserts: 'asserts', reports: 'reports', disputes: 'DISPUTES' };

function cellText(row: MatrixRow, perspective: string, outlet: string): string {
  const cell = row.cells.find((c) => c.outlet === outlet && c.perspective === perspective);
  return cell ? cell.stances.map((s) => STANCE_MARK[s] ?? s).join('/') : '';
}

/** The matrix as a plain-text table for a terminal. */
export function renderMatrixText(matrix: ClaimMatrixData): string {
  if (matrix.rows.length === 0) return 'No claims in this workspace yet.\n';
  const columns = matrix.perspectives.flatMap(({ perspective, outlets }) => outlets.map((outlet) => ({ perspective, outlet })));
  const keyWidth = Math.max(5, ...matrix.rows.map((r) => r.key.length + 2));
  const widths = columns.map(({ perspective, outlet }) =>
    Math.max(outlet.length, 8, ...matrix.rows.map((r) => cellText(r, perspective, outlet).length)));
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
  const groupLine = pad('', keyWidth) + ' | ' + matrix.perspectives
    .map(({ perspective, outlets }) => {
      const span = outlets.reduce((sum, outlet) => sum + widths[columns.findIndex((c) => c.outlet === outlet && c.perspective === perspective)] + 3, -3);
      return pad(perspective, span);
    }).join(' | ');
  const header = pad('claim', keyWidth) + ' | ' + columns.map((c, i) => pad(c.outlet, widths[i])).join(' | ');
  const rule = '-'.repeat(header.length);
  const lines = [groupLine, header, rule];
  for (const row of matrix.rows) {
    const mark = row.hasCounterSource ? '  ' : '! ';
    lines.push(pad(mark + row.key, keyWidth) + ' | ' + columns.map((c, i) => pad(cellText(row, c.perspective, c.outlet), widths[i])).join(' | '));
  }
  const flagged = matrix.rows.filter((r) => !r.hasCounterSource).length;
  lines.push(rule, `${matrix.rows.length} claims, ${columns.length} outlets in ${matrix.perspectives.length} perspectives; ${flagged} marked ! lack a counter-source.`);
  return lines.join('\n') + '\n';
}

/** The matrix as a markdown table; note text never reaches it, only keys, outlets and perspectives, which are escaped. */
export function renderMatrixMarkdown(matrix: ClaimMatrixData, escape: (text: string) => string): string {
  if (matrix.rows.length === 0) return '# Claim matrix\n\nNo claims in this workspace yet.\n';
  const columns = matrix.perspectives.flatMap(({ perspective, outlets }) => outlets.map((outlet) => ({ perspective, outlet })));
  const lines = [
    '# Claim matrix',
    '',
    `${matrix.rows.length} claims across ${columns.length} outlets. ⚠ marks a claim without a counter-source.`,
    '',
    `| claim | ${columns.map((c) => `${escape(c.outlet)}<br>*${escape(c.perspective)}*`).join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
  ];
  for (const row of matrix.rows) {
    const cells = columns.map((c) => escape(cellText(row, c.perspective, c.outlet)));
    lines.push(`| ${row.hasCounterSource ? '' : '⚠ '}\`${row.key}\` | ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
