// Loading a folder of notes for the command line.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { type ConfigProblem } from '../model/config';
import type { Workspace } from '../model/workspace';
import { createWorkspace } from '../rules/registry';
import { findNotes, findRootAbove, findWorkspaceRoots, loadConfig, ownerOf, readNoteSync, uriOfPath } from '../node/files';

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}

export interface LoadedFolder {
  workspace: Workspace;
  root: string;
  configProblems: ConfigProblem[];
}

/**
 * The Counterpoint workspaces a command given `folder` works on: every root below it (each folder holding
 * `counterpoint.yaml`, or `actors/`), else the root that holds it, else the folder itself with the defaults.
 */
export async function workspaceRootsOf(folder: string): Promise<string[]> {
  const resolved = path.resolve(folder);
  const stat = await fs.stat(resolved).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${folder} is not a folder.`);
  const below = await findWorkspaceRoots(resolved);
  if (below.length > 0) return below;
  return [(await findRootAbove(resolved)) ?? resolved];
}

/** Every workspace at, below or above a folder (see workspaceRootsOf), each read with its own config. */
export async function loadWorkspaces(folder: string): Promise<LoadedFolder[]> {
  const roots = await workspaceRootsOf(folder);
  const loaded: LoadedFolder[] = [];
  for (const root of roots) loaded.push(await loadRoot(root, roots));
  return loaded;
}

/** The one workspace of a folder; a folder holding several must be narrowed down to one of them. */
export async function loadFolder(folder: string): Promise<LoadedFolder> {
  const roots = await workspaceRootsOf(folder);
  if (roots.length > 1) {
    const names = roots.map((root) => path.relative(process.cwd(), root) || '.');
    throw new UsageError(`${folder} holds ${roots.length} Counterpoint workspaces (${names.join(', ')}): name one of them.`);
  }
  return loadRoot(roots[0], roots);
}

/** One root's notes, read and indexed in one batch (less those of roots nested in it); progress on stderr for large folders in a terminal. */
async function loadRoot(root: string, allRoots: readonly string[]): Promise<LoadedFolder> {
  const loaded = await loadConfig(root);
  const workspace = createWorkspace([uriOfPath(root)], loaded.config);
  const listed = await findNotes(root, (file, reason) => process.stderr.write(`skipped ${file}: ${reason}\n`));
  const files = listed.filter((file) => ownerOf(file, allRoots, path.sep) === root);
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
