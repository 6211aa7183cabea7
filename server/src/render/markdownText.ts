// Text from notes is untrusted: everything a hover, lens or message shows of it goes through here.
import { stripUnsafe } from '../syntax/sanitize';

// Markdown punctuation, plus `:` and `@` so that no URL or e-mail address is turned into a link.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|<>~&:@$]/g;

/**
 * Escapes note text for a markdown hover so that it shows as typed: no links, images,
 * HTML, emphasis or code fences can come out of it. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return stripUnsafe(text)
    .replace(/\s+/g, ' ')
    .replace(MARKDOWN_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    .replace(/\b(www)\./gi, '$1\\.');
}

/**
 * A link the server builds itself, to a place in a workspace file. Only file URIs are
 * accepted, and the URI is percent-encoded where markdown would end the link.
 */
export function fileLink(label: string, uri: string, line: number, character = 0): string {
  if (!/^file:\/\//i.test(uri)) return escapeMarkdown(label);
  const target = `${uri.replace(/[()\s<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}#L${line + 1},${character + 1}`;
  return `[${escapeMarkdown(label)}](${target})`;
}
