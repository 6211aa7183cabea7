// schema.org ClaimReview drafts for the workspace's claims: what the notes know about each claim
// (its text, claimant, appearances and counter-sources), with the review itself left for the fact-checker.
import type { ClaimOccurrence } from '../rules/counterSource';
import { isIsoDate, type Note } from '../syntax/note';
import { plainText } from '../syntax/sentences';
import { normalizeName } from '../syntax/text';
import type { Actor, Workspace } from '../model/workspace';

export const SCHEMA_ORG = 'https://schema.org';
/** The `propertyID` of the claim key on each exported Claim, so a review can be traced back to the notes. */
export const CLAIM_KEY_PROPERTY = 'counterpoint:claim';

export interface AgentJsonLd {
  '@type': 'Person' | 'Organization';
  name: string;
  sameAs?: string;
}

export interface WorkJsonLd {
  '@type': 'CreativeWork';
  name?: string;
  url?: string;
  datePublished?: string;
  inLanguage?: string;
  publisher?: { '@type': 'Organization'; name: string };
}

export interface ClaimJsonLd {
  '@type': 'Claim';
  identifier: { '@type': 'PropertyValue'; propertyID: string; value: string };
  author?: AgentJsonLd;
  contributor?: AgentJsonLd[];
  datePublished?: string;
  firstAppearance?: WorkJsonLd;
  appearance: WorkJsonLd[];
}

/** The fields only the fact-checker can fill: empty strings, so no draft passes a validator as a finished review. */
export interface ReviewFieldsJsonLd {
  url: string;
  author: { '@type': 'Organization'; name: string; url: string };
  datePublished: string;
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingValue: string; bestRating: string; worstRating: string };
}

export interface ClaimReviewJsonLd extends ReviewFieldsJsonLd {
  '@context': typeof SCHEMA_ORG;
  '@type': 'ClaimReview';
  claimReviewed: string;
  itemReviewed: ClaimJsonLd;
  /** Articles that dispute the claim and `counter=` URLs: evidence the review may cite. */
  citation?: WorkJsonLd[];
}

/** Something the export could not fill from the notes and the user should look at. */
export interface ExportNotice {
  key: string;
  message: string;
}

export interface ClaimReviewExport {
  reviews: ClaimReviewJsonLd[];
  notices: ExportNotice[];
}

export interface ClaimReviewOptions {
  /** The review's publication date; left empty when not given, so the output does not change from day to day. */
  reviewDate?: string;
}

/** One ClaimReview draft per claim key, in key order. */
export function buildClaimReviews(workspace: Workspace, options: ClaimReviewOptions = {}): ClaimReviewExport {
  const reviews: ClaimReviewJsonLd[] = [];
  const notices: ExportNotice[] = [];
  for (const key of workspace.claimKeys()) {
    const occurrences = workspace.occurrences(key);
    if (occurrences.length === 0) continue;
    reviews.push(claimReviewOf(workspace, key, occurrences, options, notices));
  }
  return { reviews, notices };
}

function claimReviewOf(
  workspace: Workspace,
  key: string,
  all: readonly ClaimOccurrence[],
  options: ClaimReviewOptions,
  notices: ExportNotice[],
): ClaimReviewJsonLd {
  const ordered = [...all].sort(byAppearance);
  // A disputing span holds the opposite proposition and its `by=` is who disputes it: it neither states the claim nor names its claimant.
  const carrying = ordered.filter((o) => o.claim.stance !== 'disputes');
  const carryingNotes = uniqueNotes(carrying);
  const disputingNotes = uniqueNotes(ordered).filter((note) => !carryingNotes.includes(note));

  const appearance = carryingNotes.map(workOf);
  const firstDated = carryingNotes.findIndex((note) => datedOf(note) !== undefined);
  const claim: ClaimJsonLd = {
    '@type': 'Claim',
    identifier: { '@type': 'PropertyValue', propertyID: CLAIM_KEY_PROPERTY, value: key },
    ...claimants(workspace, key, carrying, notices),
    ...(firstDated >= 0 ? { datePublished: appearance[firstDated].datePublished, firstAppearance: appearance[firstDated] } : {}),
    appearance,
  };

  if (carrying.length === 0) {
    notices.push({ key, message: `Claim \`${key}\` is only disputed in these notes, so its text is not known: write claimReviewed yourself.` });
  }
  const citation = [...disputingNotes.map(workOf), ...counterUrls(ordered).map((url): WorkJsonLd => ({ '@type': 'CreativeWork', url }))];
  return {
    '@context': SCHEMA_ORG,
    '@type': 'ClaimReview',
    claimReviewed: carrying.length > 0 ? claimText(carrying[0]) : '',
    itemReviewed: claim,
    ...(citation.length > 0 ? { citation } : {}),
    ...reviewFields(options),
  };
}

function reviewFields(options: ClaimReviewOptions): ReviewFieldsJsonLd {
  return {
    url: '',
    author: { '@type': 'Organization', name: '', url: '' },
    datePublished: options.reviewDate ?? '',
    reviewRating: { '@type': 'Rating', alternateName: '', ratingValue: '', bestRating: '', worstRating: '' },
  };
}

/** The claim as it reads in the article, without wiki-link or nested-claim markup. */
function claimText({ note, claim }: ClaimOccurrence): string {
  return plainText(note.text, claim.textSpan, note.wikiLinks, note.claims);
}

// ---- claimants ----

interface Claimant {
  agent: AgentJsonLd;
  count: number;
  /** Index of its first occurrence in appearance order, to break ties. */
  first: number;
}

/**
 * The most frequent claimant is the Claim's author (ties go to the one met first); the others who
 * make the same claim in other articles are its contributors.
 */
function claimants(workspace: Workspace, key: string, carrying: readonly ClaimOccurrence[], notices: ExportNotice[]): Pick<ClaimJsonLd, 'author' | 'contributor'> {
  const byId = new Map<string, Claimant>();
  carrying.forEach(({ claim }, index) => {
    if (!claim.by) return;
    const actor = workspace.resolveActor(claim.by);
    const id = actor ? `actor:${actor.id}` : `name:${normalizeName(claim.by)}`;
    const known = byId.get(id);
    if (known) {
      known.count++;
      return;
    }
    if (!actor) notices.push({ key, message: `Claimant \`${claim.by}\` of claim \`${key}\` has no actor note; it is exported as a Person. Add its actor note with a kind.` });
    else if (agentType(actor) === undefined) notices.push({ key, message: `Actor \`${actor.id}\` (claimant of \`${key}\`) has no valid kind; it is exported as a Person.` });
    byId.set(id, { agent: actor ? agentOf(actor) : { '@type': 'Person', name: claim.by.trim() }, count: 1, first: index });
  });
  const ranked = [...byId.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  if (ranked.length === 0) return {};
  const [author, ...others] = ranked.map((c) => c.agent);
  return others.length > 0 ? { author, contributor: others } : { author };
}

function agentType(actor: Actor): AgentJsonLd['@type'] | undefined {
  switch (actor.meta.kind) {
    case 'person':
      return 'Person';
    case 'organization':
    case 'media':
    case 'state':
    case 'territory':
      return 'Organization';
    default:
      return undefined;
  }
}

function agentOf(actor: Actor): AgentJsonLd {
  const agent: AgentJsonLd = { '@type': agentType(actor) ?? 'Person', name: actor.meta.name || actor.id };
  const qid = actor.meta.wikidata;
  if (qid && /^Q[1-9]\d*$/.test(qid)) agent.sameAs = `https://www.wikidata.org/wiki/${qid}`;
  return agent;
}

// ---- appearances ----

/** Dated articles first, earliest first; then undated ones; by path and position within either. */
function byAppearance(a: ClaimOccurrence, b: ClaimOccurrence): number {
  const da = datedOf(a.note);
  const db = datedOf(b.note);
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    if (da < db) return -1;
    if (da > db) return 1;
  }
  return a.note.path.localeCompare(b.note.path) || a.claim.span.start - b.claim.span.start;
}

function datedOf(note: Note): string | undefined {
  const date = note.article?.date;
  return date && isIsoDate(date) ? date : undefined;
}

function uniqueNotes(occurrences: readonly ClaimOccurrence[]): Note[] {
  return [...new Set(occurrences.map((o) => o.note))];
}

/** An article as a CreativeWork: its url when it is a web address, its title, date, language and outlet. */
function workOf(note: Note): WorkJsonLd {
  const meta = note.article ?? {};
  const work: WorkJsonLd = { '@type': 'CreativeWork', name: meta.title || note.path };
  const url = httpUrl(meta.url);
  if (url) work.url = url;
  const date = datedOf(note);
  if (date) work.datePublished = date;
  if (meta.language) work.inLanguage = meta.language;
  if (meta.outlet) work.publisher = { '@type': 'Organization', name: meta.outlet };
  return work;
}

function counterUrls(occurrences: readonly ClaimOccurrence[]): string[] {
  const urls: string[] = [];
  for (const { claim } of occurrences) {
    const url = httpUrl(claim.counter);
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/** The address when it is an absolute http(s) URL; notes are untrusted, so any other scheme is dropped. */
export function httpUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value || !/^https?:\/\/\S+$/i.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * JSON text that is also safe inside an HTML `<script type="application/ld+json">`: `<`, `>` and `&`
 * are written as \u escapes, so no note text can close the script element or open a comment there.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
