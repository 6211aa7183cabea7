import { NEVER_CANCELLED, type Cancellation, type Workspace } from '../model/workspace';

export interface FeatureSettings {
  /** How many sources a hover lists before it says how many more there are. */
  hoverMaxSources: number;
  codeLensEnabled: boolean;
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = { hoverMaxSources: 8, codeLensEnabled: true };

/** What every feature works on: the workspace model, the settings, and the versions of open documents. */
export interface FeatureContext {
  workspace: Workspace;
  settings: FeatureSettings;
  /** The editor's version of an open document, or null for a file on disk; edits carry it so they apply only to what they were computed on. */
  documentVersion(uri: string): number | null;
}

export { NEVER_CANCELLED, type Cancellation };
