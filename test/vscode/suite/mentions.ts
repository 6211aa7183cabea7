// An independent count of an actor's mentions, written from the format's rules
// (docs/format.md, section 5) rather than from the server's code, so that the references
// test does not compare the server with itself:
// - wiki links [[target]] / [[target|label]] (a #heading part ignored) whose target is the
//   actor's id (any case) or one of its names/aliases (folded);
// - `by=` values of claim attribute blocks ]{...}, resolved the same way;
// - bare aliases (the frontmatter name and aliases, never the id) in prose: whole words, a
//   blank in an alias matching any run of blanks and other separators matching their folded
//   forms, aliases in capitals matching only in capitals, longest alias first; never in
//   frontmatter, fenced code, code spans, HTML comments, URLs, autolinks, link destinations,
//   claim attribute blocks or wiki links.
// Simplifications (absent from the samples): no backslash escapes, no setext underlines.
import * as fs from 'fs';
import * as yaml from 'js-yaml';

export interface ActorNames {
  id: string;
  names: string[];
}

export interface FoundMention {
  kind: 'wikilink' | 'by' | 'bare';
  /** UTF-16 offsets of the name as written (the link target, the by= value, the bare words). */
  start: number;
  end: number;
}

export function readActorNames(file: string, id: string): ActorNames {
  const text = fs.readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const meta = (match ? yaml.safeLoad(match[1]) : {}) as { name?: unknown; aliases?: unknown; id?: unknown };
  const names = [meta.name, ...(Array.isArray(meta.aliases) ? meta.aliases : [])].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return { id: typeof meta.id === 'string' ? meta.id : id, names: [...new Set(names)] };
}

function normalize(name: string): string {
  return name.normalize('NFC').replace(/[\u2018\u2019\u02BC`´]/g, "'").replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}

function isActor(written: string, actor: ActorNames): boolean {
  return written.trim().toLowerCase() === actor.id.toLowerCase() || actor.names.some((n) => normalize(n) === normalize(written));
}

const LETTER = '[\\p{L}\\p{N}\\p{M}]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words as written (case aside); a blank separator matches any run of blanks, any other the same one folded, blanks around it ignored. */
function aliasPattern(alias: string): string {
  return alias.trim().split(/([^\p{L}\p{N}\p{M}]+)/u).map((part, i) => {
    if (i % 2 === 0) return escapeRegExp(part);
    if (part.trim() === '') return '\\s+';
    const folded = [...part.trim()].map((ch) => {
      if (/[-\u2010-\u2015\u2212]/.test(ch)) return '[-\\u2010-\\u2015\\u2212]';
      if (/['\u2018\u2019\u02BC`\u00B4]/.test(ch)) return "['\\u2018\\u2019\\u02BC`\\u00B4]";
      return /\s/.test(ch) ? '\\s*' : escapeRegExp(ch);
    }).join('');
    return `\\s*${folded}\\s*`;
  }).join('');
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/\P{L}/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Replaces a stretch with spaces (same length, so offsets stay valid). */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function blankAll(text: string, re: RegExp, keep: (m: RegExpExecArray) => [number, number] = (m) => [m.index, m.index + m[0].length]): string {
  let result = text;
  for (const m of text.matchAll(re)) {
    const [start, end] = keep(m as RegExpExecArray);
    result = blank(result, start, end);
  }
  return result;
}

export function findMentions(text: string, actor: ActorNames): FoundMention[] {
  const found: FoundMention[] = [];
  let prose = text;
  // Frontmatter.
  const front = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(prose);
  if (front) prose = blank(prose, 0, front[0].length);
  // Fenced code blocks, HTML comments, inline code.
  prose = blankAll(prose, /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(^ {0,3}\1[ \t]*$|(?![\s\S]))/gm);
  prose = blankAll(prose, /<!--[\s\S]*?(-->|$)/g);
  prose = blankAll(prose, /(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g);
  // Wiki links: count, then keep them out of the prose.
  for (const m of prose.matchAll(/\[\[([^[\]\r\n|]+)(?:\|[^[\]\r\n]*)?\]\]/g)) {
    const targetPart = m[1].split('#')[0];
    const target = targetPart.trim();
    if (target && isActor(target, actor)) {
      const start = m.index! + 2 + (targetPart.length - targetPart.trimStart().length);
      found.push({ kind: 'wikilink', start, end: start + target.length });
    }
  }
  prose = blankAll(prose, /\[\[[^[\]\r\n]+\]\]/g);
  // Claim attribute blocks: their by= values, then out of the prose.
  for (const m of prose.matchAll(/\]\{([^{}]*)\}/g)) {
    const block = m[1];
    const by = /(?:^|\s)by=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(block);
    if (!by) continue;
    const value = by[1] ?? by[2] ?? by[3];
    if (!isActor(value, actor)) continue;
    const start = m.index! + 2 + by.index + by[0].indexOf('=') + 1 + (by[3] === undefined ? 1 : 0);
    found.push({ kind: 'by', start, end: start + value.length });
  }
  prose = blankAll(prose, /\]\{[^{}]*\}/g, (m) => [m.index + 1, m.index + m[0].length]);
  // Link destinations, autolinks, bare URLs.
  prose = blankAll(prose, /\]\([^)\r\n]*\)/g, (m) => [m.index + 1, m.index + m[0].length]);
  prose = blankAll(prose, /<[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>/gi);
  prose = blankAll(prose, /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<>]*/giu);
  // Bare aliases, longest first.
  found.push(...bareMatches(prose, [...actor.names].sort((a, b) => b.length - a.length)));
  return found.sort((a, b) => a.start - b.start);
}

/** Non-overlapping whole-word matches, the aliases tried longest first. */
function bareMatches(prose: string, aliases: string[]): FoundMention[] {
  const result: FoundMention[] = [];
  const taken: boolean[] = [];
  for (const alias of aliases) {
    const re = new RegExp(`(?<!${LETTER})${aliasPattern(alias)}(?!${LETTER})`, isAcronym(alias) ? 'gu' : 'giu');
    for (const m of prose.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      result.push({ kind: 'bare', start, end });
    }
  }
  return result;
}
