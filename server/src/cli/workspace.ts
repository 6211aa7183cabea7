// Loading a folder of notes for the command line.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { type ConfigProblem } from '../model/config';
import type { Workspace } from '../model/workspace';
import { createWorkspace } from '../rules/registry';
import { findNotes, loadConfig, readNoteSync, uriOfPath } from '../node/files';

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}

export interface LoadedFolder {
  workspace: Workspace;
  root: string;
  configProblems: ConfigProblem[];
}

/** Every note of a folder, read and indexed in one batch; progress on stderr for large folders in a terminal. */
export async function loadFolder(folder: string): Promise<LoadedFolder> {
  const root = path.resolve(folder);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${folder} is not a folder.`);
  const loaded = await loadConfig(root);
  const workspace = createWorkspace([uriOfPath(root)], loaded.config);
  const files = await findNotes(root, (file, reason) => process.stderr.write(`skipped ${file}: ${reason}\n`));
  const showProgress = process.stderr.isTTY && files.length > 200;
  const texts: [string, string][] = [];
  for (const file of files) {
    const read = readNoteSync(file);
    if ('text' in read) texts.push([uriOfPath(file), read.text]);
    else process.stderr.write(`skipped ${file}: ${read.skipped}\n`);
    if (showProgress && texts.length % 100 === 0) process.stderr.write(`\rreading ${texts.length}/${files.length} notes`);
  }
  workspace.batch(() => {
    for (const [uri, text] of texts) workspace.upsert(uri, text);
  });
  if (showProgress) process.stderr.write(`\r${' '.repeat(40)}\r`);
  return { workspace, root, configProblems: loaded.problems };
}
