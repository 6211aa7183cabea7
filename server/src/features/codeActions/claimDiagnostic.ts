import type { Workspace } from '../../model/workspace';
import { statusOf } from '../../rules/counterSource';
import type { ClaimSpan } from '../../syntax/markdown';
import type { Note } from '../../syntax/note';
import { spanOfRange, touches, type Found } from './shared';

/**
 * The claim a `claim.no-counter-source` diagnostic points at, read back from its key
 * and range and checked against the workspace as it is now: undefined when the diagnostic is
 * stale (the key or the claim is gone, or it has a counter-source or is marked single-source).
 */
export function claimLackingCounterSource(workspace: Workspace, note: Note, { diagnostic, data: { key } }: Found<'claim.no-counter-source'>): ClaimSpan | undefined {
  if (note.kind !== 'article') return undefined;
  const at = spanOfRange(note, diagnostic.range);
  const withKey = note.claims.filter((c) => c.valid && c.key === key);
  const claim = withKey.find((c) => touches(c.keySpan ?? c.span, at)) ?? withKey.find((c) => touches(c.span, at));
  if (!claim || claim.singleSource) return undefined;
  const status = statusOf(workspace, note.uri, claim);
  if (!status || status.hasCounterSource) return undefined;
  return claim;
}
