// Values derived from the model and kept until what they were derived from changes: the one place where caches of
// the workspace live. A workspace owns one `DerivedValues`, so its caches go with it (and with `clear`).
import type { Note } from '../syntax/note';

/** Names one kind of derived value, and its type: a constant of the module that derives it. */
export interface Derivation<T> {
  readonly name: string;
  /** Never set: it only carries the value's type. */
  readonly valueType?: T;
}

export function derivation<T>(name: string): Derivation<T> {
  return Object.freeze({ name });
}

interface Entry {
  inputs: readonly unknown[];
  value: unknown;
}

export class DerivedValues {
  private readonly perNote = new Map<Derivation<unknown>, WeakMap<Note, Entry>>();
  private readonly perWorkspace = new Map<Derivation<unknown>, Entry>();

  /**
   * A value derived from one parsed note and some inputs (compared by identity): worked out again when the note was
   * parsed again (a new object) or an input changed. It goes when the note does.
   */
  ofNote<T>(derivation: Derivation<T>, note: Note, inputs: readonly unknown[], derive: () => T): T {
    let entries = this.perNote.get(derivation);
    if (!entries) this.perNote.set(derivation, (entries = new WeakMap()));
    const entry = entries.get(note);
    if (entry && sameInputs(entry.inputs, inputs)) return entry.value as T;
    const value = derive();
    entries.set(note, { inputs, value });
    return value;
  }

  /** A value derived from the workspace as a whole and some inputs (compared by identity). */
  ofWorkspace<T>(derivation: Derivation<T>, inputs: readonly unknown[], derive: () => T): T {
    const entry = this.perWorkspace.get(derivation);
    if (entry && sameInputs(entry.inputs, inputs)) return entry.value as T;
    const value = derive();
    this.perWorkspace.set(derivation, { inputs, value });
    return value;
  }

  clear(): void {
    this.perNote.clear();
    this.perWorkspace.clear();
  }
}

/** The same inputs: identical, or two empty lists (a note without mentions may get a new empty list each time). */
function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((input, i) => input === b[i] || (Array.isArray(input) && Array.isArray(b[i]) && input.length === 0 && (b[i] as unknown[]).length === 0));
}
