// Asks the test driver (scripts/vscode-test/driver.mjs) for a screenshot of the
// workbench. The extension host is a separate process from the browser page, so
// the request goes through a folder both sides see: write <id>.json, wait for
// <id>.done (holding the saved path) or <id>.error. With `waitForSelector` the driver
// first waits until an element matching it (Playwright selector) is visible in the page.
import * as fs from 'fs';
import * as path from 'path';

export interface ScreenshotOptions {
  /** A Playwright selector that must be visible in the page before the shot, e.g. '.monaco-hover'. */
  waitForSelector?: string;
  waitTimeoutMs?: number;
  /** Measure the first visible element matching this CSS selector instead of taking a picture. */
  measure?: string;
}

export interface Measured {
  /** Height of the element's scrollable part as shown, in CSS pixels. */
  visibleHeight: number;
  /** Full height of what it holds: larger than visibleHeight when an inner scrollbar is needed. */
  contentHeight: number;
  boxHeight: number;
}

/** Measures an element of the workbench page (see `ScreenshotOptions.measure`); undefined when none is visible. */
export async function measure(selector: string, options: ScreenshotOptions = {}): Promise<Measured | undefined> {
  const answer = await screenshot('measure', 20_000, { ...options, measure: selector });
  return (JSON.parse(answer) as Measured | null) ?? undefined;
}

export async function screenshot(name: string, timeoutMs = 15_000, options: ScreenshotOptions = {}): Promise<string> {
  const dir = process.env.COUNTERPOINT_SCREENSHOT_REQUEST_DIR;
  if (!dir) throw new Error('COUNTERPOINT_SCREENSHOT_REQUEST_DIR is not set: not running under scripts/vscode-test/run.mjs');
  const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const tmp = path.join(dir, `${id}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify({ name, ...options }));
  fs.renameSync(tmp, path.join(dir, `${id}.json`));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = path.join(dir, `${id}.done`);
    const error = path.join(dir, `${id}.error`);
    if (fs.existsSync(done)) return fs.readFileSync(done, 'utf8');
    if (fs.existsSync(error)) throw new Error(`screenshot ${name} failed: ${fs.readFileSync(error, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`screenshot ${name}: no answer from the driver within ${timeoutMs} ms`);
}
