// Everything the command line prints goes through here: note text (names, outlets, messages, even file names) may
// hold terminal escape sequences or line breaks that would forge output lines, so only `\n` line ends are kept.
import { stripUnsafe } from '../syntax/sanitize';

/** Text for a terminal: control and bidirectional characters removed, tabs and carriage returns made spaces. */
export function terminalText(text: string): string {
  return stripUnsafe(text).replace(/[\t\r]/g, ' ');
}

export function print(text: string): void {
  process.stdout.write(terminalText(text));
}

export function printError(text: string): void {
  process.stderr.write(terminalText(text));
}

/**
 * JSON text whose strings are exact but print safely: JSON escapes C0 controls itself; DEL, C1 controls, line
 * separators and bidirectional controls are written as `\u` escapes too.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
