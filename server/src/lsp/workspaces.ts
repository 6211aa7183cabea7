// One Counterpoint workspace per root folder, each with its own model and config, and the lookup of the one that owns a note.
import type { Workspace } from '../model/workspace';
import { createWorkspace } from '../rules/registry';
import { CONFIG_FILE_NAME } from '../model/config';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext, type FeatureSettings } from '../features/context';
import { createLanguageService, type LanguageService } from '../languageService';
import { ownerOf, pathOfUri, uriOfPath } from '../node/files';
import * as path from 'node:path';

/** A Counterpoint workspace the server indexes: a folder holding `counterpoint.yaml` (or `actors/`) and its notes. */
export class WorkspaceRoot {
  readonly uri: string;
  readonly workspace: Workspace;
  readonly context: FeatureContext;
  readonly service: LanguageService;
  readonly configUri: string;
  /** The last summary of its config's problems shown to the user: the same problems are not shown again at each reindex. */
  shownConfigSummary = '';

  constructor(readonly folder: string, documentVersion: (uri: string) => number | null, settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS) {
    this.uri = uriOfPath(folder);
    this.workspace = createWorkspace([this.uri]);
    this.context = { workspace: this.workspace, settings: { ...settings }, documentVersion };
    this.service = createLanguageService(this.context);
    this.configUri = uriOfPath(path.join(folder, CONFIG_FILE_NAME));
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
