/** A half-open range of UTF-16 offsets into a note's text. */
export interface Span {
  start: number;
  end: number;
}

/** An LSP position: zero-based line and UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Converts between offsets and positions. Line ends are \n, \r\n and a lone \r,
 * as in LSP; a position past the end of its line clamps to the line end.
 */
export class LineMap {
  /** Where each line starts; typed, and with no reference to the text, so that a note's text can be dropped after parsing. */
  private readonly lineStarts: Int32Array;
  /** The length of each line's break: 0 (the last line), 1 (`\n`, `\r`) or 2 (`\r\n`). */
  private readonly breakLengths: Uint8Array;
  private readonly textLength: number;

  constructor(text: string) {
    const starts = [0];
    const breaks: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        const crlf = text.charCodeAt(i + 1) === 10;
        if (crlf) i++;
        breaks.push(crlf ? 2 : 1);
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        breaks.push(1);
        starts.push(i + 1);
      }
    }
    breaks.push(0);
    this.lineStarts = Int32Array.from(starts);
    this.breakLengths = Uint8Array.from(breaks);
    this.textLength = text.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.textLength;
    return this.lineStarts[line + 1] - this.breakLengths[line];
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.textLength));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.textLength;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks: what a whole-word match may not touch. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch);
}

/** The code point at an offset, whole even where it is a surrogate pair. */
export function codePointAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The code point that ends just before an offset. */
export function codePointBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
  }
  return text[offset - 1];
}

/** Folds the variants met in pasted text so that names compare equal: case, apostrophes, dashes, spacing. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) return false;
  }
  return true;
}

/**
 * A copy of a string that shares no memory with the string it was cut from. In V8 a slice of 13
 * or more characters points into its parent and a concatenation points to its parts, so a name
 * kept from a note would keep the whole note text alive. Joining two parts allocates one new flat
 * string; shorter strings are copied by V8 whenever they are cut, so they are returned as they are.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : [s.charAt(0), s.slice(1)].join('');
}
