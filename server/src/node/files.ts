// Reading notes from disk, shared by the language server and the command line.
import { promises as fs, lstatSync, readFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, type ConfigProblem, type WorkspaceConfig } from '../model/config';
import { isDiagnosticCode } from '../rules/registry';

/** Notes larger than this are skipped with a message rather than read into memory. */
export const MAX_NOTE_BYTES = 64 * 1024 * 1024;

const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

export function isNoteFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/** One canonical spelling of a file URI, so that editor URIs and URIs made from paths compare equal. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function uriOfPath(filePath: string): string {
  return pathToFileURL(path.resolve(filePath)).href;
}

export function pathOfUri(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every note below a folder. Symbolic links are not followed (so no loop and nothing outside
 * the workspace is read), nor hidden folders, node_modules and build output. Folders that
 * vanish or cannot be read are reported through `onSkip` and passed over.
 */
export async function findNotes(root: string, onSkip: (file: string, reason: string) => void = () => {}): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      onSkip(folder, reasonOf(error));
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && isNoteFile(entry.name)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

/** How far the search for workspace roots below an editor's folder goes. */
export interface RootSearchLimits {
  /** Folder levels below the folder searched. */
  maxDepth: number;
  /** Roots found at most. */
  maxRoots: number;
  /** Folders listed at most. */
  maxFolders: number;
}

export const ROOT_SEARCH_LIMITS: RootSearchLimits = { maxDepth: 6, maxRoots: 64, maxFolders: 20_000 };

/** Folder levels walked up from a note at most, looking for the root that holds it. */
const MAX_LEVELS_UP = 64;

const ACTORS_FOLDER = 'actors';

/**
 * The Counterpoint workspaces at or below a folder: each folder holding `counterpoint.yaml`, or, outside every such
 * root, `actors/`. Inside a root only another `counterpoint.yaml` starts a root of its own (a root's folders may
 * hold an `actors/` of its own making). Hidden folders, node_modules and build output are skipped, symbolic links
 * are never followed, and the search is bounded in depth, folders and roots.
 */
export async function findWorkspaceRoots(folder: string, limits: RootSearchLimits = ROOT_SEARCH_LIMITS): Promise<string[]> {
  const roots: string[] = [];
  let queue: { folder: string; insideRoot: boolean }[] = [{ folder, insideRoot: false }];
  let listed = 0;
  for (let depth = 0; depth <= limits.maxDepth && queue.length > 0; depth++) {
    const next: typeof queue = [];
    for (const item of queue) {
      if (listed++ >= limits.maxFolders || roots.length >= limits.maxRoots) return roots.sort();
      const entries = await fs.readdir(item.folder, { withFileTypes: true }).catch(() => []);
      const hasConfig = entries.some((entry) => entry.name === CONFIG_FILE_NAME && entry.isFile());
      const hasActors = entries.some((entry) => entry.name === ACTORS_FOLDER && entry.isDirectory());
      const isRoot = hasConfig || (!item.insideRoot && hasActors);
      if (isRoot) roots.push(item.folder);
      for (const entry of entries) {
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
          next.push({ folder: path.join(item.folder, entry.name), insideRoot: item.insideRoot || isRoot });
        }
      }
    }
    queue = next;
  }
  return roots.sort();
}

/** The nearest folder at or above `start` that is a Counterpoint workspace root (see findWorkspaceRoots). */
export async function findRootAbove(start: string): Promise<string | undefined> {
  let folder = path.resolve(start);
  for (let level = 0; level < MAX_LEVELS_UP; level++) {
    if (await isWorkspaceRoot(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  return undefined;
}

async function isWorkspaceRoot(folder: string): Promise<boolean> {
  const config = await fs.lstat(path.join(folder, CONFIG_FILE_NAME)).catch(() => undefined);
  if (config?.isFile()) return true;
  const actors = await fs.lstat(path.join(folder, ACTORS_FOLDER)).catch(() => undefined);
  return actors?.isDirectory() === true;
}

/**
 * The root that owns a path: the deepest of the roots that hold it (a root nested in another owns its own notes).
 * Roots and the path are file URIs or paths, compared as written.
 */
export function ownerOf<T extends string>(file: string, roots: readonly T[], separator = '/'): T | undefined {
  let best: T | undefined;
  for (const root of roots) {
    const prefix = root.endsWith(separator) ? root : root + separator;
    if (file.startsWith(prefix) && (best === undefined || root.length > best.length)) best = root;
  }
  return best;
}

/**
 * A note's text. Bytes that are not UTF-8 become U+FFFD rather than failing the read;
 * returns the reason instead for files that vanished, are unreadable, too large, or are
 * symbolic links (not followed, as when the folders are listed).
 */
export async function readNote(file: string): Promise<NoteRead> {
  try {
    const stat = await fs.lstat(file);
    return unreadable(stat) ?? { text: decodeNote(await fs.readFile(file)) };
  } catch (error) {
    return { skipped: reasonOf(error) };
  }
}

/**
 * `readNote`, synchronously: for loading a workspace, where thousands of small notes are read in chunks between
 * which the server answers requests. Per file, it costs a fraction of the several asynchronous round trips.
 */
export function readNoteSync(file: string): NoteRead {
  try {
    return unreadable(lstatSync(file)) ?? { text: decodeNote(readFileSync(file)) };
  } catch (error) {
    return { skipped: reasonOf(error) };
  }
}

export type NoteRead = { text: string } | { skipped: string };

function unreadable(stat: Stats): { skipped: string } | undefined {
  if (stat.isSymbolicLink()) return { skipped: 'a symbolic link, not followed' };
  if (!stat.isFile()) return { skipped: 'not a regular file' };
  if (stat.size > MAX_NOTE_BYTES) return { skipped: `larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB` };
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function decodeNote(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/**
 * Whether a file really lies inside one of the folders, symbolic links resolved on both sides: a note reached
 * through a link to a folder elsewhere is outside. False for a file that does not exist.
 */
export async function isInsideFolders(file: string, folders: readonly string[]): Promise<boolean> {
  const real = await fs.realpath(file).catch(() => undefined);
  if (real === undefined) return false;
  for (const folder of folders) {
    const realFolder = await fs.realpath(folder).catch(() => undefined);
    if (realFolder !== undefined && real.startsWith(realFolder.endsWith(path.sep) ? realFolder : realFolder + path.sep)) return true;
  }
  return false;
}

export interface LoadedConfig {
  config: WorkspaceConfig;
  problems: ConfigProblem[];
  /** The config file's path, when there is one. */
  file?: string;
  text?: string;
}

/** The workspace config from `counterpoint.yaml` at the root, or the defaults. */
export async function loadConfig(root: string, base: WorkspaceConfig = defaultConfig()): Promise<LoadedConfig> {
  const file = path.join(root, CONFIG_FILE_NAME);
  const read = await readNote(file);
  if ('skipped' in read) {
    // No config file is the usual case; one that is there but cannot be read (a link, no permission) is reported.
    const problems = read.skipped === VANISHED ? [] : [{ message: `${CONFIG_FILE_NAME} is not read (${read.skipped}); using the defaults.`, line: 0 }];
    return { config: base, problems };
  }
  return { ...parseConfig(read.text, isDiagnosticCode, base), file, text: read.text };
}

const VANISHED = 'it no longer exists';

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return VANISHED;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
