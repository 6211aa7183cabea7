// One Counterpoint workspace per root folder, each with its own model and config, and the lookup of the one that owns a note.
import type { Workspace } from '../model/workspace';
import { createWorkspace } from '../rules/registry';
import { CONFIG_FILE_NAME, type WorkspaceConfig } from '../model/config';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext, type FeatureSettings } from '../features/context';
import { createLanguageService, type LanguageService } from '../languageService';
import { ownerOf, pathOfUri, uriOfPath } from '../node/files';
import * as path from 'node:path';

/** A Counterpoint workspace the server indexes: a folder holding `counterpoint.yaml` (or `actors/`) and its notes. */
export class WorkspaceRoot {
  readonly uri: string;
  /** The index requests are answered from; a reindex builds its successor apart and swaps it in when complete. */
  private current: Workspace;
  /** The index a reindex is building: edits made meanwhile go to both. */
  private building?: Workspace;
  readonly context: FeatureContext;
  readonly service: LanguageService;
  readonly configUri: string;
  /** The last summary of its config's problems shown to the user: the same problems are not shown again at each reindex. */
  shownConfigSummary = '';

  constructor(readonly folder: string, documentVersion: (uri: string) => number | null, settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS) {
    this.uri = uriOfPath(folder);
    this.current = createWorkspace([this.uri]);
    this.context = { workspace: this.current, settings: { ...settings }, documentVersion };
    this.service = createLanguageService(this.context);
    this.configUri = uriOfPath(path.join(folder, CONFIG_FILE_NAME));
  }

  get workspace(): Workspace {
    return this.current;
  }

  /**
   * The index a reindex fills: a new one, swapped in by `finishBuilding`, so that requests are answered from the index
   * as it was until then, and a reindex that is superseded halfway leaves it as it was. An empty index (at start-up,
   * or a root just found) is filled in place, so that requests are answered with what is read so far.
   */
  startBuilding(config: WorkspaceConfig): Workspace {
    if (this.current.size === 0) {
      this.current.setConfig(config);
      return this.current;
    }
    this.building = createWorkspace([this.uri], config);
    return this.building;
  }

  /** Makes a completely built index the one requests are answered from. */
  finishBuilding(next: Workspace): void {
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    this.context.workspace = next;
    if (this.building === next) this.building = undefined;
    previous.clear();
  }

  /** Drops the index being built, if any (a reindex ended, complete or not). */
  stopBuilding(): void {
    this.building = undefined;
  }

  /** Reads a note's new text into the index (and the one being built); returns the notes whose diagnostics may change. */
  upsert(uri: string, text: string, keepText: boolean): Set<string> {
    this.building?.upsert(uri, text, { collectAffected: false, keepText });
    return this.current.upsert(uri, text, { keepText }).affected;
  }

  /** Drops a note from the index (and from the one being built); returns the notes whose diagnostics may change. */
  remove(uri: string): Set<string> {
    this.building?.remove(uri);
    return this.current.remove(uri).affected;
  }
}

/** The roots being indexed, by folder; every note belongs to the deepest root that holds it, or to none. */
export class WorkspaceRoots {
  private readonly byUri = new Map<string, WorkspaceRoot>();

  constructor(private readonly documentVersion: (uri: string) => number | null) {}

  all(): WorkspaceRoot[] {
    return [...this.byUri.values()];
  }

  get size(): number {
    return this.byUri.size;
  }

  /** Makes the roots these folders, keeping the model of each root that stays (its notes are read again anyway). */
  replace(folders: readonly string[], settings: FeatureSettings): void {
    const wanted = new Set(folders.map(uriOfPath));
    for (const uri of this.byUri.keys()) if (!wanted.has(uri)) this.byUri.delete(uri);
    for (const folder of folders) {
      if (!this.byUri.has(uriOfPath(folder))) this.byUri.set(uriOfPath(folder), new WorkspaceRoot(folder, this.documentVersion, settings));
    }
  }

  /** The root whose notes include this (canonical) URI. */
  ownerOf(uri: string): WorkspaceRoot | undefined {
    const owner = ownerOf(uri, [...this.byUri.keys()]);
    return owner === undefined ? undefined : this.byUri.get(owner);
  }

  folders(): string[] {
    return this.all().map((root) => root.folder);
  }
}

export function folderOfUri(uri: string): string | undefined {
  const file = pathOfUri(uri);
  return file === undefined ? undefined : path.dirname(file);
}
