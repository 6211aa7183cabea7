import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Actor } from '../model/workspace';
import type { Note } from '../syntax/note';
import type { Span } from '../syntax/text';
import type { FeatureContext } from './context';

/**
 * Standard token types only, so every theme colours them without the client contributing
 * custom types: people, organizations and media are `class`, states and territories
 * `namespace`, claim keys `enumMember`, stance values `keyword`. Unresolved wiki links get
 * no token: the `actor.unknown` diagnostic marks them, and colouring them as actors would mislead.
 */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['class', 'namespace', 'enumMember', 'keyword'],
  tokenModifiers: [],
};

const TYPE = { class: 0, namespace: 1, enumMember: 2, keyword: 3 } as const;

interface Token {
  line: number;
  character: number;
  length: number;
  type: number;
}

/** Actor mentions (wiki links, bare aliases, `by=` values), claim keys and stances, as LSP relative-encoded tokens. */
export function provideSemanticTokens(ctx: FeatureContext, uri: string): SemanticTokens {
  const note = ctx.workspace.getNote(uri);
  if (!note) return { data: [] };
  const tokens: Token[] = [];
  for (const mention of ctx.workspace.mentionsIn(uri)) {
    const actor = ctx.workspace.actor(mention.actorId);
    if (actor) pushSpan(note, mention.span, actorType(actor), tokens);
  }
  for (const claim of note.claims) {
    if (claim.keySpan) pushSpan(note, claim.keySpan, TYPE.enumMember, tokens);
    if (claim.stanceSpan) pushSpan(note, claim.stanceSpan, TYPE.keyword, tokens);
  }
  return { data: encode(tokens) };
}

function actorType(actor: Actor): number {
  return actor.meta.kind === 'state' || actor.meta.kind === 'territory' ? TYPE.namespace : TYPE.class;
}

/** A token may not cross a line end (a bare name can, as in "Kasim-Jomart\nTokayev"): one token per line. */
function pushSpan(note: Note, span: Span, type: number, out: Token[]): void {
  const first = note.lines.positionAt(span.start).line;
  const last = note.lines.positionAt(span.end).line;
  for (let line = first; line <= last; line++) {
    const start = Math.max(span.start, note.lines.lineStart(line));
    const end = Math.min(span.end, note.lines.lineEnd(line));
    if (end <= start) continue;
    out.push({ line, character: start - note.lines.lineStart(line), length: end - start, type });
  }
}

/** Sorts by position, drops any token overlapping the one before it, and writes the five-number relative encoding. */
function encode(tokens: Token[]): number[] {
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  let previousEnd = -1;
  let previousLine = -1;
  for (const token of tokens) {
    if (token.line === previousLine && token.character < previousEnd) continue;
    data.push(token.line - line, token.line === line ? token.character - character : token.character, token.length, token.type, 0);
    line = token.line;
    character = token.character;
    previousLine = token.line;
    previousEnd = token.character + token.length;
  }
  return data;
}
