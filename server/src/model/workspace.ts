import { aliasNearMatchDiagnostics, aliasNearMatches } from '../analysis/aliasDiscovery';
import { AliasMatcher } from './aliases';
import { defaultConfig, type WorkspaceConfig } from './config';
import { claimStatus, noCounterSourceMessage, outletKey, type ClaimOccurrence, type ClaimStatus } from '../rules/counterSource';
import { applySeverities, diagnostic, DIAGNOSTIC_CODES, type CoreDiagnostic, type DiagnosticCode } from '../syntax/diagnostics';
import { candidateHints } from '../analysis/importHints';
import type { ClaimSpan } from '../syntax/markdown';
import { compactNote, forgetNote, isCompact } from './compactNote';
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

export interface DiagnosticsOptions {
  /**
   * Whether to work out the hint-level suggestions (alias near-matches, candidate actors and claims). They are for the
   * note being edited: an editor passes false for closed notes, which then get them only where a rule raises one
   * above a hint. Default true.
   */
  hints?: boolean;
}

export interface UpdateResult {
  /** Notes whose diagnostics may have changed, this one included. */
  affected: Set<string>;
}

/**
 * The workspace model: every note parsed once, and the maps between them kept current
 * from each note's delta. Updating a note re-parses that note only; only a change to the
 * actor registry (an actor's id, name or aliases) re-resolves mentions everywhere.
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
  private readonly notesByLinkTarget = new Map<string, Set<string>>();

  constructor(roots: string[] = [], config: WorkspaceConfig = defaultConfig()) {
    this.roots = roots.map(withSlash);
    this.config = config;
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

  clear(): void {
    for (const note of this.notesByUri.values()) forgetNote(note);
    this.notesByUri.clear();
    this.mentionTables.clear();
    this.notesByActor.clear();
    this.mentionObjects.clear();
    this.sortedNotesByActor.clear();
    this.notesByClaimKey.clear();
    this.notesWritingClaimKey.clear();
    this.notesByStem.clear();
    this.notesByLinkTarget.clear();
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
    const note = options.keepText ? parsed : compactNote(parsed);
    const affected = new Set<string>([uri]);
    const collect = options.collectAffected !== false && this.batchDepth === 0;
    if (collect) {
      this.collectClaimNeighbours(previous, note, affected);
      if (!previous) this.collectLinkers(note, affected);
    }

    if (previous) this.unindex(previous);
    this.notesByUri.set(uri, note);
    this.index(note);
    if (this.batchDepth > 0) return { affected };

    const registryChanged = (previous?.kind === 'actor' || note.kind === 'actor') && this.rebuildRegistry();
    if (registryChanged) {
      if (collect) for (const other of this.notesByUri.keys()) affected.add(other);
    } else {
      this.resolveMentions(note, text);
    }
    return { affected };
  }

  remove(uri: string): UpdateResult {
    const previous = this.notesByUri.get(uri);
    const affected = new Set<string>();
    if (!previous) return { affected };
    this.collectClaimNeighbours(previous, undefined, affected);
    this.collectLinkers(previous, affected);
    this.unindex(previous);
    this.unindexMentions(uri);
    this.notesByUri.delete(uri);
    affected.delete(uri);
    if (previous.kind === 'actor' && this.rebuildRegistry()) for (const other of this.notesByUri.keys()) affected.add(other);
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
    for (const link of note.wikiLinks) addTo(this.notesByLinkTarget, stemOfTarget(link.target), note.uri);
    for (const claim of note.claims) {
      if (!claim.key) continue;
      addTo(this.notesWritingClaimKey, claim.key, note.uri);
      if (note.kind === 'article' && claim.valid) addTo(this.notesByClaimKey, claim.key, note.uri);
    }
  }

  private unindex(note: Note): void {
    forgetNote(note);
    removeFrom(this.notesByStem, noteStem(note.path).toLowerCase(), note.uri);
    for (const link of note.wikiLinks) removeFrom(this.notesByLinkTarget, stemOfTarget(link.target), note.uri);
    for (const claim of note.claims) {
      if (!claim.key) continue;
      removeFrom(this.notesByClaimKey, claim.key, note.uri);
      removeFrom(this.notesWritingClaimKey, claim.key, note.uri);
    }
    // A note's mentions are not dropped here: the upsert that replaces it resolves them again against the old ones
    // (so that typing leaves the other notes' lists alone), or a registry rebuild replaces them all; `remove` drops them.
  }

  /** Other articles whose counter-source status may change with this edit. */
  private collectClaimNeighbours(before: Note | undefined, after: Note | undefined, affected: Set<string>): void {
    const signature = (note: Note | undefined) =>
      note?.kind === 'article'
        ? `${outletKey(note)}|${note.article?.perspective ?? ''}|${note.claims.filter((c) => c.valid).map((c) => `${c.key}:${c.stance === 'disputes'}`).sort().join(',')}`
        : '';
    if (signature(before) === signature(after)) return;
    for (const note of [before, after]) {
      for (const claim of note?.claims ?? []) {
        if (!claim.key) continue;
        for (const uri of this.notesByClaimKey.get(claim.key) ?? []) affected.add(uri);
      }
    }
  }

  /** Notes whose wiki links may resolve differently now that this note appears or goes. */
  private collectLinkers(note: Note, affected: Set<string>): void {
    for (const uri of this.notesByLinkTarget.get(noteStem(note.path).toLowerCase()) ?? []) affected.add(uri);
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
   */
  firstMentionsOf(actorId: string): ReadonlyMap<string, { first: Mention; claims: readonly Mention[] }> {
    const id = this.actor(actorId)?.id;
    const result = new Map<string, { first: Mention; claims: Mention[] }>();
    for (const uri of (id === undefined ? undefined : this.notesByActor.get(id)) ?? []) {
      const note = this.notesByUri.get(uri);
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
      for (const claim of validClaimsByKey(note).get(key) ?? []) result.push({ key, note, claim });
    }
    return result;
  }

  /** The counter-source status of one claim span, or undefined when it is not in the index. */
  statusOf(uri: string, claim: ClaimSpan): ClaimStatus | undefined {
    if (!claim.key || !claim.valid) return undefined;
    const all = this.occurrences(claim.key);
    const occurrence = all.find((o) => o.note.uri === uri && o.claim === claim);
    return occurrence ? claimStatus(occurrence, all) : undefined;
  }

  /** Every diagnostic of a note, its own and those that depend on the rest of the workspace, at the configured severities. */
  diagnostics(uri: string, options: DiagnosticsOptions = {}): CoreDiagnostic[] {
    const note = this.notesByUri.get(uri);
    if (!note) return [];
    const result = [...note.diagnostics, ...this.workspaceDiagnostics(note, options.hints !== false)];
    result.sort((a, b) => a.span.start - b.span.start);
    return applySeverities(result, this.config.rules);
  }

  private workspaceDiagnostics(note: Note, hints: boolean): CoreDiagnostic[] {
    const result: CoreDiagnostic[] = [];
    for (const link of note.wikiLinks) {
      if (this.resolveActor(link.target) || this.notesNamed(link.target).length > 0) continue;
      result.push(diagnostic('actor.unknown', link.targetSpan,
        `No actor or note is called \`${link.target}\`. Create its actor note, or link an existing id or alias.`, { name: link.target }));
    }
    for (const claim of note.claims) {
      if (claim.by && claim.bySpan && !this.resolveActor(claim.by)) {
        result.push(diagnostic('actor.unknown', claim.bySpan,
          `No actor has the id or alias \`${claim.by}\`. Create its actor note, or use an existing id.`, { name: claim.by }));
      }
    }
    if (note.kind === 'actor' && note.actor) this.registryDiagnostics(note, note.actor, result);
    if (this.suggestionWanted('alias.near-match', hints)) result.push(...aliasNearMatchDiagnostics(this, note));
    const actorCandidates = this.suggestionWanted('actor.candidate', hints);
    const claimCandidates = this.suggestionWanted('claim.candidate', hints);
    if (note.kind === 'article' && (actorCandidates || claimCandidates)) {
      const rules = { ...this.config.rules, ...(actorCandidates ? {} : { 'actor.candidate': 'off' as const }), ...(claimCandidates ? {} : { 'claim.candidate': 'off' as const }) };
      result.push(...candidateHints(note, { mentions: this.mentionsIn(note.uri), nearMatches: aliasNearMatches(this, note), isKnown: (name) => this.resolveActor(name) !== undefined, rules, bareAliases: this.config.bareAliases }));
    }
    if (note.kind === 'article') {
      // Claims of one note that share a key and whether they dispute it share their status and message
      // (same outlet, same perspective): work them out once, not once per claim.
      const unsourced = new Map<string, string | undefined>();
      for (const claim of note.claims) {
        if (!claim.valid || !claim.key || claim.singleSource || claim.counter !== undefined) continue;
        const group = `${claim.key}\u0000${claim.stance === 'disputes'}`;
        if (!unsourced.has(group)) {
          const all = this.occurrences(claim.key);
          const occurrence = all.find((o) => o.note === note && o.claim === claim);
          const status = occurrence && claimStatus(occurrence, all);
          unsourced.set(group, status && !status.hasCounterSource ? noCounterSourceMessage(status, all) : undefined);
        }
        const message = unsourced.get(group);
        if (message === undefined) continue;
        result.push(diagnostic('claim.no-counter-source', claim.keySpan ?? claim.span, message, {
          key: claim.key,
          outlet: note.article?.outlet,
          perspective: note.article?.perspective,
        }));
      }
    }
    return result;
  }

  /** A suggestion is worked out when hints are asked for, or when a rule makes it more than a hint. */
  private suggestionWanted(code: DiagnosticCode, hints: boolean): boolean {
    const severity = this.config.rules[code] ?? DIAGNOSTIC_CODES[code];
    return hints || (severity !== 'hint' && severity !== 'off');
  }

  private registryDiagnostics(note: Note, meta: ActorMeta, result: CoreDiagnostic[]): void {
    const sameId = this.actorsById.get(meta.id.toLowerCase()) ?? [];
    if (sameId.length > 1) {
      const others = sameId.filter((a) => a.note !== note);
      result.push({
        ...diagnostic('actor.duplicate-id', meta.idSpan ?? note.frontmatter?.openFenceSpan ?? { start: 0, end: 0 },
          `The actor id \`${meta.id}\` is also defined by ${others.map((a) => a.note.path).join(', ')}; mentions resolve to ${sameId[0].note.path}.`),
        related: others.map((a) => ({ uri: a.note.uri, span: a.meta.idSpan ?? { start: 0, end: 0 }, message: `\`${meta.id}\` defined here too` })),
      });
    }
    for (const alias of meta.aliases) {
      const owners = (this.actorsByName.get(normalizeName(alias.value)) ?? []).filter((a) => a.id.toLowerCase() !== meta.id.toLowerCase());
      if (owners.length === 0) continue;
      result.push(diagnostic('actor.duplicate-alias', alias.span ?? note.frontmatter?.openFenceSpan ?? { start: 0, end: 0 },
        `The alias \`${alias.value}\` also names ${owners.map((a) => a.id).join(', ')}; a mention of it resolves to ${this.resolveActor(alias.value)?.id}.`,
        { alias: alias.value, actors: [meta.id, ...owners.map((a) => a.id)] }));
    }
  }
}

/** The names an actor is known by: its id, its name and its aliases. */
export function actorNames(actor: Actor): string[] {
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

const claimsByKeyCache = new WeakMap<Note, Map<string, ClaimSpan[]>>();

/** A note's valid claims grouped by key, computed once per parse: a note with many keys is not scanned once per key. */
function validClaimsByKey(note: Note): Map<string, ClaimSpan[]> {
  let byKey = claimsByKeyCache.get(note);
  if (!byKey) {
    byKey = new Map();
    for (const claim of note.claims) if (claim.valid && claim.key) pushTo(byKey, claim.key, claim);
    claimsByKeyCache.set(note, byKey);
  }
  return byKey;
}

/** The file name a wiki-link target names (`[[background/tass.md]]` names tass), as notes are indexed by it. */
function stemOfTarget(target: string): string {
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
