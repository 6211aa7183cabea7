// The npm package as a user gets it: `npm pack`, `npm install <tarball>` in an empty project, then the two commands
// it puts on the PATH, run from there (not from this checkout).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, tempFolder } from '../helpers/cli';
import { joinLines } from '../helpers/workspace';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function npm(cwd: string, ...args: string[]): string {
  const result = spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  assert.equal(result.status, 0, `npm ${args.join(' ')}\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

interface PackResult {
  filename: string;
  files: { path: string }[];
}

/** Sends `initialize` to a `counterpoint-ls --stdio` and resolves with its result, then shuts it down. */
function initializeOverStdio(command: string, cwd: string): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('no answer to initialize in 15 s'));
    }, 15_000);
    const send = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1) {
          clearTimeout(timer);
          send({ id: 2, method: 'shutdown' });
          resolve(message.result);
        } else if (message.id === 2) {
          send({ method: 'exit' });
        }
      }
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } });
  });
}

test('npm pack, then npm install of the tarball in an empty folder: counterpoint check and counterpoint-ls run from there', async () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.notEqual(manifest.private, true, 'a private package cannot be published');
  assert.match(manifest.repository?.url ?? '', /^https:\/\//);
  assert.match(manifest.scripts.prepack, /\bbuild\b/, 'npm pack and npm publish build dist/ first');
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'dist/ is bundled: nothing to download at install time');

  const work = tempFolder({}, 'counterpoint-npm-');
  try {
    // The suite runs after the build, so the prepack build is skipped here.
    const [packed] = JSON.parse(npm(REPO, 'pack', '--ignore-scripts', '--json', '--pack-destination', work)) as PackResult[];
    const files = packed.files.map((f) => f.path).sort();
    for (const file of ['bin/counterpoint.js', 'bin/counterpoint-ls.js', 'dist/cli.js', 'dist/server.js', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      assert.ok(files.includes(file), `${file} in ${files.join(', ')}`);
    }
    const unwanted = files.filter((f) => /^(test|bench|samples|docs|images|server|client|scripts|out)\/|\.(map|ts|png)$/.test(f));
    assert.deepEqual(unwanted, [], 'no tests, bench, samples, sources, pictures or source maps');

    const notes = tempFolder({
      'package.json': JSON.stringify({ name: 'notes-project', version: '1.0.0', private: true }),
      'notes/actors/tokayev.md': joinLines('---', 'name: Kassym-Jomart Tokayev', 'aliases: [Tokayev]', 'kind: person', '---'),
      'notes/articles/a.md': joinLines(
        '---', 'title: A', 'outlet: Outlet A', 'perspective: western', '---',
        'Tokayev spoke. [Kazakhstan keeps its course]{claim=course by=tokayev stance=reports}',
      ),
    }, 'counterpoint-npm-project-');
    try {
      npm(notes, 'install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename));
      const check = spawnSync(NPX, ['--offline', 'counterpoint', 'check', 'notes'], { cwd: notes, encoding: 'utf8' });
      assert.equal(check.status, 0, check.stderr);
      assert.match(check.stdout, /notes\/articles\/a\.md:6:\d+ warning claim\.no-counter-source /);
      assert.match(check.stdout, /^2 notes \(1 actors, 1 claim keys\): 0 errors, 1 warnings/m);

      const result = await initializeOverStdio(path.join(notes, 'node_modules', '.bin', 'counterpoint-ls'), notes);
      assert.equal(result.serverInfo?.name, 'counterpoint-ls');
      assert.ok(result.capabilities.hoverProvider, JSON.stringify(result.capabilities));
    } finally {
      rmSync(notes, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
