import type { CodeLens, Location } from 'vscode-languageserver-types';
import { outletKey, type ClaimOccurrence, type ClaimStatus } from '../rules/counterSource';
import { type Note } from '../syntax/note';
import type { FeatureContext } from './context';

/** What stands behind one occurrence of a claim, from best to worst. */
export type CounterSourceVerdict = 'counter-source' | 'counter-url' | 'single-source' | 'none';

export function counterSourceVerdict(status: ClaimStatus): CounterSourceVerdict {
  if (status.counterSources.length > 0) return 'counter-source';
  if (status.counterUrl !== undefined) return 'counter-url';
  if (status.singleSource) return 'single-source';
  return 'none';
}

const VERDICT_ORDER: readonly CounterSourceVerdict[] = ['counter-source', 'counter-url', 'single-source', 'none'];

/** The verdict that needs the analyst's attention most. */
export function worstVerdict(verdicts: Iterable<CounterSourceVerdict>): CounterSourceVerdict | undefined {
  let worst: CounterSourceVerdict | undefined;
  for (const verdict of verdicts) {
    if (worst === undefined || VERDICT_ORDER.indexOf(verdict) > VERDICT_ORDER.indexOf(worst)) worst = verdict;
  }
  return worst;
}

const LENS_VERDICT: Record<CounterSourceVerdict, string> = {
  'counter-source': 'counter-source ✓',
  'counter-url': 'counter-source cited',
  'single-source': 'single-source',
  none: 'no counter-source',
};

export function verdictLabel(verdict: CounterSourceVerdict): string {
  return LENS_VERDICT[verdict];
}

/** Distinct outlets and perspectives among a key's occurrences. */
export function sourceCounts(occurrences: readonly ClaimOccurrence[]): { outlets: number; perspectives: number } {
  const outlets = new Set(occurrences.map((o) => outletKey(o.note)));
  const perspectives = new Set(occurrences.map((o) => o.note.article?.perspective).filter((p): p is string => !!p));
  return { outlets: outlets.size, perspectives: perspectives.size };
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

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
    const status = ctx.workspace.statusOf(uri, claim);
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
