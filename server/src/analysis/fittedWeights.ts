// The finder's feature weights, as bench/claim-matching/fit.ts fitted them on the benchmark's train split (168
// quick-fix queries; objective 2.329). Do not edit by hand: run `npm run bench:fit` and commit what it writes.
// Typed where it is used (counterSourceFinder.ts: Weights), so that this file imports nothing.
export const FITTED_WEIGHTS = {
  bm25: 1,
  actors: 0.1,
  numbers: 0,
  propers: 0.3,
  article: 0.5,
  disputes: 0.1,
  qualifies: 0,
  newLanguage: 0.75,
  newStance: 0,
};
