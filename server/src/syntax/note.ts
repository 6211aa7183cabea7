import { diagnostic } from './diagnostics';
import { parseFrontmatter, type Frontmatter, type FrontmatterField, type FrontmatterItem } from './frontmatter';
import { parseBody, type MarkdownBody } from './markdown';
import { MAX_BLOCKS_PER_NOTE, MAX_CLAIMS_PER_NOTE, MAX_LINKS_PER_NOTE, MAX_NOTE_CHARS, MAX_PARSE_DIAGNOSTICS_PER_NOTE } from './limits';
import { LineMap, type Span } from './text';

export type NoteKind = 'article' | 'actor' | 'other';

export const ACTOR_KINDS = ['person', 'organization', 'state', 'territory', 'media'] as const;
export const ARTICLE_FIELDS = ['title', 'outlet', 'url', 'date', 'author', 'perspective', 'language', 'original-outlet', 'original-url'] as const;
export const REQUIRED_ARTICLE_FIELDS = ['title', 'outlet', 'perspective'] as const;

export interface ArticleMeta {
  title?: string;
  outlet?: string;
  url?: string;
  date?: string;
  author?: string;
  perspective?: string;
  language?: string;
  /** The note is a copy, translation or syndication of this outlet's story: the rule counts it as that outlet. */
  'original-outlet'?: string;
  /** Where the original story is, when known. */
  'original-url'?: string;
}

export interface ActorAlias {
  value: string;
  span?: Span;
}

export interface ActorMeta {
  id: string;
  /** Where the id is written (the frontmatter `id` value); absent when the id is the file name. */
  idSpan?: Span;
  name?: string;
  nameSpan?: Span;
  aliases: ActorAlias[];
  kind?: string;
  role?: string;
  wikidata?: string;
}

/** One parsed note: its body's markup (see `MarkdownBody`; `diagnostics` there are everything that depends on this note alone) and what the frontmatter says. */
export interface Note extends Omit<MarkdownBody, 'stoppedAt'> {
  uri: string;
  /** Path relative to its workspace folder, with `/` separators. */
  path: string;
  text: string;
  lines: LineMap;
  kind: NoteKind;
  frontmatter?: Frontmatter;
  bodyStart: number;
  article?: ArticleMeta;
  actor?: ActorMeta;
}

/** The file name without folder and `.md`: the default actor id and the wiki-link name of a note. */
export function noteStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.(?:md|markdown)$/i, '');
}

/** What the field checks need of the workspace's configuration. */
export interface NoteChecks {
  /** The allowed `perspective` values of article notes. */
  readonly perspectives: readonly string[];
}

export function parseNote(uri: string, path: string, text: string, kind: NoteKind, config: NoteChecks): Note {
  const lines = new LineMap(text);
  if (text.length > MAX_NOTE_CHARS) return unreadNote(uri, path, text, lines, kind);
  const fm = parseFrontmatter(text);
  const body = parseBody(text, fm.bodyStart);
  const note: Note = {
    uri,
    path,
    text,
    lines,
    kind,
    frontmatter: fm.frontmatter,
    bodyStart: fm.bodyStart,
    wikiLinks: body.wikiLinks,
    claims: body.claims,
    headings: body.headings,
    blocks: body.blocks,
    prose: body.prose,
    diagnostics: [...fm.diagnostics, ...body.diagnostics],
  };
  if (body.stoppedAt !== undefined) {
    let start = body.stoppedAt;
    while (start < text.length && isBlankChar(text.charCodeAt(start))) start++;
    const line = lines.positionAt(start).line;
    note.diagnostics.push(diagnostic('note.too-large', { start, end: Math.max(start, lines.lineEnd(line)) },
      `This note reaches a limit of what is read in one note (${MAX_CLAIMS_PER_NOTE} claims, ${MAX_LINKS_PER_NOTE} wiki links, ` +
      `${MAX_PARSE_DIAGNOSTICS_PER_NOTE} problems or ${MAX_BLOCKS_PER_NOTE} paragraphs): the text from here on is not read. Split the note.`));
  }
  // A repeated key is only a warning: the fields are read, with YAML's last value.
  const unreadable = fm.diagnostics.some((d) => d.code !== 'frontmatter.missing' && d.code !== 'frontmatter.duplicate-key');
  if (kind === 'article') note.article = readArticle(note, config, unreadable);
  if (kind === 'actor') note.actor = readActor(note, unreadable);
  if (kind !== 'article') {
    for (const claim of note.claims) {
      note.diagnostics.push(diagnostic('claim.outside-article', claim.span,
        'Claims count across sources only in article notes; this one is not in an article folder.'));
    }
  }
  return note;
}

function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** A note over the size limit: kept (it is in the workspace) but not parsed, with one diagnostic saying so. */
function unreadNote(uri: string, path: string, text: string, lines: LineMap, kind: NoteKind): Note {
  const diagnostics = [diagnostic('note.too-large', { start: 0, end: lines.lineEnd(0) },
    `This note is ${text.length} characters long, more than the ${MAX_NOTE_CHARS} Counterpoint reads in one note: it is not read. Split it.`)];
  return { uri, path, text, lines, kind, bodyStart: 0, wikiLinks: [], claims: [], headings: [], blocks: [], prose: [], diagnostics };
}

function topSpan(note: Note): Span {
  return note.frontmatter?.openFenceSpan ?? { start: note.bodyStart, end: note.lines.lineEnd(note.lines.positionAt(note.bodyStart).line) };
}

function readArticle(note: Note, config: NoteChecks, unreadable: boolean): ArticleMeta {
  const meta: ArticleMeta = {};
  // An unclosed or unreadable fence is reported as such, not as a missing frontmatter.
  if (!note.frontmatter && unreadable) return meta;
  if (!note.frontmatter) {
    note.diagnostics.push(diagnostic('frontmatter.missing', topSpan(note),
      'This article note has no frontmatter: add a `---` block with title, outlet, date and perspective.'));
    return meta;
  }
  if (unreadable) return meta;
  for (const field of ARTICLE_FIELDS) {
    const value = readScalar(note, field, 'article.invalid-field');
    if (value !== undefined) meta[field] = value;
  }
  for (const field of REQUIRED_ARTICLE_FIELDS) {
    if (meta[field] === undefined || meta[field] === '') {
      note.diagnostics.push(diagnostic('article.missing-field', topSpan(note),
        `This article has no \`${field}\`: ${field === 'perspective' ? `set one of ${config.perspectives.join(', ')}` : 'the counter-source rule and the hovers need it'}.`,
        { field }));
    }
  }
  if (meta.date !== undefined && !isIsoDate(meta.date)) {
    note.diagnostics.push(diagnostic('article.invalid-date', fieldSpan(note, 'date'),
      `\`${meta.date}\` is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY, optionally with a time).`));
  }
  if (meta.perspective !== undefined && meta.perspective !== '' && !config.perspectives.includes(meta.perspective)) {
    note.diagnostics.push(diagnostic('article.unknown-perspective', fieldSpan(note, 'perspective'),
      `\`${meta.perspective}\` is not one of this workspace's perspectives: ${config.perspectives.join(', ')}. Until it is, the article counts as having no perspective.`,
      { perspective: meta.perspective }));
    // A typo (`Western` for `western`) must not make every claim look confirmed from another side.
    meta.perspective = undefined;
  }
  for (const field of ['url', 'original-url'] as const) {
    if (meta[field] !== undefined && !/^https?:\/\/\S+$/i.test(meta[field])) {
      note.diagnostics.push(diagnostic('article.invalid-field', fieldSpan(note, field), `\`${field}\` must be an http or https address.`));
    }
  }
  return meta;
}

function readActor(note: Note, unreadable: boolean): ActorMeta {
  const stem = noteStem(note.path);
  const meta: ActorMeta = { id: stem, aliases: [] };
  if (!note.frontmatter && unreadable) return meta;
  if (!note.frontmatter) {
    note.diagnostics.push(diagnostic('frontmatter.missing', topSpan(note),
      'This actor note has no frontmatter: add a `---` block with name, aliases, kind and role.'));
    return meta;
  }
  if (unreadable) return meta;
  const fields = note.frontmatter.fields;
  const id = readScalar(note, 'id', 'actor.invalid-field');
  if (id !== undefined && id.trim() !== '') {
    meta.id = id.trim();
    meta.idSpan = fields.get('id')?.valueSpan;
  }
  meta.name = readScalar(note, 'name', 'actor.invalid-field');
  meta.nameSpan = fields.get('name')?.valueSpan;
  if (!meta.name) {
    note.diagnostics.push(diagnostic('actor.missing-field', topSpan(note), 'This actor has no `name`: hovers show it as the actor\'s title.', { field: 'name' }));
  }
  meta.kind = readScalar(note, 'kind', 'actor.invalid-field');
  if (meta.kind !== undefined && !(ACTOR_KINDS as readonly string[]).includes(meta.kind)) {
    note.diagnostics.push(diagnostic('actor.invalid-field', fieldSpan(note, 'kind'), `\`${meta.kind}\` is not an actor kind: use ${ACTOR_KINDS.join(', ')}.`));
  }
  meta.role = readScalar(note, 'role', 'actor.invalid-field');
  meta.wikidata = readScalar(note, 'wikidata', 'actor.invalid-field');
  if (meta.wikidata !== undefined && !/^Q[1-9]\d*$/.test(meta.wikidata)) {
    note.diagnostics.push(diagnostic('actor.invalid-field', fieldSpan(note, 'wikidata'), '`wikidata` must be a Wikidata item id such as Q12345.'));
  }
  meta.aliases = readAliases(note, fields.get('aliases'));
  return meta;
}

function readAliases(note: Note, field: FrontmatterField | undefined): ActorAlias[] {
  const value = note.frontmatter?.data.aliases;
  if (value === undefined || value === null) return [];
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!values || !values.every((item) => typeof item === 'string' || typeof item === 'number')) {
    note.diagnostics.push(diagnostic('actor.invalid-field', fieldSpan(note, 'aliases'), '`aliases` must be a list of names.'));
    return [];
  }
  // The first item written with each value, looked up by value: a note may list thousands of aliases.
  const items = new Map<string, FrontmatterItem>();
  for (const item of field?.items ?? []) if (!items.has(item.value)) items.set(item.value, item);
  const aliases: ActorAlias[] = [];
  for (const raw of values) {
    const alias = String(raw).trim();
    if (alias === '') continue;
    const item = items.get(alias) ?? (typeof value === 'string' ? { value: alias, span: field?.valueSpan } : undefined);
    aliases.push({ value: alias, span: item?.span });
  }
  return aliases;
}

/** A frontmatter scalar as text. Dates are read as written, not as YAML turns them into. */
function readScalar(note: Note, key: string, invalidCode: 'article.invalid-field' | 'actor.invalid-field'): string | undefined {
  const value = note.frontmatter?.data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return note.frontmatter?.fields.get(key)?.raw ?? String(value);
  }
  note.diagnostics.push(diagnostic(invalidCode, fieldSpan(note, key), `\`${key}\` must be a single value, not a list or a mapping.`));
  return undefined;
}

export function fieldSpan(note: Note, key: string): Span {
  const field = note.frontmatter?.fields.get(key);
  if (!field) return topSpan(note);
  return field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.keySpan;
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(value);
  if (!match) return false;
  const [, , month, day, hour, minute, second] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined) {
    const date = new Date(Date.UTC(Number(match[1]), Number(month) - 1, Number(day)));
    if (date.getUTCDate() !== Number(day)) return false;
  }
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || (second !== undefined && Number(second) > 59))) return false;
  return true;
}
