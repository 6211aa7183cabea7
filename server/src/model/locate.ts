import type { FrontmatterField } from '../syntax/frontmatter';
import type { ClaimAttribute, ClaimSpan, WikiLink } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { contains, type Span } from '../syntax/text';
import type { Actor, Mention, Workspace } from './workspace';

export type ActorVia = 'wikilink' | 'bare' | 'by' | 'actor-id' | 'actor-name' | 'actor-alias';

/** What sits at a position in a note, as the editor features ask it. */
export type Located =
  | { kind: 'actor'; actor: Actor; span: Span; via: ActorVia; mention?: Mention }
  | { kind: 'unknown-actor'; name: string; span: Span; via: 'wikilink' | 'by' }
  | { kind: 'note-link'; link: WikiLink; notes: Note[] }
  | { kind: 'claim-key'; claim: ClaimSpan; key: string; span: Span }
  | { kind: 'claim-attribute'; claim: ClaimSpan; attribute: ClaimAttribute }
  | { kind: 'claim'; claim: ClaimSpan; span: Span }
  | { kind: 'frontmatter-field'; field: FrontmatterField };

export function locate(workspace: Workspace, uri: string, offset: number): Located | undefined {
  const note = workspace.getNote(uri);
  if (!note) return undefined;

  if (note.frontmatter && offset >= note.frontmatter.span.start && offset <= note.frontmatter.span.end) {
    return locateInFrontmatter(workspace, note, offset);
  }
  const mention = workspace.mentionsIn(uri).find((m) => contains(m.linkSpan ?? m.span, offset));
  if (mention) {
    const actor = workspace.actor(mention.actorId);
    if (actor) return { kind: 'actor', actor, span: mention.span, via: mention.kind, mention };
  }
  const link = note.wikiLinks.find((l) => contains(l.span, offset));
  if (link) {
    const notes = workspace.notesNamed(link.target);
    return notes.length > 0 ? { kind: 'note-link', link, notes } : { kind: 'unknown-actor', name: link.target, span: link.targetSpan, via: 'wikilink' };
  }
  const claim = innermostClaim(note.claims, offset);
  if (!claim) return undefined;
  if (claim.bySpan && contains(claim.bySpan, offset) && claim.by) {
    return { kind: 'unknown-actor', name: claim.by, span: claim.bySpan, via: 'by' };
  }
  if (claim.keySpan && claim.key && contains(claim.keySpan, offset)) {
    return { kind: 'claim-key', claim, key: claim.key, span: claim.keySpan };
  }
  const attribute = claim.attributes.find((a) => contains(a.span, offset));
  if (attribute) return { kind: 'claim-attribute', claim, attribute };
  return { kind: 'claim', claim, span: claim.span };
}

function innermostClaim(claims: readonly ClaimSpan[], offset: number): ClaimSpan | undefined {
  let best: ClaimSpan | undefined;
  for (const claim of claims) {
    if (contains(claim.span, offset) && (!best || claim.span.end - claim.span.start < best.span.end - best.span.start)) best = claim;
  }
  return best;
}

function locateInFrontmatter(workspace: Workspace, note: Note, offset: number): Located | undefined {
  const fields = note.frontmatter!.fields;
  for (const field of fields.values()) {
    if (note.actor) {
      const actor = workspace.actor(note.actor.id);
      if (actor?.note === note) {
        if (field.key === 'id' && contains(field.valueSpan, offset)) return { kind: 'actor', actor, span: field.valueSpan, via: 'actor-id' };
        if (field.key === 'name' && contains(field.valueSpan, offset)) return { kind: 'actor', actor, span: field.valueSpan, via: 'actor-name' };
        const item = field.key === 'aliases' ? field.items?.find((i) => contains(i.span, offset)) : undefined;
        if (item) return { kind: 'actor', actor, span: item.span, via: 'actor-alias' };
      }
    }
    const lineEnd = Math.max(field.valueSpan.end, field.keySpan.end);
    if (offset >= field.keySpan.start && offset <= lineEnd) return { kind: 'frontmatter-field', field };
  }
  return undefined;
}
