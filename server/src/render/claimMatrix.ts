import { judgeKey, partyOf, positionOf, sourceKey, verdictCounts } from '../rules/claimVerdicts';
import { partyPhrase } from './verdictText';
import type { ClaimSpan, WikiLink } from '../syntax/markdown';
import type { Span } from '../syntax/text';
import type { Note } from '../syntax/note';
import { shorten } from '../syntax/sanitize';
import { plainText } from '../syntax/sentences';
import { NEVER_CANCELLED, type Cancellation, type Mention, type Workspace } from '../model/workspace';
import type { ClaimMatrixData, MatrixAppearance, MatrixCell, MatrixOccurrence, MatrixRow } from '../../../shared/src/claimMatrixData';
import { articleDate, carriesClaim, claimTimeline, type Appearance } from './claimTimeline';
import { FORMAT_DOCS_URL } from '../../../shared/src/projectLinks';

export type { ClaimMatrixData, MatrixCell, MatrixOccurrence, MatrixRow };

const EXCERPT_LENGTH = 280;

/** How many contesting parties a row names. */
const CONTESTERS_NAMED = 5;

/**
 * Claims against outlets, grouped by perspective: the workspace's cross-source picture. Each key is judged once (linear
 * in its occurrences). Cancelled, the rows made so far.
 */
export function buildClaimMatrix(workspace: Workspace, token: Cancellation = NEVER_CANCELLED): ClaimMatrixData {
  const outletsByPerspective = new Map<string, Set<string>>();
  const rows: MatrixRow[] = [];
  const nameOf = (nameOrId: string) => workspace.resolveActor(nameOrId)?.meta.name ?? nameOrId;
  const sortedMarkup = new Map<Note, NoteMarkup>();
  const markupOf = (note: Note): NoteMarkup => {
    let markup = sortedMarkup.get(note);
    if (!markup) sortedMarkup.set(note, (markup = sortMarkup(note)));
    return markup;
  };
  const dates = new Map<Note, string | undefined>();
  const dateOf = (note: Note): string | undefined => {
    if (!dates.has(note)) dates.set(note, articleDate(note));
    return dates.get(note);
  };
  const sortedMentions = new Map<string, Mention[]>();
  const mentionsOf = (uri: string): Mention[] => {
    let mentions = sortedMentions.get(uri);
    if (!mentions) sortedMentions.set(uri, (mentions = [...workspace.mentionsIn(uri)].sort((a, b) => a.span.start - b.span.start)));
    return mentions;
  };
  keys: for (const key of workspace.claimKeys()) {
    if (token.isCancellationRequested) break;
    const occurrences = workspace.occurrences(key);
    if (occurrences.length === 0) continue;
    const judgement = judgeKey(occurrences, token);
    if (!judgement) break;
    const cells = new Map<string, MatrixCell>();
    const claimants = new Set<string>();
    const actors = new Set<string>();
    const contestedBy: string[] = [];
    const carriedBy = new Map<string, Set<string>>();
    for (let i = 0; i < occurrences.length; i++) {
      if (i % 1024 === 0 && token.isCancellationRequested) break keys;
      const occurrence = occurrences[i];
      const { note, claim } = occurrence;
      // A copy is filed under its original outlet; its occurrence says which site it was read on.
      const outlet = note.article?.['original-outlet'] || note.article?.outlet || note.path;
      const perspective = note.article?.perspective || 'no perspective';
      const cellKey = `${sourceKey(note)}\u0000${perspective}`;
      const line = note.lines.positionAt(claim.span.start).line;
      const cell = cells.get(cellKey) ?? { outlet, perspective, stances: [], uri: note.uri, line, occurrences: [] };
      if (!cell.stances.includes(claim.stance)) cell.stances.push(claim.stance);
      const claimant = claim.by ? nameOf(claim.by) : undefined;
      const matrixEntry = matrixOccurrence(note, claim, line, claimant, markupOf(note));
      matrixEntry.verdict = judgement.verdicts[i];
      cell.occurrences.push(matrixEntry);
      const date = carriesClaim(occurrence) ? dateOf(note) : undefined;
      if (date !== undefined && (cell.firstDate === undefined || date < cell.firstDate)) cell.firstDate = date;
      cells.set(cellKey, cell);
      if (claimant) {
        claimants.add(claimant);
        actors.add(claimant);
      }
      for (const actorId of actorsNamedIn(mentionsOf(note.uri), claim)) actors.add(nameOf(actorId));
      if (positionOf(claim.stance) === 'contests') {
        const phrase = partyPhrase(partyOf(occurrence), nameOf);
        if (contestedBy.length < CONTESTERS_NAMED && !contestedBy.includes(phrase)) contestedBy.push(phrase);
      } else {
        const outlets = carriedBy.get(perspective) ?? new Set<string>();
        carriedBy.set(perspective, outlets.add(outlet));
      }
      const outlets = outletsByPerspective.get(perspective) ?? new Set<string>();
      outlets.add(outlet);
      outletsByPerspective.set(perspective, outlets);
    }
    const sorted = (names: Set<string>) => [...names].sort((a, b) => a.localeCompare(b));
    const verdicts = verdictCounts(judgement.verdicts);
    const timeline = claimTimeline(occurrences);
    rows.push({
      key, claimants: [...claimants].sort(), actors: sorted(actors), hasCounterSource: verdicts.lacking === 0, cells: [...cells.values()],
      verdicts, contestedBy, carriedBy: [...carriedBy].map(([perspective, outlets]) => `${perspective}: ${sorted(outlets).join(', ')}`),
      ...(timeline.first ? { firstAppearance: matrixAppearance(timeline.first) } : {}),
      spread: timeline.spread.map(matrixAppearance),
    });
  }
  const order = workspace.configuration.perspectives;
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  const perspectives = [...outletsByPerspective]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([perspective, outlets]) => ({ perspective, outlets: [...outlets].sort((a, b) => a.localeCompare(b)) }));
  return { perspectives, rows };
}

function matrixAppearance(appearance: Appearance): MatrixAppearance {
  return { date: appearance.date, outlet: appearance.outlet, perspective: appearance.perspective ?? 'no perspective' };
}

export type MatrixOrder = 'key' | 'first';

/**
 * The rows in another order: `first`, by first appearance (undated claims last, by key); `key`, by key (as built).
 * A new matrix; the one given is left as it is.
 */
export function sortMatrix(matrix: ClaimMatrixData, order: MatrixOrder): ClaimMatrixData {
  if (order === 'key') return matrix;
  const rows = [...matrix.rows].sort((a, b) => {
    const da = a.firstAppearance?.date;
    const db = b.firstAppearance?.date;
    if (da !== db) {
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      return da < db ? -1 : 1;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return { ...matrix, rows };
}

/** A note's wiki links and claims, sorted by where they start. */
interface NoteMarkup {
  wikiLinks: WikiLink[];
  claims: ClaimSpan[];
}

function sortMarkup(note: Note): NoteMarkup {
  const byStart = (a: { span: Span }, b: { span: Span }) => a.span.start - b.span.start;
  return { wikiLinks: [...note.wikiLinks].sort(byStart), claims: [...note.claims].sort(byStart) };
}

/**
 * The items that start inside a span (markup nests, so those are all that can lie in it), found by binary search: a
 * note with 20,000 claims must not scan them all for each one.
 */
function startingIn<T extends { span: Span }>(sorted: readonly T[], span: Span): readonly T[] {
  const firstAtOrAfter = (offset: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle].span.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return sorted.slice(firstAtOrAfter(span.start), firstAtOrAfter(span.end));
}

function matrixOccurrence(note: Note, claim: ClaimSpan, line: number, claimant: string | undefined, markup: NoteMarkup): MatrixOccurrence {
  const text = plainText(note.text, claim.textSpan, startingIn(markup.wikiLinks, claim.textSpan), startingIn(markup.claims, claim.textSpan));
  const occurrence: MatrixOccurrence = { stance: claim.stance, uri: note.uri, path: note.path, line, text: shorten(text, EXCERPT_LENGTH) };
  if (claimant) occurrence.claimant = claimant;
  if (note.article?.title) occurrence.title = note.article.title;
  if (note.article?.['original-outlet'] && note.article.outlet) occurrence.via = note.article.outlet;
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
  return /^\d{4}-\d{2}-\d{2}(?!\d)/.exec(trimmed)?.[0] ?? trimmed;
}

const STANCE_MARK: Record<string, string> = { asserts: 'asserts', reports: 'reports', disputes: 'DISPUTES', qualifies: 'QUALIFIES' };

/** A row's stances under one outlet, read from the row's cells indexed by column (not searched once per column). */
function cellTexts(): (row: MatrixRow, perspective: string, outlet: string) => string {
  const byRow = new Map<MatrixRow, Map<string, MatrixCell>>();
  return (row, perspective, outlet) => {
    let byColumn = byRow.get(row);
    if (!byColumn) byRow.set(row, (byColumn = new Map(row.cells.map((c) => [`${c.perspective}\n${c.outlet}`, c]))));
    const cell = byColumn.get(`${perspective}\n${outlet}`);
    return cell ? cell.stances.map((s) => STANCE_MARK[s] ?? s).join('/') : '';
  };
}

/**
 * More outlets than this and a table (one column per outlet, a line per claim) grows with claims times outlets, far
 * past what anyone reads: the matrix is then listed claim by claim, each with the outlets that carry it.
 */
const MAX_TABLE_COLUMNS = 24;
/** Keys and outlet names are cut to this in a table's cells and headings. */
const MAX_TABLE_LABEL = 40;

/** The matrix claim by claim: `key: outlet (perspective) stance; …`, linear in what the notes carry. */
function matrixList(matrix: ClaimMatrixData, line: (row: MatrixRow, carried: string) => string): string[] {
  return matrix.rows.map((row) => line(row, row.cells.map((c) => `${c.outlet} (${c.perspective}) ${c.stances.map((s) => STANCE_MARK[s] ?? s).join('/')}`).join('; ')));
}

const VERDICT_ORDER = ['contested', 'corroborated', 'cited', 'single-source', 'lacking'] as const;

function occurrenceCount(matrix: ClaimMatrixData): number {
  return matrix.rows.reduce((sum, row) => sum + row.cells.reduce((n, cell) => n + cell.occurrences.length, 0), 0);
}

/** The verdicts of every occurrence of the workspace, counted. */
export function totalVerdicts(matrix: ClaimMatrixData): Record<string, number> {
  const total: Record<string, number> = Object.fromEntries(VERDICT_ORDER.map((verdict) => [verdict, 0]));
  for (const row of matrix.rows) for (const verdict of VERDICT_ORDER) total[verdict] += row.verdicts?.[verdict] ?? 0;
  return total;
}

/** "3 contested, 6 corroborated, 1 lacking": the verdicts that occur, in a fixed order. */
export function verdictSummary(counts: Record<string, number> | undefined): string {
  const parts = VERDICT_ORDER.filter((verdict) => (counts?.[verdict] ?? 0) > 0).map((verdict) => `${counts![verdict]} ${verdict}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** A row's verdicts and who they rest on: "2 contested, 3 corroborated · contested by …; carried by western: BBC; …". */
function verdictLine(row: MatrixRow): string {
  const parts = [verdictSummary(row.verdicts)];
  if (row.contestedBy && row.contestedBy.length > 0) parts.push(`contested by ${row.contestedBy.join('; ')}`);
  if (row.carriedBy && row.carriedBy.length > 0) parts.push(`carried by ${row.carriedBy.join('; ')}`);
  return parts.join(' · ');
}

/** "2022-06-17 TASS": the first appearance, or nothing for a claim only undated articles carry. */
function firstSeen(row: MatrixRow): string {
  return row.firstAppearance ? `${row.firstAppearance.date} ${row.firstAppearance.outlet}` : '';
}
/** What an empty matrix says: how to annotate a first claim, and where the format is explained. */
const EMPTY_MATRIX = [
  'No claims in this workspace yet.',
  'Annotate a claim in an article as [the claimed words]{claim=key by=actor stance=asserts}, with the same key in every',
  `article that carries it; each key becomes a row here. How: ${FORMAT_DOCS_URL}#6-claims`,
].join('\n');

/** The matrix as a plain-text table for a terminal (a list when there are many outlets). */
export function renderMatrixText(matrix: ClaimMatrixData): string {
  if (matrix.rows.length === 0) return `${EMPTY_MATRIX}\n`;
  const columns = matrix.perspectives.flatMap(({ perspective, outlets }) => outlets.map((outlet) => ({ perspective, outlet, label: shorten(outlet, MAX_TABLE_LABEL) })));
  if (columns.length > MAX_TABLE_COLUMNS) {
    const flagged = matrix.rows.filter((r) => !r.hasCounterSource).length;
    return [
      ...matrixList(matrix, (row, carried) => `${row.hasCounterSource ? '  ' : '! '}${row.key}: ${carried}`),
      `${matrix.rows.length} claims, ${columns.length} outlets in ${matrix.perspectives.length} perspectives (listed, too many outlets for a table); ${flagged} marked ! lack a counter-source.`,
    ].join('\n') + '\n';
  }
  const cellText = cellTexts();
  const keyWidth = Math.max(5, ...matrix.rows.map((r) => Math.min(r.key.length, MAX_TABLE_LABEL) + 2));
  const widths = columns.map(({ perspective, outlet, label }) =>
    Math.max(label.length, 8, ...matrix.rows.map((r) => cellText(r, perspective, outlet).length)));
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
  const groupLine = pad('', keyWidth) + ' | ' + matrix.perspectives
    .map(({ perspective, outlets }) => {
      const span = outlets.reduce((sum, outlet) => sum + widths[columns.findIndex((c) => c.outlet === outlet && c.perspective === perspective)] + 3, -3);
      return pad(perspective, span);
    }).join(' | ');
  const header = pad('claim', keyWidth) + ' | ' + columns.map((c, i) => pad(c.label, widths[i])).join(' | ') + ' | first seen';
  const rule = '-'.repeat(header.length);
  const lines = [groupLine, header, rule];
  for (const row of matrix.rows) {
    const mark = row.hasCounterSource ? '  ' : '! ';
    lines.push(pad(mark + shorten(row.key, MAX_TABLE_LABEL), keyWidth) + ' | ' + columns.map((c, i) => pad(cellText(row, c.perspective, c.outlet), widths[i])).join(' | ') + ` | ${firstSeen(row)}`);
  }
  const flagged = matrix.rows.filter((r) => !r.hasCounterSource).length;
  lines.push(rule, `${matrix.rows.length} claims, ${columns.length} outlets in ${matrix.perspectives.length} perspectives; ${flagged} marked ! lack a counter-source.`);
  lines.push('', `Verdicts of the ${occurrenceCount(matrix)} occurrences: ${verdictSummary(totalVerdicts(matrix))}.`);
  for (const row of matrix.rows) lines.push(`${pad(`${row.hasCounterSource ? '  ' : '! '}${row.key}`, keyWidth)}  ${verdictLine(row)}`);
  return lines.join('\n') + '\n';
}

/** The matrix as a markdown table; note text never reaches it, only keys, outlets and perspectives, which are escaped. */
export function renderMatrixMarkdown(matrix: ClaimMatrixData, escape: (text: string) => string): string {
  if (matrix.rows.length === 0) return `# Claim matrix\n\n${EMPTY_MATRIX}\n`;
  const columns = matrix.perspectives.flatMap(({ perspective, outlets }) => outlets.map((outlet) => ({ perspective, outlet })));
  if (columns.length > MAX_TABLE_COLUMNS) {
    return [
      '# Claim matrix',
      '',
      `${matrix.rows.length} claims across ${columns.length} outlets, listed claim by claim (too many outlets for a table). ⚠ marks a claim without a counter-source.`,
      '',
      ...matrixList(matrix, (row, carried) => `- ${row.hasCounterSource ? '' : '⚠ '}\`${row.key}\`: ${escape(carried)}`),
    ].join('\n') + '\n';
  }
  const cellText = cellTexts();
  const lines = [
    '# Claim matrix',
    '',
    `${matrix.rows.length} claims across ${columns.length} outlets. ⚠ marks a claim without a counter-source.`,
    '',
    `| claim | ${columns.map((c) => `${escape(c.outlet)}<br>*${escape(c.perspective)}*`).join(' | ')} | first seen |`,
    `|---|${columns.map(() => '---').join('|')}|---|`,
  ];
  for (const row of matrix.rows) {
    const cells = columns.map((c) => escape(cellText(row, c.perspective, c.outlet)));
    lines.push(`| ${row.hasCounterSource ? '' : '⚠ '}\`${row.key}\` | ${cells.join(' | ')} | ${escape(firstSeen(row))} |`);
  }
  lines.push('', '## Verdicts', '', `Of the ${occurrenceCount(matrix)} occurrences: ${verdictSummary(totalVerdicts(matrix))}.`, '');
  for (const row of matrix.rows) lines.push(`- ${row.hasCounterSource ? '' : '⚠ '}\`${row.key}\`: ${escape(verdictLine(row))}`);
  return lines.join('\n') + '\n';
}
