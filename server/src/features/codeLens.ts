import type { CodeLens, Location } from 'vscode-languageserver-types';
import { plural } from '../render/plural';
import { counterSourceVerdict, sourceCounts, statusOf, verdictLabel, type ClaimOccurrence } from '../rules/counterSource';
import { type Note } from '../syntax/note';
import type { FeatureContext } from './context';

/**
 * One lens per valid claim of an article: how many outlets and perspectives carry its key
 * and whether this occurrence has a counter-source. Clicking it peeks at the occurrences.
 */
export function provideCodeLenses(ctx: FeatureContext, uri: string): CodeLens[] {
  if (!ctx.settings.codeLensEnabled) return [];
  const note = ctx.workspace.getNote(uri);
  if (!note || note.kind !== 'article') return [];
  const lenses: CodeLens[] = [];
  for (const claim of note.claims) {
    if (!claim.valid || !claim.key) continue;
    const status = statusOf(ctx.workspace, uri, claim);
    if (!status) continue;
    const { occurrences } = status;
    const { outlets, perspectives } = sourceCounts(occurrences);
    const title = `${plural(outlets, 'source')} · ${plural(perspectives, 'perspective')} · ${verdictLabel(counterSourceVerdict(status))}`;
    const range = lensRange(note, claim.span.start, claim.span.end);
    lenses.push({
      range,
      command: {
        title,
        command: 'editor.action.showReferences',
        arguments: [uri, note.lines.positionAt(claim.keySpan?.start ?? claim.span.start), occurrences.map(locationOf)],
      },
    });
  }
  return lenses;
}

/** The claim's first line: VS Code shows a lens above the line its range starts on. */
function lensRange(note: Note, start: number, end: number) {
  const line = note.lines.positionAt(start).line;
  return note.lines.rangeOf({ start, end: Math.min(end, note.lines.lineEnd(line)) });
}

function locationOf(occurrence: ClaimOccurrence): Location {
  return { uri: occurrence.note.uri, range: occurrence.note.lines.rangeOf(occurrence.claim.span) };
}
