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
  /** For a copy (`original-outlet`), the outlet of the note: the site the story was read on. */
  via?: string;
  /** contested, corroborated, cited, single-source or lacking (see docs/format.md, section 7). */
  verdict?: string;
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
  /** The date of the outlet's earliest dated article that carries the claim. */
  firstDate?: string;
}

export interface MatrixRow {
  key: string;
  claimants: string[];
  /** The claimants and the actors named in the claim's words, by name, sorted. */
  actors: string[];
  /** No occurrence of the claim is `lacking`: each is contested, corroborated, cited or marked single-source. */
  hasCounterSource: boolean;
  /** How many of the claim's occurrences have each verdict. */
  verdicts?: Record<string, number>;
  /**
   * Who takes a position against the claim, in words ("Dmitry Peskov disputes it (TASS, russian-state)"), in note
   * order, at most a few: the disputes and qualifications behind `contested`.
   */
  contestedBy?: string[];
  /** The perspectives, and their outlets, that carry the claim: what `corroborated` rests on ("western: BBC, Reuters"). */
  carriedBy?: string[];
  cells: MatrixCell[];
  /** The earliest dated article that carries (asserts or reports) the claim. */
  firstAppearance?: MatrixAppearance;
  /** Each perspective's earliest dated carrying article, earliest first: how the claim spread. */
  spread?: MatrixAppearance[];
}

/** Where and when a claim appeared. */
export interface MatrixAppearance {
  /** The article's date as written (ISO 8601). */
  date: string;
  outlet: string;
  perspective: string;
}

export interface ClaimMatrixData {
  /** Perspectives in configured order, each with its outlets in alphabetical order. */
  perspectives: { perspective: string; outlets: string[] }[];
  rows: MatrixRow[];
}
