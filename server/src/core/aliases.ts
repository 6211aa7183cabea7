import { normalizeName, type Span } from './text';

export interface BareMention {
  actorId: string;
  span: Span;
  /** The alias it matched, as the actor note writes it. */
  alias: string;
}

interface AliasPattern {
  actorId: string;
  alias: string;
  words: string[];
  separators: string[];
  caseSensitive: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Finds actors' aliases in plain prose, whole words only. Aliases written in capitals
 * (acronyms such as DPR or CSTO) match only in capitals, so "us" is never "US"; every
 * other alias matches whatever the case, as sources write "russia" and "putin" too.
 * Words must be separated as in the alias: a space matches any run of blanks, a hyphen
 * any dash, so "Kasim-Jomart Tokayev" matches across a line break but not across a full stop.
 */
export class AliasMatcher {
  private readonly byFirstWord = new Map<string, AliasPattern[]>();

  add(actorId: string, alias: string): void {
    const words: string[] = [];
    const separators: string[] = [];
    let last = -1;
    for (const match of alias.normalize('NFC').matchAll(WORD)) {
      if (last >= 0) separators.push(normalizeSeparator(alias.normalize('NFC').slice(last, match.index)));
      words.push(match[0]);
      last = match.index + match[0].length;
    }
    if (words.length === 0) return;
    const caseSensitive = isAcronym(alias);
    const pattern: AliasPattern = {
      actorId,
      alias,
      words: caseSensitive ? words : words.map((w) => w.toLowerCase()),
      separators,
      caseSensitive,
    };
    const key = words[0].toLowerCase();
    const list = this.byFirstWord.get(key) ?? [];
    if (list.some((p) => p.actorId === actorId && p.words.join('\u0000') === pattern.words.join('\u0000') && p.caseSensitive === caseSensitive)) return;
    list.push(pattern);
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirstWord.set(key, list);
  }

  get isEmpty(): boolean {
    return this.byFirstWord.size === 0;
  }

  scan(text: string, regions: readonly Span[]): BareMention[] {
    const mentions: BareMention[] = [];
    if (this.isEmpty) return mentions;
    for (const region of regions) this.scanRegion(text, region, mentions);
    return mentions;
  }

  private scanRegion(text: string, region: Span, out: BareMention[]): void {
    const slice = text.slice(region.start, region.end).normalize('NFC');
    // NFC can shorten the text; offsets are only exact when it did not change it.
    const source = slice.length === region.end - region.start ? slice : text.slice(region.start, region.end);
    const starts: number[] = [];
    const words: string[] = [];
    for (const match of source.matchAll(WORD)) {
      starts.push(match.index);
      words.push(match[0]);
    }
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i].toLowerCase());
      if (!candidates) continue;
      for (const pattern of candidates) {
        const n = pattern.words.length;
        if (i + n > words.length || !this.matches(pattern, source, words, starts, i)) continue;
        const end = starts[i + n - 1] + words[i + n - 1].length;
        out.push({ actorId: pattern.actorId, alias: pattern.alias, span: { start: region.start + starts[i], end: region.start + end } });
        i += n - 1;
        break;
      }
    }
  }

  private matches(pattern: AliasPattern, source: string, words: string[], starts: number[], first: number): boolean {
    for (let k = 0; k < pattern.words.length; k++) {
      const word = pattern.caseSensitive ? words[first + k] : words[first + k].toLowerCase();
      if (word !== pattern.words[k]) return false;
      if (k > 0) {
        const gap = source.slice(starts[first + k - 1] + words[first + k - 1].length, starts[first + k]);
        if (normalizeSeparator(gap) !== pattern.separators[k - 1]) return false;
      }
    }
    return true;
  }
}

function normalizeSeparator(separator: string): string {
  if (separator.length > 0 && separator.trim() === '') return ' ';
  return normalizeName(separator) || separator;
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
