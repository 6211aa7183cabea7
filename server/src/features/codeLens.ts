import type { CodeLens, Location } from 'vscode-languageserver-types';
import { judgeKey, verdictDetail, type KeyJudgement } from '../rules/claimVerdicts';
import { sourceCounts, type ClaimOccurrence } from '../rules/counterSource';
import { plural } from '../syntax/plural';
import { partyShort, VERDICT_LABELS, VERDICT_WORDS } from '../render/verdictText';
import { type Note } from '../syntax/note';
import { oneLine } from '../syntax/sanitize';
import { NEVER_CANCELLED, type Cancellation, type FeatureContext } from './context';

/**
 * One lens per valid claim of an article: how many outlets and perspectives carry its key, and this occurrence's
 * verdict with who it rests on ("contested: Dmitry Peskov in TASS, russian-state"). Clicking it peeks at the
 * occurrences. A key is judged once for all its claims in the note.
 */
export function provideCodeLenses(ctx: FeatureContext, uri: string, token: Cancellation = NEVER_CANCELLED): CodeLens[] {
  if (!ctx.settings.codeLensEnabled) return [];
  const note = ctx.workspace.getNote(uri);
  if (!note || note.kind !== 'article') return [];
  const nameOf = (by: string) => ctx.workspace.resolveActor(by)?.meta.name || by;
  const judged = new Map<string, KeyJudgement | undefined>();
  const lenses: CodeLens[] = [];
  for (const claim of note.claims) {
    if (!claim.valid || !claim.key) continue;
    if (!judged.has(claim.key)) judged.set(claim.key, judgeKey(ctx.workspace.occurrences(claim.key), token));
    const judgement = judged.get(claim.key);
    if (!judgement) return [];
    const index = judgement.indexOf(claim);
    if (index < 0) continue;
    const { occurrences } = judgement;
    const { outlets, perspectives } = sourceCounts(occurrences);
    const title = `${plural(outlets, 'source')} · ${plural(perspectives, 'perspective')} · ${lensVerdict(judgement, index, nameOf)}`;
    const range = lensRange(note, claim.span.start, claim.span.end);
    lenses.push({
      range,
      command: {
        title: plainTitle(title),
        command: 'editor.action.showReferences',
        arguments: [uri, note.lines.positionAt(claim.keySpan?.start ?? claim.span.start), occurrences.map(locationOf)],
      },
    });
  }
  return lenses;
}

/** "contested: Dmitry Peskov in TASS, russian-state +1", "corroborated: Reuters, western", "⚠ lacking a counter-source". */
function lensVerdict(judgement: KeyJudgement, index: number, nameOf: (by: string) => string): string {
  const verdict = judgement.verdicts[index];
  if (verdict !== 'contested' && verdict !== 'corroborated') return `${verdict === 'lacking' ? '⚠ ' : ''}${VERDICT_LABELS[verdict]}`;
  const detail = verdictDetail(judgement, index, 1);
  const [party] = verdict === 'contested' ? detail.contesting : detail.corroborating;
  const total = verdict === 'contested' ? detail.counts.contesting : detail.counts.corroborating;
  return `${VERDICT_WORDS[verdict]}: ${partyShort(party, nameOf)}${total > 1 ? ` +${total - 1}` : ''}`;
}

/** A lens title is plain text, but VS Code reads `$(name)` in it as an icon: names from notes must not make one. */
function plainTitle(title: string): string {
  return oneLine(title).replace(/\$\(/g, '$ (');
}

/** The claim's first line: VS Code shows a lens above the line its range starts on. */
function lensRange(note: Note, start: number, end: number) {
  const line = note.lines.positionAt(start).line;
  return note.lines.rangeOf({ start, end: Math.min(end, note.lines.lineEnd(line)) });
}

function locationOf(occurrence: ClaimOccurrence): Location {
  return { uri: occurrence.note.uri, range: occurrence.note.lines.rangeOf(occurrence.claim.span) };
}
