#!/usr/bin/env node
// Runs VS Code extension tests in a real VS Code: code-server (VS Code 1.100.3,
// installed by install.sh into .vscode-test/code-server) driven by Debian's
// headless Chromium through playwright-core.
//
// Called by code-shim.sh with VS Code-style arguments:
//   <folder> --extensionDevelopmentPath=<abs> --extensionTestsPath=<abs> [ignored flags...]
// Exits with the test suite's exit code (the page's codeAutomationExit(code)),
// or 1 on any failure/timeout.
//
// Screenshots: the extension-host tests (a separate process from the page) ask
// for one by writing <COUNTERPOINT_SCREENSHOT_REQUEST_DIR>/<id>.json
// ({"name": "...", "waitForSelector"?: "<css>", "waitTimeoutMs"?: n}); the driver polls
// that folder, waits for the selector to be visible when one is given, saves page.screenshot() to
// <COUNTERPOINT_SCREENSHOT_OUT_DIR or <repo>/docs>/<name>.png and answers with
// <id>.done (containing the saved path) or <id>.error. In the page itself the
// same is available as window.counterpointScreenshot(name).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import util from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const { chromium } = require('playwright-core');

const TIMEOUT_MS = Number(process.env.COUNTERPOINT_VSCODE_TEST_TIMEOUT_MS || 5 * 60 * 1000);
const VERBOSE = !!process.env.COUNTERPOINT_VSCODE_TEST_VERBOSE;
const codeServerBin = path.join(repoRoot, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
const chromiumPath = process.env.COUNTERPOINT_CHROMIUM || '/usr/bin/chromium';

function log(msg) { process.stdout.write(`[vscode-test] ${msg}\n`); }
function fail(msg) { process.stderr.write(`[vscode-test] ERROR: ${msg}\n`); }

// ---- arguments ------------------------------------------------------------
let devPath, testsPath, folder;
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--extensionDevelopmentPath=')) devPath = a.slice('--extensionDevelopmentPath='.length);
  else if (a.startsWith('--extensionTestsPath=')) testsPath = a.slice('--extensionTestsPath='.length);
  else if (!a.startsWith('-')) folder = a;
  // other flags (--no-sandbox, --user-data-dir=..., ...) are for desktop VS Code: ignored.
}
if (!devPath || !testsPath || !folder) {
  fail(`need --extensionDevelopmentPath=, --extensionTestsPath= and a folder; got: ${process.argv.slice(2).join(' ')}`);
  process.exit(1);
}
devPath = path.resolve(devPath);
testsPath = path.resolve(testsPath);
folder = path.resolve(folder);
if (!fs.existsSync(codeServerBin)) { fail(`code-server not installed at ${codeServerBin}: run scripts/vscode-test/install.sh`); process.exit(1); }
if (!fs.existsSync(chromiumPath)) { fail(`Chromium not found at ${chromiumPath}: run scripts/vscode-test/install.sh`); process.exit(1); }

// ---- helpers ----------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function formatConsole(args) {
  if (args.length === 0) return null; // resource-load failures and the like
  let level = '';
  if (typeof args[0] === 'string' && args[0].startsWith('%c')) {
    level = args[0].slice(2).trim(); // INFO, WARN, ERR, ...
    args = args.slice(2);
  }
  if (args.length === 0) return level ? null : '';
  const text = typeof args[0] === 'string' ? util.format(...args) : args.map((a) => typeof a === 'string' ? a : util.inspect(a)).join(' ');
  return level && level !== 'INFO' ? `[${level}] ${text}` : text;
}

// Workbench chatter that says nothing about the tests (hidden unless VERBOSE).
const NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^The web worker extension host is started/,
  /^Overwriting extension <</,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^An iframe which has both allow-scripts and allow-same-origin/,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)/, // extension gallery lookups: there is no network
  /Failed to load resource/,
];
function isNoise(line) {
  return NOISE.some((re) => re.test(line.replace(/^\[[A-Z]+\] /, '')));
}


async function waitHealthy(port, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return;
    } catch { /* not up yet */ }
    await sleep(200);
  }
  throw new Error('code-server did not become healthy in time');
}

// ---- main -----------------------------------------------------------------
const started = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-vscode-'));
const requestDir = process.env.COUNTERPOINT_SCREENSHOT_REQUEST_DIR || path.join(tmp, 'screenshot-requests');
const screenshotOutDir = path.resolve(process.env.COUNTERPOINT_SCREENSHOT_OUT_DIR || path.join(repoRoot, 'docs'));
fs.mkdirSync(requestDir, { recursive: true });

let child;
let browser;
let consoleQueue = Promise.resolve();
let finished = false;
let exitCode = 1;

function killGroup() {
  if (child && child.pid) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  }
}
async function cleanup() {
  if (browser) { try { await Promise.race([browser.close(), sleep(5000)]); } catch { /* ignore */ } }
  killGroup();
  await sleep(300);
  if (child && child.pid) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
  if (!process.env.COUNTERPOINT_VSCODE_TEST_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
}
async function finish(code) {
  if (finished) return;
  finished = true;
  exitCode = code;
  await Promise.race([consoleQueue, sleep(2000)]);
  await cleanup();
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${code}`);
  process.exit(code);
}
process.on('SIGINT', () => { fail('interrupted'); finish(130); });
process.on('SIGTERM', () => { fail('terminated'); finish(143); });
process.on('uncaughtException', (e) => { fail(`driver crashed: ${e && e.stack || e}`); finish(1); });
process.on('unhandledRejection', (e) => { fail(`driver crashed: ${e && e.stack || e}`); finish(1); });

const RESTRICTED = process.env.COUNTERPOINT_VSCODE_RESTRICTED === '1';

const hardTimer = setTimeout(() => {
  fail(`overall timeout: the test run did not finish within ${TIMEOUT_MS / 1000} s`);
  finish(1);
}, TIMEOUT_MS);

try {
  const port = await freePort();
  const configPath = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configPath, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'tmp'), { recursive: true });
  // Quiet workbench: no welcome page, no release notes, no telemetry prompts.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'update.showReleaseNotes': false,
    'telemetry.telemetryLevel': 'off',
    // COUNTERPOINT_VSCODE_RESTRICTED=1: workspace trust on, never asked, so the folder opens in Restricted Mode.
    ...(RESTRICTED
      ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }
      : { 'security.workspace.trust.enabled': false }),
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'git.enabled': false,
  }, null, 2));

  const csLog = fs.openSync(path.join(tmp, 'code-server.log'), 'w');
  child = spawn(codeServerBin, [
    '--config', configPath,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', ...(RESTRICTED ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
  ], {
    detached: true, // own process group: killed as a whole at the end
    stdio: ['ignore', VERBOSE ? 'inherit' : csLog, VERBOSE ? 'inherit' : csLog],
    env: {
      ...process.env,
      COUNTERPOINT_SCREENSHOT_REQUEST_DIR: requestDir,
      XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
      XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
      TMPDIR: path.join(tmp, 'tmp'), // its IPC sockets go away with the temp folder
      // No extension gallery: nothing to reach here, and its lookups only add noise.
      EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{}',
    },
  });
  child.on('exit', (code, signal) => {
    if (!finished) {
      fail(`code-server exited unexpectedly (code ${code}, signal ${signal}); its log:\n` +
        safeRead(path.join(tmp, 'code-server.log')));
      finish(1);
    }
  });

  await waitHealthy(port, child, Date.now() + 60_000);
  log(`code-server (VS Code 1.100.3) up on 127.0.0.1:${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  // A .code-workspace file opens a multi-root workspace; anything else is a folder.
  const opened = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  const url = `http://127.0.0.1:${port}/?${opened}=${encodeURIComponent(folder)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();

  let exitResolve;
  const exited = new Promise((r) => { exitResolve = r; });
  await page.exposeFunction('codeAutomationExit', (code) => { exitResolve(Number(code) || 0); });

  async function screenshot(name) {
    const safe = String(name).replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.png$/i, '');
    fs.mkdirSync(screenshotOutDir, { recursive: true });
    const out = path.join(screenshotOutDir, `${safe}.png`);
    await page.screenshot({ path: out });
    log(`screenshot saved: ${out.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, out) : out}`);
    return out;
  }
  await page.exposeFunction('counterpointScreenshot', (name) => screenshot(name));

  // Page console -> stdout, in order (jsonValue() is async, so lines go through a queue).
  // The extension host's console (mocha's reporter) arrives as workbench log
  // calls: ['%c INFO', 'color: …', fmt, ...args]; they are printf-formatted here.
  page.on('console', (msg) => {
    consoleQueue = consoleQueue.then(async () => {
      let args;
      try { args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '[unserializable]'))); }
      catch { args = [msg.text()]; }
      const line = formatConsole(args);
      if (line === null) return;
      if (!VERBOSE && isNoise(line, args)) return;
      process.stdout.write(line.endsWith('\n') ? line : line + '\n');
    });
  });
  page.on('pageerror', (err) => { if (VERBOSE) log(`page error: ${err.message}`); });

  // Screenshot requests from the extension host (file-based, see header).
  let polling = false;
  const poller = setInterval(async () => {
    if (polling || finished) return;
    polling = true;
    try {
      for (const f of fs.readdirSync(requestDir)) {
        if (!f.endsWith('.json')) continue;
        const id = f.slice(0, -5);
        const reqPath = path.join(requestDir, f);
        let request;
        try { request = JSON.parse(fs.readFileSync(reqPath, 'utf8')); } catch { continue; } // half-written
        fs.rmSync(reqPath, { force: true });
        try {
          // Optional: wait until an element of the page is visible first (e.g. '.monaco-hover').
          if (request.waitForSelector) {
            await page.waitForSelector(request.waitForSelector, { state: 'visible', timeout: Number(request.waitTimeoutMs) || 10_000 });
            await sleep(300); // past the fade-in, so that the element is shot opaque
          }
          const out = await screenshot(request.name);
          fs.writeFileSync(path.join(requestDir, `${id}.done`), out);
        } catch (e) {
          fs.writeFileSync(path.join(requestDir, `${id}.error`), String(e && e.message || e));
        }
      }
    } finally { polling = false; }
  }, 100);

  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const code = await exited;
  clearInterval(poller);
  clearTimeout(hardTimer);
  await finish(code);
} catch (e) {
  fail(e && e.stack || String(e));
  const l = safeRead(path.join(tmp, 'code-server.log'));
  if (l) process.stderr.write(`--- code-server log ---\n${l}\n`);
  await finish(1);
}

function safeRead(p) { try { return fs.readFileSync(p, 'utf8'); } catch { return ''; } }

