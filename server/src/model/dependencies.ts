// Which notes an edit affects, worked out from what the rules declare they read, not from a signature written by hand.
// The model knows no rule: it is handed the rules' declarations (rules/registry.ts) as data.
import type { Note } from '../syntax/note';

/**
 * What a cross-note rule reads of other notes. Notes meet under join keys (a claim key, an actor's name, a file
 * name): each note offers facts under some keys and reads the facts under others. When an edit changes the facts a
 * note offers under a key, every note that reads that key may get other diagnostics.
 *
 * Both functions see one note and nothing else, and must return the same for the same note: a fact the rule's check
 * reads but that is left out here is a stale diagnostic in another note (the fuzz suite finds such omissions).
 */
export interface NoteDependency {
  /** What the notes meet on, for readers: 'claim key', 'actor name', 'file name'. */
  readonly join: string;
  /** The facts this note offers to the notes that read the same join key. */
  facts(note: Note): Iterable<readonly [joinKey: string, fact: string]>;
  /** The join keys whose facts this note's diagnostics depend on. */
  reads(note: Note): Iterable<string>;
}

/** Per declared dependency, the notes that read each join key; kept current as notes are indexed and dropped. */
export class DependencyIndex {
  private readonly readers = new Map<string, Set<string>>();

  constructor(private readonly dependencies: readonly NoteDependency[]) {}

  add(note: Note): void {
    this.dependencies.forEach((dependency, index) => {
      for (const key of dependency.reads(note)) {
        const slot = slotOf(index, key);
        const uris = this.readers.get(slot);
        if (uris) uris.add(note.uri);
        else this.readers.set(slot, new Set([note.uri]));
      }
    });
  }

  remove(note: Note): void {
    this.dependencies.forEach((dependency, index) => {
      for (const key of dependency.reads(note)) {
        const slot = slotOf(index, key);
        const uris = this.readers.get(slot);
        if (!uris) continue;
        uris.delete(note.uri);
        if (uris.size === 0) this.readers.delete(slot);
      }
    });
  }

  clear(): void {
    this.readers.clear();
  }

  /** Adds to `affected` every note that reads a join key under which the two versions of a note offer different facts. */
  collectAffected(before: Note | undefined, after: Note | undefined, affected: Set<string>): void {
    this.dependencies.forEach((dependency, index) => {
      const old = factsByKey(dependency, before);
      const now = factsByKey(dependency, after);
      for (const key of new Set([...old.keys(), ...now.keys()])) {
        if (sameFacts(old.get(key), now.get(key))) continue;
        for (const uri of this.readers.get(slotOf(index, key)) ?? []) affected.add(uri);
      }
    });
  }
}

function slotOf(index: number, key: string): string {
  return `${index}\u0000${key}`;
}

function factsByKey(dependency: NoteDependency, note: Note | undefined): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  if (!note) return byKey;
  for (const [key, fact] of dependency.facts(note)) {
    const facts = byKey.get(key);
    if (facts) facts.add(fact);
    else byKey.set(key, new Set([fact]));
  }
  return byKey;
}

function sameFacts(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const fact of a) if (!b.has(fact)) return false;
  return true;
}
