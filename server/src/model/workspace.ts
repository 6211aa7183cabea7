import { AliasMatcher } from './aliases';
import type { WorkspaceConfig } from './config';
import type { ClaimSpan } from '../syntax/markdown';
import { CompactNotes, isCompact } from './compactNote';
import { DependencyIndex, type NoteDependency } from './dependencies';
import { DerivedValues } from './derived';
import { MentionTable, type Mention } from './mentionTable';
import { noteStem, parseNote, type ActorMeta, type Note, type NoteKind } from '../syntax/note';
import { normalizeName } from '../syntax/text';

export type { Mention, MentionKind } from './mentionTable';

export interface Actor {
  id: string;
  note: Note;
  meta: ActorMeta;
}


/** Lets long queries stop when the editor no longer wants the answer. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** The token of a request nobody cancels. */
export const NEVER_CANCELLED: Cancellation = Object.freeze({ isCancellationRequested: false });

/** One claim span of one article, under its key. */
export interface ClaimOccurrence {
  key: string;
  note: Note;
  claim: ClaimSpan;
}

export interface UpdateResult {
  /** Notes whose diagnostics may have changed, this one included. */
  affected: Set<string>;
}

/**
 * The workspace model: every note parsed once, and the maps between them kept current
 * from each note's delta. Updating a note re-parses that note only; only a change to the
 * actor registry (an actor's id, name or aliases) re-resolves mentions everywhere.
 * It knows no rule: which other notes an edit affects comes from the dependencies the rules
 * declare, handed to it at construction (see dependencies.ts).
 */
export class Workspace {
  private readonly notesByUri = new Map<string, Note>();
  private config: WorkspaceConfig;
  private roots: string[];

  private actorsById = new Map<string, Actor[]>();
  private actorsByName = new Map<string, Actor[]>();
  private matcher = new AliasMatcher();
  private registrySignature = '';
  /** Bumped whenever the registry's names change: what is derived from them (the alias near-match index) is keyed by it. */
  private registryVersion = 0;
  private batchDepth = 0;

  /** Per note, its resolved mentions, packed (see mentionTable.ts). */
  private readonly mentionTables = new Map<string, MentionTable>();
  /** Per actor id, the notes that mention it. */
  private readonly notesByActor = new Map<string, Set<string>>();
  /** The mentions of the notes asked for last, as objects: a bounded cache, least recently used first. */
  private readonly mentionObjects = new Map<MentionTable, Mention[]>();
  /** Per actor id, the notes that mention it in URI order: sorted when first asked, dropped when a note starts or stops mentioning it. */
  private readonly sortedNotesByActor = new Map<string, string[]>();
  /** Per actor id, a number that changes whenever a note that mentions it (before or after) is indexed again or removed. */
  private readonly mentionVersions = new Map<string, number>();
  private lastMentionVersion = 0;
  private readonly notesByClaimKey = new Map<string, Set<string>>();
  /** Every note that writes a `claim=` key, valid or not, in any folder: what references and rename edit. */
  private readonly notesWritingClaimKey = new Map<string, Set<string>>();
  private readonly notesByStem = new Map<string, Set<string>>();
  private readonly dependencyIndex: DependencyIndex;
  /** What features and rules derive from notes and the registry, kept until that changes: every cache of the workspace. */
  readonly derived = new DerivedValues();
  /** The notes nobody edits are kept compact; what is decoded or parsed again of them is kept here a while. */
  private readonly compactNotes = new CompactNotes();
  /** Per parsed note, its valid claims by key: a note with many keys is not scanned once per key. */
  private readonly validClaimsByKey = new WeakMap<Note, Map<string, ClaimSpan[]>>();

  /** `dependencies`: what the rules read of other notes (rules/registry.ts), from which `upsert` tells what an edit affects. */
  constructor(roots: string[], config: WorkspaceConfig, dependencies: readonly NoteDependency[]) {
    this.roots = roots.map(withSlash);
    this.config = config;
    this.dependencyIndex = new DependencyIndex(dependencies);
  }

  get configuration(): WorkspaceConfig {
    return this.config;
  }

  /** Changes whenever an actor's id, name or aliases change (or the workspace is cleared): a key for caches of the registry. */
  get registryGeneration(): number {
    return this.registryVersion;
  }

  get size(): number {
    return this.notesByUri.size;
  }

  /** Replaces the configuration; notes are re-classified and re-parsed. */
  setConfig(config: WorkspaceConfig, roots?: string[]): void {
    this.config = config;
    if (roots) this.roots = roots.map(withSlash);
    const texts = [...this.notesByUri.values()].map((note) => [note.uri, note.text, !isCompact(note)] as const);
    this.clear();
    this.batch(() => {
      for (const [uri, text, keepText] of texts) this.upsert(uri, text, { keepText });
    });
  }

  /** Lets go of the texts decoded and the parses made again of compact notes (see compactNote.ts). */
  dropCaches(): void {
    this.compactNotes.dropCaches();
  }

  clear(): void {
    this.compactNotes.dropCaches();
    this.notesByUri.clear();
    this.mentionTables.clear();
    this.notesByActor.clear();
    this.mentionObjects.clear();
    this.sortedNotesByActor.clear();
    this.notesByClaimKey.clear();
    this.notesWritingClaimKey.clear();
    this.notesByStem.clear();
    this.dependencyIndex.clear();
    this.derived.clear();
    this.actorsById.clear();
    this.actorsByName.clear();
    this.matcher = new AliasMatcher();
    this.registrySignature = '';
    this.registryVersion++;
  }

  relativePath(uri: string): string {
    for (const root of this.roots) {
      if (uri.startsWith(root)) return decodePath(uri.slice(root.length));
    }
    const path = decodePath(uri.replace(/^[a-z][a-z0-9+.-]*:\/*/i, ''));
    return path.split('/').slice(-2).join('/');
  }

  kindOf(uri: string): NoteKind {
    // A note opened from outside the workspace folders is never an article or an actor of this workspace.
    if (this.roots.length > 0 && !this.roots.some((root) => uri.startsWith(root))) return 'other';
    const path = this.relativePath(uri);
    const under = (folders: string[]) => folders.some((folder) => folder === '.' || path.startsWith(`${folder}/`));
    if (under(this.config.actorFolders)) return 'actor';
    if (under(this.config.articleFolders)) return 'article';
    return 'other';
  }

  // ---- updates ----

  /**
   * Adds or replaces a note. With `collectAffected: false` (bulk loading, when nothing is
   * published until the end) the other notes the change affects are not worked out.
   * The note is kept compact (see compactNote.ts) unless `keepText` says it is being edited.
   */
  upsert(uri: string, text: string, options: { collectAffected?: boolean; keepText?: boolean } = {}): UpdateResult {
    const previous = this.notesByUri.get(uri);
    const parsed = parseNote(uri, this.relativePath(uri), text, this.kindOf(uri), this.config);
    const note = options.keepText ? parsed : this.compactNotes.compact(parsed);
    const affected = new Set<string>([uri]);
    if (previous) this.unindex(previous);
    this.notesByUri.set(uri, note);
    this.index(note);
    if (options.collectAffected !== false && this.batchDepth === 0) this.dependencyIndex.collectAffected(previous, note, affected);
    if (this.batchDepth > 0) return { affected };

    const registryChanged = (previous?.kind === 'actor' || note.kind === 'actor') && this.rebuildRegistry();
    if (!registryChanged) this.resolveMentions(note, text);
    return { affected };
  }

  remove(uri: string): UpdateResult {
    const previous = this.notesByUri.get(uri);
    const affected = new Set<string>();
    if (!previous) return { affected };
    this.unindex(previous);
    this.unindexMentions(uri);
    this.notesByUri.delete(uri);
    this.dependencyIndex.collectAffected(previous, undefined, affected);
    affected.delete(uri);
    if (previous.kind === 'actor') this.rebuildRegistry();
    return { affected };
  }

  /**
   * Loads many notes at once (start-up, re-index): each is parsed and indexed, and mentions
   * are resolved once at the end instead of after every actor note.
   */
  batch<T>(load: () => T): T {
    this.batchDepth++;
    try {
      return load();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0) this.rebuildRegistry(true);
    }
  }

  private index(note: Note): void {
    addTo(this.notesByStem, noteStem(note.path).toLowerCase(), note.uri);
    this.dependencyIndex.add(note);
    for (const claim of note.claims) {
      if (!claim.key) continue;
      addTo(this.notesWritingClaimKey, claim.key, note.uri);
      if (note.kind === 'article' && claim.valid) addTo(this.notesByClaimKey, claim.key, note.uri);
    }
  }

  private unindex(note: Note): void {
    this.compactNotes.forget(note);
    removeFrom(this.notesByStem, noteStem(note.path).toLowerCase(), note.uri);
    this.dependencyIndex.remove(note);
    for (const claim of note.claims) {
      if (!claim.key) continue;
      removeFrom(this.notesByClaimKey, claim.key, note.uri);
      removeFrom(this.notesWritingClaimKey, claim.key, note.uri);
    }
    // A note's mentions are not dropped here: the upsert that replaces it resolves them again against the old ones
    // (so that typing leaves the other notes' lists alone), or a registry rebuild replaces them all; `remove` drops them.
  }

  /**
   * Rebuilds the actor registry from the actor notes (a few hundred at most, so cheap).
   * Mentions everywhere are resolved again only when an id, name or alias changed;
   * returns whether they were.
   */
  private rebuildRegistry(force = false): boolean {
    const actorNotes = [...this.notesByUri.values()].filter((note) => note.kind === 'actor' && note.actor);
    this.actorsById = new Map();
    this.actorsByName = new Map();
    const actors: Actor[] = [];
    for (const note of actorNotes) {
      const actor: Actor = { id: note.actor!.id, note, meta: note.actor! };
      actors.push(actor);
      pushTo(this.actorsById, actor.id.toLowerCase(), actor);
      for (const name of actorNames(actor)) {
        const list = this.actorsByName.get(normalizeName(name)) ?? [];
        if (!list.includes(actor)) list.push(actor);
        this.actorsByName.set(normalizeName(name), list);
      }
    }
    const signature = actors
      .map((a) => `${a.note.uri}\u0001${a.id}\u0001${a.meta.name ?? ''}\u0001${a.meta.aliases.map((alias) => alias.value).join('\u0002')}`)
      .sort()
      .join('\u0003') + `\u0004${this.config.bareAliases}`;
    if (!force && signature === this.registrySignature) return false;
    this.registrySignature = signature;
    this.registryVersion++;

    this.matcher = new AliasMatcher();
    if (this.config.bareAliases) {
      for (const actor of actors) for (const name of actorNames(actor)) if (name !== actor.id) this.matcher.add(actor.id, name);
    }
    this.mentionTables.clear();
    this.notesByActor.clear();
    this.mentionObjects.clear();
    this.sortedNotesByActor.clear();
    for (const note of this.notesByUri.values()) this.resolveMentions(note);
    return true;
  }

  /** `text` is the note's text where the caller has it at hand: a compact note's would be decoded again. */
  private resolveMentions(note: Note, text = note.text): void {
    const mentions: Mention[] = [];
    for (const link of note.wikiLinks) {
      const actor = this.resolveActor(link.target);
      if (actor) mentions.push({ uri: note.uri, actorId: actor.id, kind: 'wikilink', span: link.targetSpan, linkSpan: link.span, viaId: sameId(link.target, actor.id) });
    }
    for (const claim of note.claims) {
      if (!claim.by || !claim.bySpan) continue;
      const actor = this.resolveActor(claim.by);
      if (actor) mentions.push({ uri: note.uri, actorId: actor.id, kind: 'by', span: claim.bySpan, viaId: sameId(claim.by, actor.id), claim });
    }
    for (const bare of this.matcher.scan(text, note.prose)) {
      mentions.push({ uri: note.uri, actorId: bare.actorId, kind: 'bare', span: bare.span, viaId: false });
    }
    mentions.sort((a, b) => a.span.start - b.span.start);
    const table = MentionTable.of(note.uri, mentions, note.claims);
    const previous = this.mentionTables.get(note.uri);
    if (previous) {
      // Only the actors the note no longer mentions lose it: typing leaves the others' note lists (and their order) alone.
      for (const actorId of previous.actorIds) if (!table.actorIds.includes(actorId)) this.dropNoteOfActor(actorId, note.uri);
      this.mentionObjects.delete(previous);
    }
    this.mentionTables.set(note.uri, table);
    for (const actorId of table.actorIds) {
      this.mentionVersions.set(actorId, ++this.lastMentionVersion);
      let notes = this.notesByActor.get(actorId);
      if (!notes) this.notesByActor.set(actorId, (notes = new Set()));
      if (notes.has(note.uri)) continue;
      notes.add(note.uri);
      this.sortedNotesByActor.delete(actorId);
    }
  }

  private dropNoteOfActor(actorId: string, uri: string): void {
    const notes = this.notesByActor.get(actorId);
    if (!notes?.delete(uri)) return;
    this.mentionVersions.set(actorId, ++this.lastMentionVersion);
    this.sortedNotesByActor.delete(actorId);
    if (notes.size === 0) this.notesByActor.delete(actorId);
  }

  private unindexMentions(uri: string): void {
    const table = this.mentionTables.get(uri);
    if (!table) return;
    for (const actorId of table.actorIds) this.dropNoteOfActor(actorId, uri);
    this.mentionObjects.delete(table);
    this.mentionTables.delete(uri);
  }

  // ---- queries ----

  getNote(uri: string): Note | undefined {
    return this.notesByUri.get(uri);
  }

  notes(): IterableIterator<Note> {
    return this.notesByUri.values();
  }

  articles(): Note[] {
    return [...this.notesByUri.values()].filter((note) => note.kind === 'article');
  }

  /** Every actor, one per id (the first defined where an id is defined twice), sorted by id. */
  actors(): Actor[] {
    return [...this.actorsById.values()].map((list) => list[0]).sort((a, b) => a.id.localeCompare(b.id));
  }

  actor(id: string): Actor | undefined {
    return this.actorsById.get(id.toLowerCase())?.[0];
  }

  /** An actor by id, then by name or alias, whatever the case and spelling of apostrophes and dashes. */
  resolveActor(name: string): Actor | undefined {
    const direct = this.actorsById.get(name.trim().toLowerCase())?.[0] ?? this.actorsByName.get(normalizeName(name))?.[0];
    if (direct || !/[\\/]|\.(md|markdown)$/i.test(name)) return direct;
    // A link written as the actor note's path (`[[actors/tokayev]]`, `[[tokayev.md]]`) names the actor too.
    const actorNote = this.notesNamed(name.trim()).find((note) => note.kind === 'actor' && note.actor);
    return actorNote ? this.actor(actorNote.actor!.id) : undefined;
  }

  /** Notes (of any kind) whose file name is the given wiki-link target. */
  notesNamed(target: string): Note[] {
    const uris = this.notesByStem.get(stemOfTarget(target)) ?? new Set<string>();
    return [...uris].map((uri) => this.notesByUri.get(uri)!).filter(Boolean);
  }

  mentionsIn(uri: string): Mention[] {
    const table = this.mentionTables.get(uri);
    const note = this.notesByUri.get(uri);
    if (!table || !note) return [];
    let mentions = this.mentionObjects.get(table);
    if (mentions) {
      this.mentionObjects.delete(table);
    } else {
      mentions = table.all(note.claims);
      if (this.mentionObjects.size >= MENTION_OBJECTS_KEPT) this.mentionObjects.delete(this.mentionObjects.keys().next().value!);
    }
    this.mentionObjects.set(table, mentions);
    return mentions;
  }

  /** Every mention of an actor across the workspace, in note order (notes in URI order). */
  mentionsOf(actorId: string, token?: Cancellation): Mention[] {
    const id = this.actor(actorId)?.id;
    if (id === undefined) return [];
    const result: Mention[] = [];
    for (const uri of this.sortedNotesOf(id)) {
      if (token?.isCancellationRequested) break;
      for (const mention of this.mentionsOfIn(id!, uri)) result.push(mention);
    }
    return result;
  }

  /** The notes that mention an actor (by its id as registered), in URI order. */
  private sortedNotesOf(id: string): readonly string[] {
    let uris = this.sortedNotesByActor.get(id);
    if (!uris) this.sortedNotesByActor.set(id, (uris = [...(this.notesByActor.get(id) ?? [])].sort()));
    return uris;
  }

  /**
   * Changes whenever what is known of an actor's mentions may have changed: a note that mentions it was indexed again
   * (its text, its frontmatter) or removed, or the registry changed. A key for caches of what is derived from them.
   */
  mentionVersionOf(actorId: string): string {
    const id = this.actor(actorId)?.id;
    return `${this.registryVersion}:${id === undefined ? -1 : this.mentionVersions.get(id) ?? 0}`;
  }

  /**
   * Calls `visit` for each mention of an actor across the workspace, in the order of `mentionsOf`, with the span of the
   * name as written: what a references request needs, without making thousands of `Mention` objects.
   */
  forEachMentionSpanOf(actorId: string, visit: (note: Note, start: number, end: number) => void, token?: Cancellation): void {
    const id = this.actor(actorId)?.id;
    if (id === undefined) return;
    for (const uri of this.sortedNotesOf(id)) {
      if (token?.isCancellationRequested) return;
      const note = this.notesByUri.get(uri);
      if (note) this.mentionTables.get(uri)?.forEachSpanOf(id, (start, end) => visit(note, start, end));
    }
  }

  /**
   * For each note that mentions an actor (in no particular order): its first mention of the actor, and its `by=`
   * mentions of it. What an actor's hover lists, without making every mention of an actor in thousands of notes.
   * Only articles and actor notes are sources: a note outside their folders (a README, a working note) is not listed.
   */
  firstMentionsOf(actorId: string): ReadonlyMap<string, { first: Mention; claims: readonly Mention[] }> {
    const id = this.actor(actorId)?.id;
    const result = new Map<string, { first: Mention; claims: Mention[] }>();
    for (const uri of (id === undefined ? undefined : this.notesByActor.get(id)) ?? []) {
      const note = this.notesByUri.get(uri);
      if (note?.kind === 'other') continue;
      const found = note && this.mentionTables.get(uri)?.firstAndClaimsOf(id!, note.claims);
      if (found) result.set(uri, found);
    }
    return result;
  }

  /** An actor's mentions in one note, in note order: made from the note's table, not cached. */
  private mentionsOfIn(actorId: string, uri: string): Mention[] {
    const cached = this.mentionObjects.get(this.mentionTables.get(uri)!);
    if (cached) return cached.filter((mention) => mention.actorId === actorId);
    const note = this.notesByUri.get(uri);
    return note ? this.mentionTables.get(uri)?.mentionsOf(actorId, note.claims) ?? [] : [];
  }

  /** Every note that writes the key in a claim, valid or not, in any folder, in URI order. */
  notesWritingKey(key: string): Note[] {
    return [...(this.notesWritingClaimKey.get(key) ?? [])].sort().map((uri) => this.notesByUri.get(uri)!).filter(Boolean);
  }

  claimKeys(): string[] {
    return [...this.notesByClaimKey.keys()].sort();
  }

  /** Every valid occurrence of a claim key in the workspace's articles, in note order. */
  occurrences(key: string): ClaimOccurrence[] {
    const result: ClaimOccurrence[] = [];
    for (const uri of [...(this.notesByClaimKey.get(key) ?? [])].sort()) {
      const note = this.notesByUri.get(uri);
      if (!note) continue;
      for (const claim of this.claimsByKey(note).get(key) ?? []) result.push({ key, note, claim });
    }
    return result;
  }

  /** Every actor note that defines an id, ignoring case, in the order they were indexed: the first one wins. */
  actorsWithId(id: string): readonly Actor[] {
    return this.actorsById.get(id.trim().toLowerCase()) ?? [];
  }

  /** Every actor that an id, name or alias names (spelling folded as by `normalizeName`), in the order they were indexed. */
  actorsNamed(name: string): readonly Actor[] {
    return this.actorsByName.get(normalizeName(name)) ?? [];
  }

  /** A note's valid claims grouped by key, computed once per parse. */
  claimsByKey(note: Note): ReadonlyMap<string, readonly ClaimSpan[]> {
    let byKey = this.validClaimsByKey.get(note);
    if (!byKey) {
      byKey = new Map();
      for (const claim of note.claims) if (claim.valid && claim.key) pushTo(byKey, claim.key, claim);
      this.validClaimsByKey.set(note, byKey);
    }
    return byKey;
  }
}

/** The names an actor is known by: its id, its name and its aliases. */
export function actorNames(actor: Pick<Actor, 'id' | 'meta'>): string[] {
  const names = [actor.id];
  if (actor.meta.name) names.push(actor.meta.name);
  for (const alias of actor.meta.aliases) names.push(alias.value);
  return names;
}

function sameId(written: string, id: string): boolean {
  return written.trim().toLowerCase() === id.toLowerCase();
}

/** How many notes' mentions are kept as objects: the notes open in an editor, and some. */
const MENTION_OBJECTS_KEPT = 64;

/** The file name a wiki-link target names (`[[background/tass.md]]` names tass), as notes are indexed by it. */
export function stemOfTarget(target: string): string {
  return noteStem(target.replace(/\\/g, '/')).toLowerCase();
}

/** A URI's path decoded; as written where its escapes are malformed (an editor may send any URI). */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function withSlash(root: string): string {
  return root.endsWith('/') ? root : `${root}/`;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
