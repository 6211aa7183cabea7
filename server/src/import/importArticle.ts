// Turns the raw text of an article (as copied from a web page) into an article note skeleton. Every guess stays
// visible: frontmatter values carry a YAML comment saying where they come from, fields the text does not give are
// left empty (so that `article.missing-field` flags them), page furniture that was left out is listed in a comment
// at the end, and names and reported speech the importer cannot decide on become hints (`actor.candidate`,
// `claim.candidate`) once the note is in the workspace.
import { AliasMatcher } from '../model/aliases';
import { parseFrontmatter } from '../syntax/frontmatter';
import { stripUnsafe } from '../syntax/sanitize';
import { parseBody } from '../syntax/markdown';
import { isIsoDate } from '../syntax/note';
import { sentenceAround } from '../syntax/sentences';
import { normalizeName, type Span } from '../syntax/text';
import { derivation } from '../model/derived';
import { actorNames, type Workspace } from '../model/workspace';
import { createWorkspace, noteDiagnostics, type Diagnostic } from '../rules/registry';
import { plural } from '../syntax/plural';

export interface ImportOptions {
  /** The file the text comes from, named in the note's closing comment. */
  source?: string;
}

/** What the importer read from the text about the article itself, and where it read it. */
export interface ArticleGuess {
  value: string;
  /** Why this value, as the frontmatter comment says it: "from the text's first line", "from “He told Channel 24 about this.”". */
  evidence: string;
}

export interface ImportedArticle {
  markdown: string;
  /** The note's path in the workspace: the first article folder and a file name made from the title. */
  path: string;
  title?: ArticleGuess;
  outlet?: ArticleGuess;
  date?: ArticleGuess;
  author?: ArticleGuess;
  language?: ArticleGuess;
  /** How many wiki links to known actors were written. */
  linked: number;
  /** The diagnostics the note will have in the workspace: the fields to fill in, and the hints to accept or dismiss. */
  hints: Diagnostic[];
}

/** Whether a text is already a note (it has frontmatter), which `importArticle` must not be given. */
export function hasFrontmatter(text: string): boolean {
  return parseFrontmatter(text).frontmatter !== undefined;
}

/**
 * The note for a raw article text, and the diagnostics it will have in the workspace. The workspace is only read:
 * the note is not added to it.
 */
export function importArticle(text: string, workspace: Workspace, options: ImportOptions = {}): ImportedArticle {
  const lines = cleanText(text).split('\n');
  const furniture: string[] = [];
  const { title, bodyStart } = findTitle(lines, furniture);
  const about = readAbout(lines, workspace);
  const paragraphs = bodyParagraphs(lines.slice(bodyStart), title?.value, furniture);
  let body = [`# ${escapeAnnotations(title?.value ?? '')}`.trimEnd(), ...paragraphs].join('\n\n');
  const linkedBody = linkKnownActors(body, workspace);
  body = linkedBody.text;
  if (furniture.length > 0 || options.source) body += `\n\n${closingComment(options.source, furniture)}`;
  const frontmatter = frontmatterOf({ title, ...about }, workspace.configuration.perspectives);
  const markdown = `${frontmatter}\n${body}\n`;
  const path = articlePath(workspace, title?.value ?? options.source ?? '');
  return { markdown, path, title, ...about, linked: linkedBody.linked, hints: diagnosticsInWorkspace(workspace, path, markdown) };
}

/** What is left to do on an imported note, in one line: "fill in outlet, perspective; 3 actor candidates, 7 claim candidates to review; 12 links to known actors". */
export function describeImport(imported: ImportedArticle): string {
  const parts: string[] = [];
  const missing = imported.hints.flatMap((h) => (h.code === 'article.missing-field' && h.data ? [h.data.field] : []));
  if (missing.length > 0) parts.push(`fill in ${missing.join(', ')}`);
  const count = (code: string, one: string) => {
    const n = imported.hints.filter((h) => h.code === code).length;
    return n === 0 ? undefined : plural(n, one);
  };
  const review = [count('actor.candidate', 'actor candidate'), count('claim.candidate', 'claim candidate'), count('alias.near-match', 'near spelling of an actor')]
    .filter((part): part is string => part !== undefined);
  if (review.length > 0) parts.push(`${review.join(', ')} to review`);
  parts.push(`${imported.linked} link${imported.linked === 1 ? '' : 's'} to known actors`);
  return parts.join('; ');
}

// ---- the text ----

/** Line ends made `\n`; control characters and bidi overrides dropped (they can disguise markup); blanks at line ends trimmed. */
function cleanText(text: string): string {
  return stripUnsafe(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
    .split('\n')
    .map(trimLineEnd)
    .join('\n');
}

/** The line without blanks (spaces, tabs, no-break spaces) at its end, found by a scan from the end. */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\u00a0')) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** "Home | Articles | Title", "Home » today » World » Title": a site's path to the page, not the article. */
const BREADCRUMB = /^(?:home|main|start|homepage|news)\s*(?:[|»›>/\\]|&gt;)\s*\S/i;
const BREADCRUMB_SEPARATOR = /(?<!\s)\s+(?:[|»›>/\\]|&gt;)\s+/;
/** Lines of page furniture: widgets, links to other pages, tags. Matched on a whole line. */
const FURNITURE = [
  /^comments? (?:are|is) closed\.?$/i,
  /^leave a (?:comment|reply)$/i,
  /^this site uses akismet\b/i,
  /^pin it on pinterest$/i,
  /^scroll to top$/i,
  /^(?:share|tweet|print|email)(?: (?:this|on \w+))?:?$/i,
  /^read all (?:articles|stories|news|posts) (?:by|from)\b/i,
  /^(?:©|\(c\)|copyright\b).{0,80}$/i,
  /^(?:subscribe|follow us)\b.{0,60}$/i,
  /^(?:tags?|related|advertisement|skip to content|menu|search)\s*:?$/i,
  /^#[\p{L}\p{N}_]+(?:\s+#[\p{L}\p{N}_]+)*$/u,
];
/** A paragraph that starts so is a list of links to other articles. */
const READ_ALSO = /^read (?:also|more)\b/i;

function isFurniture(line: string): boolean {
  const trimmed = line.trim();
  return FURNITURE.some((pattern) => pattern.test(trimmed)) || dateLine(trimmed) !== undefined;
}

/** The first line that is neither blank, a breadcrumb nor furniture; the breadcrumb and furniture before it are left out. */
function findTitle(lines: readonly string[], furniture: string[]): { title?: ArticleGuess; bodyStart: number } {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (BREADCRUMB.test(line) && line.split(BREADCRUMB_SEPARATOR).length >= 2) {
      furniture.push(`${line} (the site's breadcrumb)`);
      continue;
    }
    if (isFurniture(line)) {
      furniture.push(line);
      continue;
    }
    const heading = /^#{1,6}\s+/.exec(line);
    const value = line.slice(heading?.[0].length ?? 0).replace(/(?<!\s)\s+#+$/, '').trim();
    return { title: { value, evidence: heading ? "from the text's first heading" : "from the text's first line" }, bodyStart: i + 1 };
  }
  return { bodyStart: lines.length };
}

/**
 * The body's paragraphs as markdown: furniture left out (and listed), bullets made list items, short lines without a
 * full stop made `##` headings, and what would read as a Counterpoint annotation escaped.
 */
function bodyParagraphs(lines: readonly string[], title: string | undefined, furniture: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(paragraphOf(current));
    current = [];
  };
  let skippingList = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      flush();
      skippingList = false;
      continue;
    }
    if (skippingList || (current.length === 0 && READ_ALSO.test(line))) {
      furniture.push(line);
      skippingList = true;
      continue;
    }
    if (title !== undefined && paragraphs.length === 0 && current.length === 0 && sameText(line.replace(/^#+\s*/, ''), title)) {
      furniture.push(`${line} (a repeat of the title)`);
      continue;
    }
    if (isFurniture(line)) {
      furniture.push(dateLine(line) ? `${line} (the date)` : line);
      continue;
    }
    current.push(line);
  }
  flush();
  return paragraphs;
}

function sameText(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

function paragraphOf(lines: readonly string[]): string {
  const items = lines.map((line) => escapeAnnotations(line.replace(/^[•·▪●◦‣]\s*/, '- ')));
  if (items.length === 1 && isSubheading(items[0])) return `## ${items[0]}`;
  return items.join('\n');
}

/** A line of its own, short, starting with a capital, with no full stop: a sub-headline. Already-markdown lines are left alone. */
function isSubheading(line: string): boolean {
  if (/^(?:#|[-*+>]\s|\d+[.)]\s|<)/.test(line)) return false;
  const words = line.split(/\s+/);
  return /^\p{Lu}/u.test(line) && words.length >= 2 && words.length <= 12 && line.length <= 90 && !/[.!,;:…"”»)]$/.test(line);
}

/** Text that would be read as a wiki link, a claim's attributes or a comment is escaped: imported text annotates nothing. */
function escapeAnnotations(line: string): string {
  return line.replace(/\[\[/g, '\\[[').replace(/\]\{/g, ']\\{').replace(/<!--/g, '\\<!--');
}

// ---- what the text says about itself ----

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
/** A line that is only a date, perhaps after a bullet or "Published", perhaps with a time. */
const DATE_LINE_PREFIX = /^(?:[-•·*]\s*)?(?:(?:published|posted|updated|date|dated)(?: on)?:?\s*)?/i;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?![\d-])/;
const TIME_SUFFIX = /(?:,?(?<!\s)\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?(?:(?<!\s)\s+[A-Z]{2,4})?$/i;
/** Longer lines are never only a date. */
const MAX_DATE_LINE = 80;

/** The ISO date of a line that is only a date ("• 20 June, 2022", "Published June 20, 2022 10:15"); undefined otherwise. */
function dateLine(line: string): string | undefined {
  if (line.length > MAX_DATE_LINE) return undefined;
  const prefix = DATE_LINE_PREFIX.exec(line)?.[0] ?? '';
  const rest = line.slice(prefix.length).replace(TIME_SUFFIX, '').trim();
  let match = DAY_MONTH_YEAR.exec(rest);
  if (match) return isoDate(match[3], monthNumber(match[2]), match[1]);
  match = MONTH_DAY_YEAR.exec(rest);
  if (match) return isoDate(match[3], monthNumber(match[1]), match[2]);
  match = DOTTED.exec(rest);
  if (match) return isoDate(match[3], Number(match[2]), match[1]);
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(rest.split('T', 1)[0]);
  if (match) return isoDate(match[1], Number(match[2]), match[3]);
  return undefined;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower) + 1;
}

function isoDate(year: string, month: number, day: string): string | undefined {
  const value = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return month >= 1 && isIsoDate(value) ? value : undefined;
}

/** A name of capitalised words, with the lower-case words names have inside ("Central Media Office of Hizb ut Tahrir"). */
const NAME = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+(?:(?:of|for|ut|de|and|the|al)\s+)*[\p{Lu}\p{N}][\p{L}\p{N}&'’-]*)*`;
// Names are matched case-sensitively (they start with a capital); the words around them in either case.
const READ_ALL_BY = new RegExp(String.raw`\b[Rr]ead (?:all|more) (?:articles|stories|news|posts) (?:by|from|of) (?:the )?(${NAME})`, 'u');
const WRITTEN_FOR = new RegExp(String.raw`\b[Ww]ritten for (?:the )?(${NAME}) by\b(.*)$`, 'u');
const WRITTEN_BY = new RegExp(String.raw`^(?:#+\s*)?(?:written )?by (${NAME})$`, 'u');
const COPYRIGHT = new RegExp(String.raw`(?:©|\([cC]\)|\b[Cc]opyright\b)\s*(?:\d{4}(?:[-–]\d{4})?\s*)?(?:the )?(${NAME})`, 'u');
const TOLD = new RegExp(String.raw`\b(?:told|said to|in an interview (?:with|to)|speaking to|interviewed by) (?:the )?(${NAME})`, 'gu');
/** Words that make a name a newsroom's: "told Channel 24" is an interview with the outlet; "told Putin" is not. */
const MEDIA_WORD = /\b(?:channel|tv|television|news|radio|media|agency|press|times|post|journal|daily|gazette|herald|tribune|kanal|broadcasting|network|magazine|telegraph|guardian|observer|insider|wire|review|today)\b|\d/i;
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'as', 'was', 'by', 'it', 'are', 'from', 'has', 'his', 'have']);

interface About {
  outlet?: ArticleGuess;
  date?: ArticleGuess;
  author?: ArticleGuess;
  language?: ArticleGuess;
}

/** The outlet, date, author and language, where the text says them; each with the words it was read from. */
function readAbout(lines: readonly string[], workspace: Workspace): About {
  const about: About = {};
  const outlets: ArticleGuess[][] = [[], [], [], []];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const from = (at: number) => `from ${quote(sentenceAt(line, at))}`;
    const readAll = READ_ALL_BY.exec(line);
    if (readAll) outlets[0].push({ value: cleanName(readAll[1]), evidence: from(readAll.index) });
    const writtenFor = WRITTEN_FOR.exec(line);
    if (writtenFor) {
      outlets[0].push({ value: cleanName(writtenFor[1]), evidence: from(writtenFor.index) });
      const byline = writtenFor[2].trimStart().replace(/^#+\s*/, '').trim() || nextLine(lines, i).replace(/^#+\s*/, '').trim();
      if (!about.author && isPersonName(byline)) about.author = { value: byline, evidence: `from ${quote(`${line.replace(/^#+\s*/, '')} ${byline}`)}` };
    }
    const writtenBy = WRITTEN_BY.exec(line);
    if (writtenBy && !about.author && isPersonName(writtenBy[1])) about.author = { value: writtenBy[1], evidence: from(0) };
    const copyright = COPYRIGHT.exec(line);
    if (copyright) outlets[1].push({ value: cleanName(copyright[1]), evidence: from(copyright.index) });
    for (const told of line.matchAll(TOLD)) {
      const name = cleanName(told[1]);
      const actor = workspace.resolveActor(name);
      if (actor?.meta.kind === 'media') outlets[2].push({ value: actor.meta.name ?? name, evidence: from(told.index) });
      else if (!actor && MEDIA_WORD.test(name)) outlets[3].push({ value: name, evidence: from(told.index) });
    }
    const date = dateLine(line) ?? isoDateIn(line);
    if (date && !about.date) about.date = { value: date, evidence: from(Math.max(0, line.indexOf(date))) };
  }
  about.outlet = outlets.flat()[0];
  const language = englishShare(lines.join(' '));
  if (language >= 0.12) about.language = { value: 'en', evidence: `guessed: ${Math.round(language * 100)}% of its words are common English words` };
  return about;
}

/** The sentence of a line around an offset, for a comment that shows where a value was read. */
function sentenceAt(line: string, at: number): string {
  const sentence = sentenceAround(line, { start: at, end: at }, { start: 0, end: line.length });
  return line.slice(sentence.start, sentence.end);
}

function nextLine(lines: readonly string[], i: number): string {
  for (let k = i + 1; k < lines.length; k++) if (lines[k].trim() !== '') return lines[k];
  return '';
}

function isoDateIn(line: string): string | undefined {
  const match = ISO_DATE.exec(line);
  return match && isIsoDate(match[0]) ? match[0] : undefined;
}

function cleanName(name: string): string {
  return name.replace(/(?<![.,;:’'])[.,;:’']+$/, '').replace(/\s+/g, ' ').trim();
}

function isPersonName(text: string): boolean {
  return /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(text);
}

function englishShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return 0;
  return words.filter((w) => ENGLISH_WORDS.has(w)).length / words.length;
}

/** Words from the text for a one-line YAML comment: one line, no control characters, at most about 80 characters. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > 80 ? `${line.slice(0, 80)}…` : line}”`;
}

// ---- the note ----

function frontmatterOf(guesses: About & { title?: ArticleGuess }, perspectives: readonly string[]): string {
  const field = (key: string, guess: ArticleGuess | undefined, missing: string, scalar: (v: string) => string = yamlScalar) =>
    guess ? `${key}: ${scalar(guess.value)}  # ${guess.evidence}` : `${key}:  # ${missing}`;
  return [
    '---',
    field('title', guesses.title, 'no title found: fill in', (v) => JSON.stringify(v)),
    field('outlet', guesses.outlet, 'the text does not name its outlet: fill in'),
    'url:',
    field('date', guesses.date, 'the text gives no date line: fill in if known (YYYY-MM-DD)', (v) => v),
    field('author', guesses.author, 'no byline found'),
    `perspective:  # yours to decide: ${perspectives.join(' | ')}`,
    field('language', guesses.language, 'not recognised', (v) => v),
    '---',
  ].join('\n');
}

/** A value as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
function yamlScalar(value: string): string {
  const plain = /^\p{L}[\p{L}\p{M}\p{N} .'’()-]*$/u.test(value) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(value) && !/\s#/.test(value);
  return plain ? value : JSON.stringify(value);
}

function closingComment(source: string | undefined, furniture: readonly string[]): string {
  const safe = (text: string) => text.replace(/--/g, '- -').replace(/\s+/g, ' ').trim();
  const lines = [`<!-- Imported by Counterpoint${source ? ` from ${safe(source)}` : ''}.`];
  if (furniture.length > 0) {
    lines.push('Left out as page furniture (put back anything that belongs to the article):');
    for (const line of furniture) lines.push(`  ${safe(line)}`);
  }
  lines.push('-->');
  return lines.join('\n');
}

/**
 * Each known actor's first mention in each paragraph becomes a wiki link `[[id|as written]]`: the others are
 * mentions anyway (bare aliases count), and a paragraph of links reads badly. Headings are left as written.
 */
function linkKnownActors(body: string, workspace: Workspace): { text: string; linked: number } {
  const matcher = new AliasMatcher();
  for (const actor of workspace.actors()) {
    for (const name of actorNames(actor)) if (name !== actor.id) matcher.add(actor.id, name);
  }
  const parsed = parseBody(body, 0);
  const headings = new Set(parsed.headings.map((h) => h.textSpan.start));
  const mentions = matcher.scan(body, parsed.prose);
  const replacements: { span: Span; text: string }[] = [];
  let m = 0;
  for (const block of parsed.blocks) {
    const linkedHere = new Set<string>();
    while (m < mentions.length && mentions[m].span.start < block.start) m++;
    for (; m < mentions.length && mentions[m].span.start < block.end; m++) {
      const mention = mentions[m];
      if (headings.has(block.start) || linkedHere.has(mention.actorId)) continue;
      const written = body.slice(mention.span.start, mention.span.end).replace(/\s+/g, ' ');
      if (/[[\]|]/.test(written) || /[[\]|#\s]/.test(mention.actorId)) continue;
      linkedHere.add(mention.actorId);
      replacements.push({ span: mention.span, text: written === mention.actorId ? `[[${written}]]` : `[[${mention.actorId}|${written}]]` });
    }
  }
  let text = body;
  for (const r of [...replacements].reverse()) text = text.slice(0, r.span.start) + r.text + text.slice(r.span.end);
  return { text, linked: replacements.length };
}

/** `articles/<slug>.md` in the workspace's first article folder; the slug is the title's words, lower-case ASCII. */
function articlePath(workspace: Workspace, title: string): string {
  const folder = workspace.configuration.articleFolders[0] ?? 'articles';
  const file = `${slugOf(title)}.md`;
  return folder === '.' || folder === '' ? file : `${folder.replace(/(?<!\/)\/+$/, '')}/${file}`;
}

export function slugOf(title: string): string {
  const words = title.toLowerCase().replace(/['’ʼ`]/g, '').normalize('NFD').replace(/\p{M}+/gu, '').match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words) {
    if (slug.length + word.length + 1 > 60 && slug !== '') break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug.slice(0, 80) || 'article';
}

// ---- the note's diagnostics ----

const SCRATCH_ROOT = 'counterpoint-import:/workspace';
/** A copy of a workspace's actor notes, to see the imported note as its workspace will: kept by the workspace until its registry or configuration changes. */
const SCRATCH_WORKSPACE = derivation<Workspace>('import scratch workspace');

function diagnosticsInWorkspace(workspace: Workspace, path: string, markdown: string): Diagnostic[] {
  const scratch = workspace.derived.ofWorkspace(SCRATCH_WORKSPACE, [workspace.registryGeneration, workspace.configuration], () => {
    const copy = createWorkspace([SCRATCH_ROOT], workspace.configuration);
    const actors = workspace.actors().map((actor) => actor.note);
    copy.batch(() => {
      for (const note of actors) copy.upsert(`${SCRATCH_ROOT}/${encodePath(note.path)}`, note.text);
    });
    return copy;
  });
  const uri = `${SCRATCH_ROOT}/${encodePath(path)}`;
  scratch.upsert(uri, markdown);
  const diagnostics = noteDiagnostics(scratch, uri);
  scratch.remove(uri);
  return diagnostics;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
