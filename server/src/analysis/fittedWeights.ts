// The finder's feature weights, as bench/claim-matching/fit.ts fitted them on the benchmark's train split (168
// quick-fix queries; objective 2.328). Do not edit by hand: run `npm run bench:fit` and commit what it writes.
import type { Weights } from './counterSourceFinder';

export const FITTED_WEIGHTS: Weights = {
  bm25: 1,
  actors: 0.05,
  numbers: 0,
  propers: 0.2,
  article: 0.5,
  disputes: 0,
  qualifies: 0.05,
  newLanguage: 0.75,
  newStance: 0.05,
};
