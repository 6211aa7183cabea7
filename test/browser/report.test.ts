// `counterpoint report --html` in a real browser (headless Chromium through playwright-core): the table of the
// samples, the filters, keyboard navigation, no network, and the webview flavour's messages to the extension.
// COUNTERPOINT_SCREENSHOTS=1 (or a missing docs/claim-matrix.png) saves the picture the README shows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { type ClaimMatrixData } from '../../server/src/render/claimMatrix';
import { renderClaimMatrixHtml } from '../../shared/src/claimMatrixHtml';

// The page's globals, for the functions Playwright runs in it (the project compiles without the DOM library).
interface PageElement { tagName: string; parentElement: PageElement | null; getAttribute(name: string): string | null }
declare const document: { activeElement: PageElement | null; body: object };
declare const window: object;
declare function getComputedStyle(element: object): { backgroundColor: string };

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'bin/counterpoint.js');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = path.join(REPO, 'docs/claim-matrix.png');
const OTHER = 'Central Media Office of Hizb ut Tahrir';

/** Chromium, installed with apt-get when missing and we are root (as in CI); otherwise why the tests are skipped. */
function chromiumUnavailable(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.getuid?.() !== 0) return `${CHROMIUM} is missing and installing it needs root: apt-get install -y chromium`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  return existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing and apt-get install -y chromium failed`;
}

const skip = chromiumUnavailable();
if (skip) process.stderr.write(`test/browser: skipped: ${skip}\n`);

function cli(...args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

let folder: string;
let htmlFile: string;
let matrix: ClaimMatrixData;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

before(async () => {
  if (skip) return;
  folder = mkdtempSync(path.join(tmpdir(), 'counterpoint-browser-'));
  htmlFile = path.join(folder, 'm.html');
  assert.match(cli('report', 'samples', '--html', htmlFile), /^Wrote the claim matrix \(\d+ claims\) to /);
  matrix = JSON.parse(cli('report', 'samples', '--format', 'json')) as ClaimMatrixData;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await openPage(pathToFileURL(htmlFile).href);
});

after(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openPage(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme });
  const opened = await context.newPage();
  opened.on('request', (request) => requests.push(request.url()));
  opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  opened.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await opened.goto(url);
  await opened.locator('#filters').waitFor({ state: 'visible' }); // the script ran: the CSP let it
  return opened;
}

/** Claim keys of the rows the page shows, in order. */
async function visibleKeys(on: Page = page): Promise<string[]> {
  return on.locator('#matrix tbody tr:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key') ?? ''));
}

function keysWhere(predicate: (row: ClaimMatrixData['rows'][number]) => boolean): string[] {
  return matrix.rows.filter(predicate).map((row) => row.key);
}

async function reset(): Promise<void> {
  await page.locator('#f-reset').click();
  assert.equal((await visibleKeys()).length, matrix.rows.length);
}

test('the page shows every claim of the samples, the SPIEF statement in 4 outlets, and marks claims without a counter-source', { skip }, async () => {
  assert.deepEqual(await visibleKeys(), matrix.rows.map((row) => row.key));
  assert.equal(await page.locator('#f-count').textContent(), `${matrix.rows.length} of ${matrix.rows.length} claims`);
  const spief = page.locator('tr[data-key="no-recognition-dpr-lpr"]');
  assert.equal(await spief.locator('td.filled').count(), 4);
  assert.deepEqual(await spief.locator('td.filled').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label'))), [
    'Center for Countering Disinformation, ukrainian: reports',
    'Channel 24, ukrainian: asserts, reports',
    'World Today News, ukrainian: reports',
    `${OTHER}, other: reports`,
  ]);
  assert.equal(await spief.locator('.warn-mark').count(), 0);
  assert.equal(await spief.locator('th .claimants').textContent(), 'by Kassym-Jomart Tokayev');
  const lonely = page.locator('tr[data-key="russia-wants-northern-kazakhstan"] th');
  assert.equal(await lonely.locator('.warn-mark').getAttribute('aria-label'), 'No counter-source');
  assert.equal(await page.locator('#matrix tbody tr.missing').count(), keysWhere((row) => !row.hasCounterSource).length);
  const dispute = page.locator(`tr[data-key="kazakhstan-complies-with-sanctions"] td[aria-label^="${OTHER}"]`);
  assert.equal(await dispute.locator('.stances').textContent(), '✕ disputes');
  const headers = await page.locator('#matrix thead tr').nth(0).locator('th[scope="colgroup"]').allTextContents();
  assert.deepEqual(headers, ['ukrainian', 'other']);
});

test('choosing the perspective "other" leaves only the claims an other-perspective outlet carries', { skip }, async () => {
  await page.getByRole('checkbox', { name: 'ukrainian' }).uncheck();
  const expected = keysWhere((row) => row.cells.some((cell) => cell.perspective === 'other'));
  assert.ok(expected.length > 0 && expected.length < matrix.rows.length);
  assert.deepEqual(await visibleKeys(), expected);
  assert.equal(await page.locator('#matrix thead th.outlet:visible').count(), 1, 'only the other outlet\'s column');
  assert.equal(await page.locator('#f-count').textContent(), `${expected.length} of ${matrix.rows.length} claims`);
  await reset();
});

test('the actor filter keeps the claims the actor makes or is named in', { skip }, async () => {
  await page.locator('#f-actor').selectOption({ label: 'Pavlo Lisyansky' });
  const expected = keysWhere((row) => row.actors.includes('Pavlo Lisyansky'));
  assert.ok(expected.includes('russia-wants-northern-kazakhstan'));
  assert.deepEqual(await visibleKeys(), expected);
  await page.locator('#f-actor').selectOption({ label: 'Kassym-Jomart Tokayev' });
  assert.deepEqual(await visibleKeys(), keysWhere((row) => row.actors.includes('Kassym-Jomart Tokayev')));
  await reset();
});

test('the date range keeps claims carried by articles of those dates, with or without undated articles', { skip }, async () => {
  const inJune = (date?: string) => date !== undefined && date >= '2022-06-01' && date <= '2022-06-30';
  await page.locator('#f-from').fill('2022-06-01');
  await page.locator('#f-to').fill('2022-06-30');
  const datedOrUndated = keysWhere((row) => row.cells.some((cell) => cell.occurrences.some((o) => inJune(o.date) || o.date === undefined)));
  assert.deepEqual(await visibleKeys(), datedOrUndated);
  await page.getByRole('checkbox', { name: 'undated articles' }).uncheck();
  const june = keysWhere((row) => row.cells.some((cell) => cell.occurrences.some((o) => inJune(o.date))));
  assert.ok(june.length > 0 && june.length < datedOrUndated.length, 'the samples have dated and undated articles');
  assert.deepEqual(await visibleKeys(), june);
  const dimmed = page.locator('tr[data-key="no-recognition-dpr-lpr"] td.out-of-range');
  assert.equal(await dimmed.count(), 3, 'the SPIEF row shows only the dated June article; the undated ones are dimmed');
  await page.locator('#f-to').fill('2022-01-31');
  assert.deepEqual(await visibleKeys(), []);
  assert.ok(await page.locator('#no-match').isVisible());
  await reset();
});

test('keyboard: one cell in the tab order, arrows move between cells, Enter opens the note', { skip }, async () => {
  assert.equal(await page.locator('#matrix td[tabindex="0"]').count(), 1, 'a roving tab stop');
  await page.locator('#f-count').click();
  await page.locator('#f-reset').focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    const cell = document.activeElement;
    return cell?.tagName === 'TD' ? `${cell.parentElement?.getAttribute('data-key')}@${cell.getAttribute('data-col')}` : cell?.tagName;
  });
  const first = `${matrix.rows[0].key}@${(await page.locator('#matrix td[tabindex="0"]').getAttribute('data-col'))}`;
  assert.equal(await focused(), first, 'Tab from the filters lands on the current cell');
  const spief = page.locator('tr[data-key="no-recognition-dpr-lpr"] td').first();
  await spief.focus();
  assert.equal(await focused(), 'no-recognition-dpr-lpr@0');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'no-recognition-dpr-lpr@1');
  await page.keyboard.press('ArrowDown');
  const next = matrix.rows[matrix.rows.findIndex((row) => row.key === 'no-recognition-dpr-lpr') + 1].key;
  assert.equal(await focused(), `${next}@1`);
  await page.keyboard.press('End');
  assert.equal(await focused(), `${next}@4`);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'no-recognition-dpr-lpr@4');
  assert.equal(await page.locator('#matrix td[tabindex="0"]').count(), 1);
  assert.match(await page.locator('#detail').innerText(), /^Central Media Office of Hizb ut Tahrir other[\s\S]*Kazakhstan does not recognize the independence/);

  await Promise.all([page.waitForURL(/\.md$/), page.keyboard.press('Enter')]);
  assert.equal(fileURLToPath(page.url()), path.join(REPO, 'samples/articles/hizb-ut-tahrir-is-kazakhstan-moving-away.md'));
  await page.goBack();
  await page.locator('#filters').waitFor({ state: 'visible' });
});

test('every link points at an existing note, relative to the page', { skip }, async () => {
  const hrefs = await page.locator('a.open').evaluateAll((links) => links.map((link) => (link as unknown as { href: string }).href));
  assert.ok(hrefs.length >= matrix.rows.length);
  for (const href of new Set(hrefs)) assert.ok(existsSync(fileURLToPath(href)), href);
  const relative = await page.locator('a.open').first().getAttribute('href');
  assert.match(relative!, /^(\.\.\/)+.*samples\/articles\/[\w-]+\.md$/);
});

test('in the webview flavour a click or Enter posts {type: open, uri, line} for the note, and the filters are kept as state', { skip }, async () => {
  const webviewFile = path.join(folder, 'webview.html');
  writeFileSync(webviewFile, renderClaimMatrixHtml(matrix, { host: 'webview', nonce: 'bm9uY2Utd2Vidmlldy10ZXN0', title: 'samples' }));
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  // A stand-in for the API VS Code gives webviews.
  await context.addInitScript(() => {
    interface Storage { getItem(key: string): string | null; setItem(key: string, value: string): void }
    const page = window as unknown as { posted: unknown[]; sessionStorage: Storage; acquireVsCodeApi: () => unknown };
    page.posted = [];
    page.acquireVsCodeApi = () => ({
      postMessage: (message: unknown) => page.posted.push(message),
      setState: (state: unknown) => page.sessionStorage.setItem('state', JSON.stringify(state)),
      getState: () => JSON.parse(page.sessionStorage.getItem('state') ?? 'null'),
    });
  });
  const webview = await context.newPage();
  webview.on('request', (request) => requests.push(request.url()));
  webview.on('pageerror', (error) => problems.push(`webview page error: ${error.message}`));
  await webview.goto(pathToFileURL(webviewFile).href);
  const posted = () => webview.evaluate(() => (window as unknown as { posted: unknown[] }).posted);
  const spief = matrix.rows.find((row) => row.key === 'no-recognition-dpr-lpr')!;
  const channel24 = spief.cells.find((cell) => cell.outlet === 'Channel 24')!;

  await webview.locator('tr[data-key="no-recognition-dpr-lpr"] td[aria-label^="Channel 24"]').click();
  assert.deepEqual(await posted(), [{ type: 'open', uri: channel24.uri, line: channel24.line }]);
  await webview.keyboard.press('ArrowRight');
  await webview.keyboard.press('Enter');
  assert.equal((await posted()).length, 1, 'Enter on an empty cell posts nothing');
  await webview.keyboard.press('ArrowRight');
  await webview.keyboard.press('Enter');
  const world = spief.cells.find((cell) => cell.outlet === 'World Today News')!;
  assert.deepEqual((await posted())[1], { type: 'open', uri: world.uri, line: world.line });
  const second = world.occurrences.at(-1)!;
  await webview.locator('#detail button.open').last().click();
  assert.deepEqual((await posted())[2], { type: 'open', uri: second.uri, line: second.line });

  await webview.locator('#f-actor').selectOption({ label: 'Pavlo Lisyansky' });
  const state = await webview.evaluate(() => {
    const page = window as unknown as { sessionStorage: { getItem(key: string): string | null } };
    return JSON.parse(page.sessionStorage.getItem('state') ?? 'null') as { actor: string; row: string };
  });
  assert.equal(state.actor, 'Pavlo Lisyansky');
  await webview.reload();
  assert.equal(await webview.locator('#f-actor option:checked').textContent(), 'Pavlo Lisyansky', 'a refreshed page keeps the filters');
  assert.deepEqual(await visibleKeys(webview), keysWhere((row) => row.actors.includes('Pavlo Lisyansky')));
  await context.close();
});

test('the page asks for nothing but its own file and notes: no network, no CSP violations, no errors', { skip }, () => {
  assert.ok(requests.length > 0);
  assert.deepEqual(requests.filter((url) => !/^(file|data):/.test(url)), []);
  assert.deepEqual(problems, []);
});

test('dark mode and the picture for the README', { skip }, async () => {
  const dark = await openPage(pathToFileURL(htmlFile).href, 'dark');
  const background = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(13, 17, 23)');
  await dark.context().close();

  const light = await openPage(pathToFileURL(htmlFile).href);
  const dispute = light.locator(`tr[data-key="kazakhstan-complies-with-sanctions"] td[aria-label^="${OTHER}"]`);
  await dispute.evaluate((cell) => (cell as unknown as { focus(options: object): void }).focus({ preventScroll: true }));
  const shot = path.join(folder, 'claim-matrix.png');
  await light.screenshot({ path: shot });
  await light.context().close();
  assert.ok(statSync(shot).size > 50_000, 'a picture, not a blank page');
  if (process.env.COUNTERPOINT_SCREENSHOTS || !existsSync(SCREENSHOT)) copyFileSync(shot, SCREENSHOT);
});
