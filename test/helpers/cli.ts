// Running the built `counterpoint` command in tests, and folders of notes made from strings.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
export const SEEDS = path.join(REPO, 'test/fixtures/seeds');
const CLI = path.join(REPO, 'bin/counterpoint.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `counterpoint ...args`, run from `cwd` (the repository by default). */
export function runCliIn(cwd: string, ...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runCli(...args: string[]): CliResult {
  return runCliIn(REPO, ...args);
}

/** A fresh temporary folder holding `{ 'articles/a.md': text, ... }`; the caller removes it. */
export function tempFolder(files: Record<string, string> = {}, prefix = 'counterpoint-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
