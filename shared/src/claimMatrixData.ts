// The claim matrix as data: what the server computes and both the webview and `counterpoint report --html` render.

/** One place an outlet carries the claim. */
export interface MatrixOccurrence {
  stance: string;
  uri: string;
  /** The note's path relative to its workspace folder, with `/` separators. */
  path: string;
  /** Zero-based line of the claim. */
  line: number;
  /** The claim's words as a reader sees them (annotation markup removed), shortened. Note text: escape it. */
  text: string;
  /** Name of the claimant (`by=`), if any. */
  claimant?: string;
  /** The article's title and its date (`YYYY-MM-DD` when the frontmatter date is one), as written in its note. */
  title?: string;
  date?: string;
}

export interface MatrixCell {
  outlet: string;
  perspective: string;
  /** The stances the outlet takes on the claim; more than one when its notes differ. */
  stances: string[];
  uri: string;
  /** Zero-based line of the outlet's first occurrence. */
  line: number;
  /** Every occurrence of the claim in the outlet's notes, in note order. */
  occurrences: MatrixOccurrence[];
}

export interface MatrixRow {
  key: string;
  claimants: string[];
  /** The claimants and the actors named in the claim's words, by name, sorted. */
  actors: string[];
  /** Every occurrence of the claim has a counter-source (or is marked single-source). */
  hasCounterSource: boolean;
  cells: MatrixCell[];
}

export interface ClaimMatrixData {
  /** Perspectives in configured order, each with its outlets in alphabetical order. */
  perspectives: { perspective: string; outlets: string[] }[];
  rows: MatrixRow[];
}
