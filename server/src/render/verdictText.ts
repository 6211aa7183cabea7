// Verdicts and the parties behind them in words, for every view: plain text, to be escaped by the caller.
import type { Party, Verdict } from '../rules/claimVerdicts';
import { outletLabel } from './outletLabel';

export const VERDICT_LABELS: Record<Verdict, string> = {
  contested: 'contested',
  corroborated: 'corroborated across perspectives',
  cited: 'counter-source cited',
  'single-source': 'single-source by choice',
  lacking: 'lacking a counter-source',
};

/** The verdict's word in a short place (a lens, a table cell). */
export const VERDICT_WORDS: Record<Verdict, string> = {
  contested: 'contested',
  corroborated: 'corroborated',
  cited: 'cited',
  'single-source': 'single-source',
  lacking: 'lacking',
};

const VERBS: Record<Party['stance'], string> = { asserts: 'asserts', reports: 'reports', disputes: 'disputes', qualifies: 'qualifies' };

/**
 * "Dmitry Peskov disputes it (TASS, russian-state)", "Reuters asserts it (western)",
 * "Reuters reports it from Kassym-Jomart Tokayev (western)": who takes which position, in which outlet.
 * `nameOf` turns a `by=` value into the actor's name.
 */
export function partyPhrase(party: Party, nameOf: (by: string) => string): string {
  const outlet = outletLabel(party.occurrence.note);
  const perspective = party.perspective ?? 'no perspective';
  if (party.claimant === undefined) return `${outlet} ${VERBS[party.stance]} it (${perspective})`;
  const claimant = nameOf(party.claimant);
  if (party.stance === 'reports') return `${outlet} reports it from ${claimant} (${perspective})`;
  return `${claimant} ${VERBS[party.stance]} it (${outlet}, ${perspective})`;
}

/** "Reuters, western": the shortest naming of a party, for a lens. */
export function partyShort(party: Party, nameOf: (by: string) => string): string {
  const outlet = outletLabel(party.occurrence.note);
  const where = `${outlet}, ${party.perspective ?? 'no perspective'}`;
  return party.claimant === undefined || party.stance === 'reports' ? where : `${nameOf(party.claimant)} in ${where}`;
}
