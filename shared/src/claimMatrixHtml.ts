// The claim matrix as HTML: one renderer for the VS Code webview and the shareable `counterpoint report --html` page.
// Every string that comes from notes (keys, outlets, perspectives, names, claim words, paths) goes through escapeHtml;
// the page loads nothing, and its Content-Security-Policy lets only its own nonce'd style and script run.
import type { ClaimMatrixData, MatrixCell, MatrixOccurrence, MatrixRow } from './claimMatrixData';
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
  asserts: { symbol: '●', meaning: 'the outlet states it as fact' },
  reports: { symbol: '◐', meaning: 'the outlet relays what someone said' },
  disputes: { symbol: '✕', meaning: 'the outlet contradicts it' },
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
  if (!/^[A-Za-z0-9+/_=-]{8,}$/.test(options.nonce)) throw new Error('renderClaimMatrixHtml: the nonce must be 8 or more base64 characters');
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
    `<style nonce="${nonce}">${host === 'webview' ? WEBVIEW_PALETTE : FILE_PALETTE}${STYLE}</style>`,
    '</head>',
    `<body data-host="${host}">`,
    '<header class="top">',
    `<h1>Claim matrix${options.title ? ` <span class="subtitle">${escapeHtml(options.title)}</span>` : ''}</h1>`,
    `<p class="summary">${summary(matrix, columns.length)}</p>`,
    '</header>',
    body,
    ...(options.footer ? [`<footer class="foot">${escapeHtml(options.footer)}</footer>`] : []),
    `<script nonce="${nonce}">${SCRIPT}</script>`,
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
    `<li><span class="warn-mark" aria-hidden="true">${NO_COUNTER_SOURCE_MARK}</span> no counter-source: no outlet of another perspective carries the claim, and none disputes it</li>`,
    '</ul>',
  ].join('\n');
}

function renderTable(matrix: ClaimMatrixData, columns: Column[], actors: string[], options: MatrixHtmlOptions): string {
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
    ...matrix.rows.map((row) => renderRow(row, columns, actorIndex, options)),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function renderRow(row: MatrixRow, columns: Column[], actorIndex: Map<string, number>, options: MatrixHtmlOptions): string {
  const actors = row.actors.map((name) => actorIndex.get(name)).join(' ');
  const mark = row.hasCounterSource
    ? ''
    : `<span class="warn-mark" role="img" aria-label="No counter-source" title="No counter-source">${NO_COUNTER_SOURCE_MARK}</span> `;
  const claimants = row.claimants.length > 0 ? `<span class="claimants">by ${escapeHtml(row.claimants.join(', '))}</span>` : '';
  const header = `<th scope="row" class="claim">${mark}<code class="key">${escapeHtml(row.key)}</code>${claimants}</th>`;
  const cells = columns.map((column, i) => {
    const cell = row.cells.find((c) => c.outlet === column.outlet && c.perspective === column.perspective);
    return renderCell(row, cell, column, i, options);
  });
  return `<tr class="row${row.hasCounterSource ? '' : ' missing'}" data-key="${escapeHtml(row.key)}" data-actors="${actors}">${header}${cells.join('')}</tr>`;
}

function renderCell(row: MatrixRow, cell: MatrixCell | undefined, column: Column, index: number, options: MatrixHtmlOptions): string {
  const classes = `cell${column.startsGroup ? ' group-start' : ''}`;
  const position = `data-p="${column.perspectiveIndex}" data-col="${index}"`;
  const where = `${escapeHtml(column.outlet)}, ${escapeHtml(column.perspective)}`;
  if (!cell) return `<td class="${classes}" ${position} tabindex="-1" aria-label="${where}: not carried"></td>`;
  const dates = [...new Set(cell.occurrences.map((o) => o.date).filter((d): d is string => d !== undefined && ISO_DATE.test(d)))].sort();
  const undated = cell.occurrences.some((o) => o.date === undefined || !ISO_DATE.test(o.date));
  const times = (stance: string) => cell.occurrences.filter((o) => o.stance === stance).length;
  const badges = `<span class="stances">${cell.stances.map((stance) => stanceBadge(stance, times(stance))).join('')}</span>`;
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
    '</div>',
  ].join('');
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
    ...(occurrence.claimant ? [`by ${escapeHtml(occurrence.claimant)}`] : []),
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

// ---- style ----

const FILE_PALETTE = `
:root {
  color-scheme: light dark;
  --cp-bg: #ffffff; --cp-fg: #1f2328; --cp-muted: #59636e; --cp-border: #d1d9e0; --cp-strong-border: #8c959f;
  --cp-header-bg: #f6f8fa; --cp-hover: #eef3f9; --cp-panel: #f6f8fa;
  --cp-asserts: #1a7f37; --cp-reports: #0969da; --cp-disputes: #cf222e; --cp-warn: #9a6700; --cp-warn-bg: #fff8c5;
  --cp-focus: #0969da; --cp-link: #0969da;
  --cp-input-bg: #ffffff; --cp-input-fg: #1f2328; --cp-input-border: #8c959f;
  --cp-button-bg: #f6f8fa; --cp-button-fg: #1f2328;
  --cp-font: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; --cp-mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace;
  --cp-tint: 13%; --cp-font-size: 14px;
}
@media (prefers-color-scheme: dark) {
  :root {
    --cp-bg: #0d1117; --cp-fg: #e6edf3; --cp-muted: #9198a1; --cp-border: #30363d; --cp-strong-border: #656c76;
    --cp-header-bg: #161b22; --cp-hover: #1c2330; --cp-panel: #161b22;
    --cp-asserts: #3fb950; --cp-reports: #58a6ff; --cp-disputes: #ff7b72; --cp-warn: #d29922; --cp-warn-bg: #2e2610;
    --cp-focus: #58a6ff; --cp-link: #58a6ff;
    --cp-input-bg: #0d1117; --cp-input-fg: #e6edf3; --cp-input-border: #656c76;
    --cp-button-bg: #21262d; --cp-button-fg: #e6edf3;
    --cp-tint: 18%;
  }
}
@media (forced-colors: active) {
  :root { --cp-tint: 0%; }
}
`;

const WEBVIEW_PALETTE = `
:root, body {
  --cp-bg: var(--vscode-editor-background); --cp-fg: var(--vscode-editor-foreground, var(--vscode-foreground));
  --cp-muted: var(--vscode-descriptionForeground); --cp-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #8884));
  --cp-strong-border: var(--vscode-editorGroup-border, var(--cp-border));
  --cp-header-bg: var(--vscode-editorWidget-background, var(--vscode-sideBar-background)); --cp-hover: var(--vscode-list-hoverBackground);
  --cp-panel: var(--vscode-editorWidget-background, var(--vscode-sideBar-background));
  --cp-asserts: var(--vscode-charts-green); --cp-reports: var(--vscode-charts-blue); --cp-disputes: var(--vscode-charts-red);
  --cp-warn: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow)); --cp-warn-bg: transparent;
  --cp-focus: var(--vscode-focusBorder); --cp-link: var(--vscode-textLink-foreground);
  --cp-input-bg: var(--vscode-input-background); --cp-input-fg: var(--vscode-input-foreground); --cp-input-border: var(--vscode-input-border, var(--vscode-dropdown-border, transparent));
  --cp-button-bg: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); --cp-button-fg: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground));
  --cp-font: var(--vscode-font-family); --cp-mono: var(--vscode-editor-font-family, monospace);
  --cp-tint: 16%; --cp-font-size: var(--vscode-font-size, 13px);
}
body.vscode-light { color-scheme: light; }
body.vscode-dark { color-scheme: dark; }
body.vscode-high-contrast { color-scheme: dark; }
body.vscode-high-contrast-light { color-scheme: light; }
body.vscode-high-contrast, body.vscode-high-contrast-light {
  --cp-border: var(--vscode-contrastBorder); --cp-strong-border: var(--vscode-contrastBorder); --cp-tint: 0%;
  --cp-hover: transparent; --cp-header-bg: var(--vscode-editor-background); --cp-panel: var(--vscode-editor-background);
}
body.vscode-high-contrast .cell:hover, body.vscode-high-contrast-light .cell:hover { outline: 1px dashed var(--vscode-contrastActiveBorder); outline-offset: -3px; }
`;

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; background: var(--cp-bg); color: var(--cp-fg); }
body { font-family: var(--cp-font); font-size: var(--cp-font-size); line-height: 1.4; padding: 16px 20px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 0; }
h1 .subtitle { color: var(--cp-muted); font-weight: 400; }
.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 18px; margin-bottom: 10px; }
.summary { margin: 0; color: var(--cp-muted); }
.muted { color: var(--cp-muted); font-weight: 400; }
code, .key { font-family: var(--cp-mono); font-size: 0.95em; color: inherit; background: none; padding: 0; }
.warn-mark { color: var(--cp-warn); font-weight: 700; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 12px; margin-bottom: 8px;
  background: var(--cp-panel); border: 1px solid var(--cp-border); border-radius: 6px; }
.filters .group { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; border: 0; margin: 0; padding: 0; }
.filters legend { float: left; margin-right: 6px; font-weight: 600; padding: 0; }
.field { display: inline-flex; align-items: center; gap: 6px; font-weight: 600; }
.check { display: inline-flex; align-items: center; gap: 4px; }
select { max-width: 16em; }
select, input[type="date"], button { font: inherit; color: var(--cp-input-fg); background: var(--cp-input-bg);
  border: 1px solid var(--cp-input-border); border-radius: 3px; padding: 2px 6px; font-weight: 400; }
button { background: var(--cp-button-bg); color: var(--cp-button-fg); cursor: pointer; }
#f-count { margin-left: auto; color: var(--cp-muted); }
:focus-visible { outline: 2px solid var(--cp-focus); outline-offset: 1px; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 0 0 12px; padding: 0; color: var(--cp-muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(260px, 340px); gap: 16px; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.table-wrap { overflow: auto; max-width: 100%; border: 1px solid var(--cp-border); border-radius: 6px; }
.matrix { border-collapse: separate; border-spacing: 0; width: 100%; }
.matrix th, .matrix td { border-bottom: 1px solid var(--cp-border); padding: 6px 10px; text-align: left; vertical-align: middle; }
.matrix thead th { background: var(--cp-header-bg); position: sticky; z-index: 1; }
.matrix thead tr:first-child th { top: 0; }
.matrix thead tr:nth-child(2) th { top: var(--cp-group-height, 29px); }
.matrix .corner { vertical-align: bottom; left: 0; z-index: 2; }
.matrix .perspective { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85em; font-weight: 700; color: var(--cp-muted);
  border-bottom: 2px solid var(--cp-strong-border); white-space: nowrap; }
.matrix .outlet { font-weight: 600; min-width: 7.5em; max-width: 10em; vertical-align: bottom; }
.matrix .group-start { border-left: 2px solid var(--cp-strong-border); }
.matrix .claim { font-weight: 400; position: sticky; left: 0; background: var(--cp-bg); z-index: 1; max-width: 30em; border-right: 1px solid var(--cp-border); }
.matrix .claim .key { font-weight: 600; }
.matrix .claimants { display: block; color: var(--cp-muted); font-size: 0.92em; margin-top: 1px; }
.matrix tr.missing .claim { box-shadow: inset 3px 0 0 var(--cp-warn); }
.matrix tr:has(.cell.current) .claim { background: var(--cp-hover); }
.matrix tbody tr:last-child > * { border-bottom: 0; }
.cell { cursor: default; min-width: 7.5em; }
.cell.filled { cursor: pointer; }
.cell:hover { background: var(--cp-hover); }
.cell:focus { outline: 2px solid var(--cp-focus); outline-offset: -2px; }
.cell.current { background: var(--cp-hover); }
.cell.out-of-range .stances { opacity: 0.3; }
.cell a.open { color: inherit; text-decoration: none; display: block; }
.stances { display: flex; flex-direction: column; align-items: flex-start; gap: 3px; }
.stance { --c: var(--cp-muted); display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; padding: 1px 8px 1px 6px;
  border-radius: 999px; border: 1px solid color-mix(in srgb, var(--c) 55%, transparent);
  background: color-mix(in srgb, var(--c) var(--cp-tint), transparent); color: var(--cp-fg); font-size: 0.95em; }
.stance .mark { color: var(--c); font-size: 1.1em; line-height: 1; }
.stance .times { color: var(--cp-muted); font-weight: 400; font-size: 0.9em; }
.stance.asserts { --c: var(--cp-asserts); }
.stance.reports { --c: var(--cp-reports); }
.stance.disputes { --c: var(--cp-disputes); font-weight: 700; }
.detail { position: sticky; top: 0; background: var(--cp-panel); border: 1px solid var(--cp-border); border-radius: 6px; padding: 10px 14px;
  max-height: calc(100vh - 40px); overflow: auto; }
.detail h2 { font-size: 1.1em; margin: 0 0 4px; }
.detail p { margin: 0 0 8px; }
.detail .hint { color: var(--cp-muted); margin: 0; }
.detail .occurrences { margin: 0; padding-left: 1.2em; }
.detail .occurrences li { margin-bottom: 10px; }
.detail q { display: block; margin: 4px 0 2px; font-style: italic; }
.detail .meta { display: block; color: var(--cp-muted); font-size: 0.92em; overflow-wrap: anywhere; }
.detail a, .detail .link { color: var(--cp-link); }
.link { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; text-align: left; }
.empty { color: var(--cp-muted); padding: 12px; }
.empty-state { max-width: 60em; }
.empty-state pre { overflow-x: auto; padding: 8px 12px; border: 1px solid var(--cp-border); }
.empty-state button { margin-right: 1em; }
.foot { margin-top: 16px; color: var(--cp-muted); font-size: 0.92em; }
`;

// ---- behaviour: plain ES2019, no template literals, so that it can live in this string ----

const SCRIPT = `
(function () {
  'use strict';
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var table = document.getElementById('matrix');
  var form = document.getElementById('filters');
  var walkthrough = document.getElementById('open-walkthrough');
  if (walkthrough && vscode) walkthrough.addEventListener('click', function () { vscode.postMessage({ type: 'walkthrough' }); });
  if (!table || !form) return;
  var byId = function (id) { return document.getElementById(id); };
  var actorSelect = byId('f-actor'), fromInput = byId('f-from'), toInput = byId('f-to');
  var undatedBox = byId('f-undated'), missingBox = byId('f-missing'), count = byId('f-count');
  var noMatch = byId('no-match'), detail = byId('detail');
  var perspectiveBoxes = Array.prototype.slice.call(form.querySelectorAll('input[data-filter-p]'));
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var current = null;
  form.hidden = false;

  function tds(row) { return Array.prototype.filter.call(row.cells, function (c) { return c.tagName === 'TD'; }); }
  function visibleCells(row) { return tds(row).filter(function (c) { return !c.hidden; }); }
  function visibleRows() { return rows.filter(function (r) { return !r.hidden; }); }
  function isShown(cell) { return !!cell && !cell.hidden && !cell.parentElement.hidden; }

  function inDates(cell, from, to, undated) {
    if (!from && !to) return true;
    var dates = cell.getAttribute('data-dates') ? cell.getAttribute('data-dates').split(' ') : [];
    for (var i = 0; i < dates.length; i++) {
      if ((!from || dates[i] >= from) && (!to || dates[i] <= to)) return true;
    }
    return undated && cell.getAttribute('data-undated') === '1';
  }

  function apply() {
    var shown = {};
    perspectiveBoxes.forEach(function (box) { shown[box.getAttribute('data-filter-p')] = box.checked; });
    Array.prototype.forEach.call(table.querySelectorAll('[data-p]'), function (el) { el.hidden = !shown[el.getAttribute('data-p')]; });
    var actor = actorSelect.value, from = fromInput.value, to = toInput.value;
    undatedBox.disabled = !from && !to;
    var visible = 0;
    rows.forEach(function (row) {
      var wanted = (!actor || (' ' + row.getAttribute('data-actors') + ' ').indexOf(' ' + actor + ' ') >= 0) &&
        (!missingBox.checked || row.classList.contains('missing'));
      var carried = false;
      tds(row).forEach(function (cell) {
        if (!cell.classList.contains('filled')) return;
        var inRange = inDates(cell, from, to, undatedBox.checked);
        cell.classList.toggle('out-of-range', !inRange);
        if (inRange && shown[cell.getAttribute('data-p')]) carried = true;
      });
      row.hidden = !(wanted && carried);
      if (!row.hidden) visible++;
    });
    count.textContent = visible + ' of ' + rows.length + ' claims';
    noMatch.hidden = visible > 0;
    if (!isShown(current)) setCurrent(firstCell(), false);
    save();
  }

  function firstCell() {
    var list = visibleRows();
    for (var i = 0; i < list.length; i++) {
      var filled = visibleCells(list[i]).filter(function (c) { return c.classList.contains('filled'); })[0];
      if (filled) return filled;
    }
    return list.length ? visibleCells(list[0])[0] || null : null;
  }

  function setCurrent(cell, focus) {
    if (current && current !== cell) { current.tabIndex = -1; current.classList.remove('current'); }
    current = cell || null;
    if (!current) { showDetail(null); return; }
    current.tabIndex = 0;
    current.classList.add('current');
    if (focus) current.focus();
    showDetail(current);
  }

  function showDetail(cell) {
    detail.textContent = '';
    var source = cell && cell.querySelector('.detail-src');
    if (source) {
      var copy = source.cloneNode(true);
      copy.hidden = false;
      copy.className = 'detail-body';
      detail.appendChild(copy);
      return;
    }
    var hint = document.createElement('p');
    hint.className = 'hint';
    if (cell) {
      var outlet = table.tHead.querySelector('th[data-col="' + cell.getAttribute('data-col') + '"]');
      var key = cell.parentElement.querySelector('.key');
      hint.textContent = (outlet ? outlet.textContent : 'This outlet') + ' does not carry ' + (key ? key.textContent : 'this claim') + '.';
    } else {
      hint.textContent = 'No cell selected.';
    }
    detail.appendChild(hint);
  }

  function open(target) {
    var uri = target.getAttribute('data-uri');
    if (vscode && uri) {
      vscode.postMessage({ type: 'open', uri: uri, line: Number(target.getAttribute('data-line')) });
      return;
    }
    var link = target.tagName === 'A' ? target : target.querySelector('a.open');
    if (link) link.click();
  }

  function move(cell, key, ctrl) {
    var list = visibleRows();
    var row = list.indexOf(cell.parentElement);
    var cells = visibleCells(cell.parentElement);
    var column = cells.indexOf(cell);
    var at = function (r, c) { var target = list[r]; return target ? visibleCells(target)[c] : undefined; };
    switch (key) {
      case 'ArrowRight': return cells[column + 1];
      case 'ArrowLeft': return cells[column - 1];
      case 'ArrowDown': return at(row + 1, column);
      case 'ArrowUp': return at(row - 1, column);
      case 'PageDown': return at(Math.min(row + 10, list.length - 1), column);
      case 'PageUp': return at(Math.max(row - 10, 0), column);
      case 'Home': return ctrl ? at(0, 0) : cells[0];
      case 'End': return ctrl ? at(list.length - 1, cells.length - 1) : cells[cells.length - 1];
      default: return undefined;
    }
  }

  table.addEventListener('keydown', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (!cell) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(cell);
      return;
    }
    var target = move(cell, event.key, event.ctrlKey || event.metaKey);
    if (target === undefined && !/^(Arrow|Page|Home|End)/.test(event.key)) return;
    event.preventDefault();
    if (target) setCurrent(target, true);
  });
  table.addEventListener('click', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (!cell) return;
    setCurrent(cell, true);
    if (!event.target.closest('a')) open(cell);
  });
  table.addEventListener('focusin', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (cell && cell !== current) setCurrent(cell, false);
  });
  table.addEventListener('mouseover', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (cell) showDetail(cell);
  });
  table.addEventListener('mouseleave', function () { showDetail(current); });
  detail.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button.open');
    if (button) open(button);
  });

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  byId('f-reset').addEventListener('click', function () {
    actorSelect.value = '';
    fromInput.value = '';
    toInput.value = '';
    undatedBox.checked = true;
    missingBox.checked = false;
    perspectiveBoxes.forEach(function (box) { box.checked = true; });
    apply();
  });

  function optionValue(select, text) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].text === text) return select.options[i].value;
    return '';
  }

  function save() {
    if (!vscode) return;
    var selected = actorSelect.options[actorSelect.selectedIndex];
    vscode.setState({
      actor: actorSelect.value ? selected.text : '',
      hidden: perspectiveBoxes.filter(function (box) { return !box.checked; }).map(function (box) { return box.value; }),
      from: fromInput.value, to: toInput.value, undated: undatedBox.checked, missing: missingBox.checked,
      row: current ? current.parentElement.getAttribute('data-key') : null,
      column: current ? Number(current.getAttribute('data-col')) : null,
      scrollTop: window.scrollY, scrollLeft: table.parentElement.scrollLeft,
    });
  }
  var scrollTimer = 0;
  function saveSoon() {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(save, 150);
  }
  window.addEventListener('scroll', saveSoon, { passive: true });
  table.parentElement.addEventListener('scroll', saveSoon, { passive: true });

  // In VS Code the page is rebuilt when the matrix is refreshed: the filters and the selected cell carry over.
  var state = vscode && vscode.getState();
  if (state) {
    actorSelect.value = state.actor ? optionValue(actorSelect, state.actor) : '';
    perspectiveBoxes.forEach(function (box) { box.checked = (state.hidden || []).indexOf(box.value) < 0; });
    fromInput.value = state.from || '';
    toInput.value = state.to || '';
    undatedBox.checked = state.undated !== false;
    missingBox.checked = !!state.missing;
    var row = rows.filter(function (r) { return r.getAttribute('data-key') === state.row; })[0];
    if (row) setCurrent(tds(row)[state.column] || null, false);
  }
  apply();
  if (!current) setCurrent(firstCell(), false);
  if (state) {
    window.scrollTo(0, state.scrollTop || 0);
    table.parentElement.scrollLeft = state.scrollLeft || 0;
  }
  var group = table.tHead.rows[0].cells[1];
  if (group) table.style.setProperty('--cp-group-height', group.getBoundingClientRect().height + 'px');
}());
`;
