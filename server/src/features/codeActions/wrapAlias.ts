import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { Mention } from '../../model/mentionTable';
import type { Note } from '../../syntax/note';
import type { Span } from '../../syntax/text';
import type { FeatureContext } from '../context';
import { documentEdit, overlaps, replaceSpan, titleText, touches } from './shared';

/**
 * Refactors for bare-alias mentions under the cursor or selection: link this mention as a
 * wiki link, and link every bare mention of the same actor in the note.
 */
export function wrapAliasActions(ctx: FeatureContext, note: Note, range: Span): CodeAction[] {
  const bare = ctx.workspace.mentionsIn(note.uri).filter((m) => m.kind === 'bare' && linkFor(note, m) !== undefined);
  // A cursor at either end of a name counts; a selection must cover part of it.
  const touched = bare.filter((m) => (range.start === range.end ? touches(m.span, range) : overlaps(m.span, range)));
  const actions: CodeAction[] = [];
  for (const mention of touched.slice(0, 5)) {
    const link = linkFor(note, mention)!;
    actions.push({
      title: `Link “${titleText(note.text.slice(mention.span.start, mention.span.end))}” as ${titleText(link)}`,
      kind: CodeActionKind.RefactorRewrite,
      edit: { documentChanges: [documentEdit(ctx, note.uri, [replaceSpan(note, mention.span, link)])] },
    });
  }
  for (const actorId of new Set(touched.map((m) => m.actorId))) {
    const all = bare.filter((m) => m.actorId === actorId);
    if (all.length < 2) continue;
    const actor = ctx.workspace.actor(actorId);
    actions.push({
      title: `Link all ${all.length} bare mentions of ${titleText(actor?.meta.name ?? actorId)} in this note`,
      kind: CodeActionKind.RefactorRewrite,
      edit: { documentChanges: [documentEdit(ctx, note.uri, all.map((m) => replaceSpan(note, m.span, linkFor(note, m)!)))] },
    });
  }
  return actions;
}

/**
 * The wiki link that replaces a bare mention: `[[id]]` when the words are the id, else
 * `[[id|words]]`. A name written across a line break is labelled on one line (a wiki link
 * cannot span lines); undefined when the words cannot be a label.
 */
function linkFor(note: Note, mention: Mention): string | undefined {
  const written = note.text.slice(mention.span.start, mention.span.end);
  if (/[[\]|]/.test(written) || /[[\]|#\s]/.test(mention.actorId)) return undefined;
  const label = written.replace(/\s+/g, ' ');
  return label === mention.actorId ? `[[${mention.actorId}]]` : `[[${mention.actorId}|${label}]]`;
}
