import { claimStatus, outletKey, outletLabel, perspectiveLabel } from '../rules/counterSource';
import type { ClaimSpan } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { plainText } from '../syntax/sentences';
import { NEVER_CANCELLED, type Cancellation, type Mention, type Workspace } from '../model/workspace';
import type { ClaimMatrixData, MatrixCell, MatrixOccurrence, MatrixRow } from '../../../shared/src/claimMatrixData';
import { FORMAT_DOCS_URL } from '../../../shared/src/projectLinks';

export type { ClaimMatrixData, MatrixCell, MatrixOccurrence, MatrixRow };

const EXCERPT_LENGTH = 280;

/** Claims against outlets, grouped by perspective: the workspace's cross-source picture. Cancelled, the rows made so far. */
export function buildClaimMatrix(workspace: Workspace, token: Cancellation = NEVER_CANCELLED): ClaimMatrixData {
  const outletsByPerspective = new Map<string, Set<string>>();
  const rows: MatrixRow[] = [];
  const nameOf = (nameOrId: string) => workspace.resolveActor(nameOrId)?.meta.name ?? nameOrId;
  const sortedMentions = new Map<string, Mention[]>();
  const mentionsOf = (uri: string): Mention[] => {
    let mentions = sortedMentions.get(uri);
    if (!mentions) sortedMentions.set(uri, (mentions = [...workspace.mentionsIn(uri)].sort((a, b) => a.span.start - b.span.start)));
    return mentions;
  };
  for (const key of workspace.claimKeys()) {
    if (token.isCancellationRequested) break;
    const occurrences = workspace.occurrences(key);
    if (occurrences.length === 0) continue;
    const cells = new Map<string, MatrixCell>();
    const claimants = new Set<string>();
    const actors = new Set<string>();
    let hasCounterSource = true;
    for (const occurrence of occurrences) {
      const { note, claim } = occurrence;
      const outlet = outletLabel(note);
      const perspective = perspectiveLabel(note);
      const cellKey = outletKey(note);
      const line = note.lines.positionAt(claim.span.start).line;
      const cell = cells.get(cellKey) ?? { outlet, perspective, stances: [], uri: note.uri, line, occurrences: [] };
      if (!cell.stances.includes(claim.stance)) cell.stances.push(claim.stance);
      const claimant = claim.by ? nameOf(claim.by) : undefined;
      cell.occurrences.push(matrixOccurrence(note, claim, line, claimant));
      cells.set(cellKey, cell);
      if (claimant) {
        claimants.add(claimant);
        actors.add(claimant);
      }
      for (const actorId of actorsNamedIn(mentionsOf(note.uri), claim)) actors.add(nameOf(actorId));
      const status = claimStatus(occurrence, occurrences);
      if (!status.hasCounterSource && !status.singleSource) hasCounterSource = false;
      const outlets = outletsByPerspective.get(perspective) ?? new Set<string>();
      outlets.add(outlet);
      outletsByPerspective.set(perspective, outlets);
    }
    const sorted = (names: Set<string>) => [...names].sort((a, b) => a.localeCompare(b));
    rows.push({ key, claimants: [...claimants].sort(), actors: sorted(actors), hasCounterSource, cells: [...cells.values()] });
  }
  const order = workspace.configuration.perspectives;
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  const perspectives = [...outletsByPerspective]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([perspective, outlets]) => ({ perspective, outlets: [...outlets].sort((a, b) => a.localeCompare(b)) }));
  return { perspectives, rows };
}

function matrixOccurrence(note: Note, claim: ClaimSpan, line: number, claimant: string | undefined): MatrixOccurrence {
  const text = plainText(note.text, claim.textSpan, note.wikiLinks, note.claims);
  const occurrence: MatrixOccurrence = { stance: claim.stance, uri: note.uri, path: note.path, line, text: shorten(text, EXCERPT_LENGTH) };
  if (claimant) occurrence.claimant = claimant;
  if (note.article?.title) occurrence.title = note.article.title;
  const date = isoDate(note.article?.date);
  if (date) occurrence.date = date;
  return occurrence;
}

/** Ids of the actors a claim's words mention (wiki links and bare aliases), from the note's mentions sorted by start. */
function actorsNamedIn(sortedMentions: readonly Mention[], claim: ClaimSpan): string[] {
  const { start, end } = claim.textSpan;
  let low = 0;
  let high = sortedMentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sortedMentions[middle].span.start < start) low = middle + 1;
    else high = middle;
  }
  const ids: string[] = [];
  for (let i = low; i < sortedMentions.length && sortedMentions[i].span.start < end; i++) {
    const mention = sortedMentions[i];
    if (mention.kind !== 'by' && mention.span.end <= end) ids.push(mention.actorId);
  }
  return ids;
}

/** `2022-06-20` from a frontmatter date such as `2022-06-20` or `2022-06-20T10:00Z`; other forms as written. */
function isoDate(date: string | undefined): string | undefined {
  const trimmed = date?.trim();
  if (!trimmed) return undefined;
  return /^\d{4}-\d{2}-\d{2}(?![\d])/.exec(trimmed)?.[0] ?? trimmed;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max * 0.6 ? cut : max)}…`;
}

const STANCE_MARK: Record<string, string> = { asserts: 'asserts', reports: 'reports', disputes: 'DISPUTES' };

function cellText(row: MatrixRow, perspective: string, outlet: string): string {
  const cell = row.cells.find((c) => c.outlet === outlet && c.perspective === perspective);
  return cell ? cell.stances.map((s) => STANCE_MARK[s] ?? s).join('/') : '';
}

/** What an empty matrix says: how to annotate a first claim, and where the format is explained. */
const EMPTY_MATRIX = [
  'No claims in this workspace yet.',
  'Annotate a claim in an article as [the claimed words]{claim=key by=actor stance=asserts}, with the same key in every',
  `article that carries it; each key becomes a row here. How: ${FORMAT_DOCS_URL}#6-claims`,
].join('\n');

/** The matrix as a plain-text table for a terminal. */
export function renderMatrixText(matrix: ClaimMatrixData): string {
  if (matrix.rows.length === 0) return `${EMPTY_MATRIX}\n`;
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
  if (matrix.rows.length === 0) return `# Claim matrix\n\n${EMPTY_MATRIX}\n`;
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
