// One note's resolved actor mentions, packed into a typed array. A workspace of 10,000 articles holds over 300,000
// mentions; as objects (with their spans) they took about 45 MB, packed they take a tenth of that. `Mention` objects
// are made when asked for.
import type { ClaimSpan } from '../syntax/markdown';
import type { Span } from '../syntax/text';

export type MentionKind = 'wikilink' | 'bare' | 'by';

export interface Mention {
  uri: string;
  actorId: string;
  kind: MentionKind;
  /** The span of the name as written: a wiki link's target, the bare words, the `by=` value. */
  span: Span;
  /** The whole wiki link, for wiki-link mentions. */
  linkSpan?: Span;
  /** Written as the actor's id (so a rename of the id rewrites it). */
  viaId: boolean;
  /** For `by=` mentions: the claim it is the claimant of. */
  claim?: ClaimSpan;
}

const KINDS: readonly MentionKind[] = ['wikilink', 'bare', 'by'];
/** span start, span end, link start, link end (-1 without a link), actor slot · kind · viaId, claim index (-1 without). */
const STRIDE = 6;

export class MentionTable {
  private constructor(
    readonly uri: string,
    private readonly data: Int32Array,
    /** The actors mentioned, each once, in the order of their first mention. */
    readonly actorIds: readonly string[],
  ) {}

  /** Packs mentions sorted in note order; `claims` are the note's claims, which `by=` mentions point into. */
  static of(uri: string, mentions: readonly Mention[], claims: readonly ClaimSpan[]): MentionTable {
    const data = new Int32Array(mentions.length * STRIDE);
    const slots = new Map<string, number>();
    const claimIndex = new Map<ClaimSpan, number>(claims.map((claim, index) => [claim, index]));
    mentions.forEach((mention, i) => {
      let slot = slots.get(mention.actorId);
      if (slot === undefined) slots.set(mention.actorId, (slot = slots.size));
      const at = i * STRIDE;
      data[at] = mention.span.start;
      data[at + 1] = mention.span.end;
      data[at + 2] = mention.linkSpan?.start ?? -1;
      data[at + 3] = mention.linkSpan?.end ?? -1;
      data[at + 4] = (slot << 3) | (KINDS.indexOf(mention.kind) << 1) | (mention.viaId ? 1 : 0);
      data[at + 5] = mention.claim ? claimIndex.get(mention.claim) ?? -1 : -1;
    });
    return new MentionTable(uri, data, [...slots.keys()]);
  }

  get length(): number {
    return this.data.length / STRIDE;
  }

  /** Every mention, in note order. */
  all(claims: readonly ClaimSpan[]): Mention[] {
    const result: Mention[] = [];
    for (let i = 0; i < this.length; i++) result.push(this.mention(i, claims));
    return result;
  }

  /** The mentions of one actor, in note order. */
  mentionsOf(actorId: string, claims: readonly ClaimSpan[]): Mention[] {
    const slot = this.actorIds.indexOf(actorId);
    const result: Mention[] = [];
    if (slot < 0) return result;
    for (let i = 0; i < this.length; i++) if (this.data[i * STRIDE + 4] >> 3 === slot) result.push(this.mention(i, claims));
    return result;
  }

  /** Calls `visit` with the span of each mention of one actor, in note order, without making `Mention` objects. */
  forEachSpanOf(actorId: string, visit: (start: number, end: number) => void): void {
    const slot = this.actorIds.indexOf(actorId);
    if (slot < 0) return;
    for (let i = 0; i < this.length; i++) {
      const at = i * STRIDE;
      if (this.data[at + 4] >> 3 === slot) visit(this.data[at], this.data[at + 1]);
    }
  }

  /** The first mention of one actor, and its `by=` mentions (the claims it makes in this note), without making the others. */
  firstAndClaimsOf(actorId: string, claims: readonly ClaimSpan[]): { first: Mention; claims: Mention[] } | undefined {
    const slot = this.actorIds.indexOf(actorId);
    let first: Mention | undefined;
    const by: Mention[] = [];
    for (let i = 0; slot >= 0 && i < this.length; i++) {
      const packed = this.data[i * STRIDE + 4];
      if (packed >> 3 !== slot) continue;
      const isBy = KINDS[(packed >> 1) & 3] === 'by';
      if (!first || isBy) {
        const mention = this.mention(i, claims);
        first ??= mention;
        if (isBy) by.push(mention);
      }
    }
    return first && { first, claims: by };
  }

  private mention(i: number, claims: readonly ClaimSpan[]): Mention {
    const at = i * STRIDE;
    const packed = this.data[at + 4];
    const mention: Mention = {
      uri: this.uri,
      actorId: this.actorIds[packed >> 3],
      kind: KINDS[(packed >> 1) & 3],
      span: { start: this.data[at], end: this.data[at + 1] },
      viaId: (packed & 1) === 1,
    };
    if (this.data[at + 2] >= 0) mention.linkSpan = { start: this.data[at + 2], end: this.data[at + 3] };
    if (this.data[at + 5] >= 0) mention.claim = claims[this.data[at + 5]];
    return mention;
  }
}
