// The claim matrix as HTML: one renderer for the VS Code webview and the shareable `counterpoint report --html` page.
// Every string that comes from notes (keys, outlets, perspectives, names, claim words, paths) goes through escapeHtml;
// the page loads nothing, and its Content-Security-Policy lets only its own nonce'd style and script run.
import type { ClaimMatrixData, MatrixCell, MatrixOccurrence, MatrixRow } from './claimMatrixData';
// The page's stylesheets and script are real files in claimMatrix/, embedded as strings by `npm run build`.
import { FILE_PALETTE, MATRIX_STYLE, MATRIX_SCRIPT, WEBVIEW_PALETTE } from './claimMatrix/assets.generated';
import { FORMAT_DOCS_URL } from './projectLinks';

/** Where the page is shown: a VS Code webview (theme variables, opening notes by message) or a file in a browser. */
export type MatrixHost = 'webview' | 'file';

export interface MatrixHtmlOptions {
  host: MatrixHost;
  /** A fresh random value for each rendering ([A-Za-z0-9+/_=-]), which the CSP lets run. */
  nonce: string;
  /** Shown after the heading and in the page title, such as the workspace folder's name. */
  title?: string;
  /** A line at the foot of the page, such as when and from what it was generated. */
  footer?: string;
  /**
   * File host: the link to a note, as a path relative to the page with `/` separators (such as
   * `../samples/articles/x.md`); the renderer percent-encodes it. Without it, notes are not linked.
   */
  linkToNote?: (notePath: string) => string;
}

interface StanceLook {
  symbol: string;
  meaning: string;
}

/** Symbol and word together: colour is never the only signal. */
export const STANCE_LOOKS: Record<string, StanceLook> = {
  asserts: { symbol: '●', meaning: 'the claimant (the outlet, or whom it quotes) states it' },
  reports: { symbol: '◐', meaning: 'the outlet relays what someone said' },
  disputes: { symbol: '✕', meaning: 'the claimant (the outlet, or whom it quotes) denies or contradicts it' },
  qualifies: { symbol: '◇', meaning: 'the claimant narrows, hedges or partly contradicts it' },
};
const UNKNOWN_STANCE: StanceLook = { symbol: '?', meaning: 'a stance Counterpoint does not know' };
export const NO_COUNTER_SOURCE_MARK = '⚠';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** The policy of the page: nothing from anywhere, except its own nonce'd style and script and data: images. */
export function matrixContentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

interface Column {
  perspective: string;
  perspectiveIndex: number;
  outlet: string;
  /** First outlet of its perspective: drawn with a divider before it. */
  startsGroup: boolean;
}

/** The whole page: a self-contained HTML document with the table, filters, legend, style and script. */
export function renderClaimMatrixHtml(matrix: ClaimMatrixData, options: MatrixHtmlOptions): string {
  if (!/^[\w+/=-]{8,}$/.test(options.nonce)) throw new Error('renderClaimMatrixHtml: the nonce must be 8 or more base64 characters');
  const { host, nonce } = options;
  const columns: Column[] = matrix.perspectives.flatMap(({ perspective, outlets }, perspectiveIndex) =>
    outlets.map((outlet, i) => ({ perspective, perspectiveIndex, outlet, startsGroup: i === 0 && perspectiveIndex > 0 })));
  const actors = [...new Set(matrix.rows.flatMap((row) => row.actors))].sort((a, b) => a.localeCompare(b));
  const heading = options.title ? `Claim matrix — ${options.title}` : 'Claim matrix';
  const body = matrix.rows.length === 0
    ? renderEmptyState(host)
    : [
      renderFilters(matrix, actors),
      renderLegend(),
      '<main class="layout">',
      '<div class="table-wrap">',
      renderTable(matrix, columns, actors, options),
      '<p id="no-match" class="empty" hidden>No claim matches the filters.</p>',
      '</div>',
      '<aside id="detail" class="detail" aria-label="The selected cell"><p class="hint">Select a cell to read how the outlet words the claim.</p></aside>',
      '</main>',
    ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${matrixContentSecurityPolicy(nonce)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(host === 'file' ? ['<meta name="color-scheme" content="light dark">', '<link rel="icon" href="data:,">'] : []),
    `<title>${escapeHtml(heading)}</title>`,
    `<style nonce="${nonce}">${host === 'webview' ? WEBVIEW_PALETTE : FILE_PALETTE}${MATRIX_STYLE}</style>`,
    '</head>',
    `<body data-host="${host}">`,
    '<header class="top">',
    `<h1>Claim matrix${options.title ? ` <span class="subtitle">${escapeHtml(options.title)}</span>` : ''}</h1>`,
    `<p class="summary">${summary(matrix, columns.length)}</p>`,
    '</header>',
    body,
    ...(options.footer ? [`<footer class="foot">${escapeHtml(options.footer)}</footer>`] : []),
    `<script nonce="${nonce}">${MATRIX_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** What an empty matrix says: how to annotate a first claim, and where to learn more. */
function renderEmptyState(host: MatrixHost): string {
  return [
    '<section class="empty empty-state">',
    '<p><strong>No claims in this workspace yet.</strong></p>',
    '<p>A claim is the words of an article that carry a proposition, in brackets, followed by its key, who makes it and their stance:</p>',
    '<pre><code>[Kazakhstan will not recognise the DPR]{claim=no-recognition-dpr by=tokayev stance=reports}</code></pre>',
    '<p>Give the same key to the claim in every article that carries it. Each key then becomes a row here, with a column for every outlet that carries it, and the claims that only one side carries are marked ⚠.</p>',
    '<p>',
    ...(host === 'webview' ? ['<button type="button" id="open-walkthrough">Open the Get Started walkthrough</button>'] : []),
    `<a href="${FORMAT_DOCS_URL}#6-claims">How to annotate claims (the notes format)</a>`,
    '</p>',
    '</section>',
  ].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summary(matrix: ClaimMatrixData, outlets: number): string {
  const missing = matrix.rows.filter((row) => !row.hasCounterSource).length;
  return [
    plural(matrix.rows.length, 'claim'),
    `${plural(outlets, 'outlet')} in ${plural(matrix.perspectives.length, 'perspective')}`,
    `<span class="warn-mark" aria-hidden="true">${NO_COUNTER_SOURCE_MARK}</span> ${missing} without a counter-source`,
  ].join(' · ');
}

function renderFilters(matrix: ClaimMatrixData, actors: string[]): string {
  const actorOptions = actors.map((name, i) => `<option value="${i}">${escapeHtml(name)}</option>`).join('');
  const perspectiveBoxes = matrix.perspectives.map(({ perspective }, i) =>
    `<label class="check"><input type="checkbox" data-filter-p="${i}" value="${escapeHtml(perspective)}" checked> ${escapeHtml(perspective)}</label>`).join('');
  return [
    // Hidden until the script runs: without it the filters could not work, and the table alone still reads well.
    '<form id="filters" class="filters" aria-label="Filters" hidden>',
    `<label class="field">Actor <select id="f-actor"><option value="">All actors</option>${actorOptions}</select></label>`,
    `<fieldset class="group"><legend>Perspectives</legend>${perspectiveBoxes}</fieldset>`,
    '<fieldset class="group"><legend>Article date</legend>',
    '<label class="field">From <input type="date" id="f-from"></label>',
    '<label class="field">to <input type="date" id="f-to"></label>',
    '<label class="check"><input type="checkbox" id="f-undated" checked disabled> undated articles</label>',
    '</fieldset>',
    `<label class="check"><input type="checkbox" id="f-missing"> only <span aria-hidden="true">${NO_COUNTER_SOURCE_MARK}</span> without a counter-source</label>`,
    '<label class="field">Sort by <select id="f-sort"><option value="key">claim key</option><option value="first">first appearance</option></select></label>',
    '<button type="button" id="f-reset">Reset</button>',
    `<output id="f-count" aria-live="polite">${plural(matrix.rows.length, 'claim')}</output>`,
    '</form>',
  ].join('\n');
}

function renderLegend(): string {
  const stances = Object.entries(STANCE_LOOKS).map(([stance, look]) =>
    `<li>${stanceBadge(stance)} ${escapeHtml(look.meaning)}</li>`);
  return [
    '<ul class="legend" aria-label="Legend">',
    ...stances,
    `<li><span class="warn-mark" aria-hidden="true">${NO_COUNTER_SOURCE_MARK}</span> lacking a counter-source: no other outlet disputes or qualifies the claim, none of another perspective carries it, and it cites none (see each occurrence's verdict: contested, corroborated, cited, single-source or lacking)</li>`,
    '</ul>',
  ].join('\n');
}

/**
 * Up to this many cells, an empty one is labelled for screen readers ("TASS, russian-state: not carried"); a larger
 * table (thousands of claims and outlets) leaves empty cells bare, so that the page stays linear in what is carried
 * rather than in claims times outlets times the length of outlet names.
 */
const MAX_LABELLED_CELLS = 100_000;

function renderTable(matrix: ClaimMatrixData, columns: Column[], actors: string[], options: MatrixHtmlOptions): string {
  const labelEmpty = matrix.rows.length * columns.length <= MAX_LABELLED_CELLS;
  const groupRow = matrix.perspectives.map(({ perspective, outlets }, i) =>
    `<th scope="colgroup" colspan="${outlets.length}" class="perspective${i > 0 ? ' group-start' : ''}" data-p="${i}">${escapeHtml(perspective)}</th>`).join('');
  const outletRow = columns.map((column, i) =>
    `<th scope="col" class="outlet${column.startsGroup ? ' group-start' : ''}" data-p="${column.perspectiveIndex}" data-col="${i}">${escapeHtml(column.outlet)}</th>`).join('');
  const actorIndex = new Map(actors.map((name, i) => [name, i]));
  return [
    `<table id="matrix" class="matrix" role="grid" aria-label="Claims against outlets, grouped by perspective" aria-rowcount="${matrix.rows.length + 2}">`,
    '<thead>',
    `<tr><th scope="col" rowspan="2" class="corner">Claim <span class="muted">and claimants</span></th>${groupRow}</tr>`,
    `<tr>${outletRow}</tr>`,
    '</thead>',
    '<tbody>',
    ...matrix.rows.map((row) => renderRow(row, columns, actorIndex, options, labelEmpty)),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function renderRow(row: MatrixRow, columns: Column[], actorIndex: Map<string, number>, options: MatrixHtmlOptions, labelEmpty: boolean): string {
  const actors = row.actors.map((name) => actorIndex.get(name)).join(' ');
  const mark = row.hasCounterSource
    ? ''
    : `<span class="warn-mark" role="img" aria-label="No counter-source" title="No counter-source">${NO_COUNTER_SOURCE_MARK}</span> `;
  const claimants = row.claimants.length > 0 ? `<span class="claimants">by ${escapeHtml(row.claimants.join(', '))}</span>` : '';
  const first = row.firstAppearance
    ? `<span class="claimants">first ${escapeHtml(row.firstAppearance.date)}, ${escapeHtml(row.firstAppearance.outlet)}</span>` : '';
  const header = `<th scope="row" class="claim">${mark}<code class="key">${escapeHtml(row.key)}</code>${claimants}${first}</th>`;
  const byColumn = new Map(row.cells.map((c) => [`${c.perspective}\n${c.outlet}`, c]));
  const cells = columns.map((column, i) => renderCell(row, byColumn.get(`${column.perspective}\n${column.outlet}`), column, i, options, labelEmpty));
  return `<tr class="row${row.hasCounterSource ? '' : ' missing'}" data-key="${escapeHtml(row.key)}" data-actors="${actors}" data-first="${escapeHtml(row.firstAppearance?.date ?? '')}">${header}${cells.join('')}</tr>`;
}

function renderCell(row: MatrixRow, cell: MatrixCell | undefined, column: Column, index: number, options: MatrixHtmlOptions, labelEmpty: boolean): string {
  const classes = `cell${column.startsGroup ? ' group-start' : ''}`;
  const position = `data-p="${column.perspectiveIndex}" data-col="${index}"`;
  if (!cell && !labelEmpty) return `<td class="${classes}" ${position}></td>`;
  const where = `${escapeHtml(column.outlet)}, ${escapeHtml(column.perspective)}`;
  if (!cell) return `<td class="${classes}" ${position} tabindex="-1" aria-label="${where}: not carried"></td>`;
  const dates = [...new Set(cell.occurrences.map((o) => o.date).filter((d): d is string => d !== undefined && ISO_DATE.test(d)))].sort();
  const undated = cell.occurrences.some((o) => o.date === undefined || !ISO_DATE.test(o.date));
  const times = (stance: string) => cell.occurrences.filter((o) => o.stance === stance).length;
  const firstDate = cell.firstDate ? `<span class="times">${escapeHtml(cell.firstDate.slice(0, 10))}</span>` : '';
  const badges = `<span class="stances">${cell.stances.map((stance) => stanceBadge(stance, times(stance))).join('')}${firstDate}</span>`;
  const spoken = cell.stances.map((stance) => (times(stance) > 1 ? `${stance} ${times(stance)} times` : stance)).join(', ');
  const link = options.host === 'file' && options.linkToNote ? noteHref(options.linkToNote(cell.occurrences[0]?.path ?? '')) : undefined;
  const content = link ? `<a class="open" href="${escapeHtml(link)}" tabindex="-1">${badges}</a>` : badges;
  const target = options.host === 'webview' ? ` data-uri="${escapeHtml(cell.uri)}" data-line="${cell.line}"` : '';
  return `<td class="${classes} filled" ${position} data-dates="${dates.join(' ')}" data-undated="${undated ? 1 : 0}"${target}` +
    ` tabindex="-1" aria-label="${where}: ${escapeHtml(spoken)}">${content}${renderDetail(row, cell, column, options)}</td>`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The stance's symbol and word in its colour, with how many times the outlet takes it when more than once. */
function stanceBadge(stance: string, times = 1): string {
  const look = STANCE_LOOKS[stance] ?? UNKNOWN_STANCE;
  const known = stance in STANCE_LOOKS ? stance : 'unknown';
  const count = times > 1 ? ` <span class="times" aria-label="${times} times">×${times}</span>` : '';
  return `<span class="stance ${known}"><span class="mark" aria-hidden="true">${look.symbol}</span> ${escapeHtml(stance)}${count}</span>`;
}

/** The cell's side panel content, hidden in the cell; the script shows a copy of it. */
function renderDetail(row: MatrixRow, cell: MatrixCell, column: Column, options: MatrixHtmlOptions): string {
  const items = cell.occurrences.map((occurrence) => `<li>${stanceBadge(occurrence.stance)}<q>${escapeHtml(occurrence.text)}</q>` +
    `<span class="meta">${occurrenceMeta(occurrence, options)}</span></li>`);
  return [
    '<div class="detail-src" hidden>',
    `<h2><span class="outlet-name">${escapeHtml(column.outlet)}</span> <span class="muted">${escapeHtml(column.perspective)}</span></h2>`,
    `<p><code class="key">${escapeHtml(row.key)}</code>${row.hasCounterSource ? '' : ` <span class="warn-mark" aria-hidden="true">${NO_COUNTER_SOURCE_MARK}</span> no counter-source`}</p>`,
    `<ol class="occurrences">${items.join('')}</ol>`,
    spreadHtml(row),
    verdictsHtml(row),
    '</div>',
  ].join('');
}

/** The row's verdicts and who they rest on: "3 contested, 2 corroborated. Contested by Dmitry Peskov disputes it (TASS, russian-state)". */
function verdictsHtml(row: MatrixRow): string {
  const counts = Object.entries(row.verdicts ?? {}).filter(([, n]) => n > 0).map(([verdict, n]) => `${n} ${escapeHtml(verdict)}`);
  if (counts.length === 0) return '';
  const against = row.contestedBy && row.contestedBy.length > 0 ? ` Contested by ${row.contestedBy.map(escapeHtml).join('; ')}.` : '';
  return `<p class="meta">Verdicts: ${counts.join(', ')}.${against}</p>`;
}

/** "First carried 2022-06-17 by TASS (russian-state); then western 2022-06-18 (Reuters)". */
function spreadHtml(row: MatrixRow): string {
  const [first, ...later] = row.spread ?? [];
  if (!first) return '';
  const then = later.map((a) => `${escapeHtml(a.perspective)} ${escapeHtml(a.date)} (${escapeHtml(a.outlet)})`).join(', ');
  return `<p class="meta">First carried ${escapeHtml(first.date)} by ${escapeHtml(first.outlet)} (${escapeHtml(first.perspective)})${then ? `; then ${then}` : ''}</p>`;
}

function occurrenceMeta(occurrence: MatrixOccurrence, options: MatrixHtmlOptions): string {
  const place = `${occurrence.path}:${occurrence.line + 1}`;
  let placeHtml = escapeHtml(place);
  if (options.host === 'webview') {
    placeHtml = `<button type="button" class="link open" data-uri="${escapeHtml(occurrence.uri)}" data-line="${occurrence.line}">${placeHtml}</button>`;
  } else if (options.linkToNote) {
    placeHtml = `<a class="open" href="${escapeHtml(noteHref(options.linkToNote(occurrence.path)))}">${placeHtml}</a>`;
  }
  const parts = [
    ...(occurrence.verdict ? [`<strong class="verdict">${escapeHtml(occurrence.verdict)}</strong>`] : []),
    ...(occurrence.claimant ? [`by ${escapeHtml(occurrence.claimant)}`] : []),
    ...(occurrence.via ? [`via ${escapeHtml(occurrence.via)}`] : []),
    ...(occurrence.title ? [`<cite>${escapeHtml(occurrence.title)}</cite>`] : []),
    escapeHtml(occurrence.date ?? 'undated'),
    placeHtml,
  ];
  return parts.join(' · ');
}

/** A relative link to a note: each path segment percent-encoded, so that no segment reads as a scheme, query or fragment. */
function noteHref(relativePath: string): string {
  return relativePath.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

