// Text from notes is untrusted: everything a hover, lens or message shows of it goes through here.

// Markdown punctuation, plus `:` and `@` so that no URL or e-mail address is turned into a link.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|<>~&:@$]/g;

/**
 * Escapes note text for a markdown hover so that it shows as typed: no links, images,
 * HTML, emphasis or code fences can come out of it. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .replace(MARKDOWN_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    .replace(/\b(www)\./gi, '$1\\.');
}

/** Shortens text to about `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max * 0.6 ? cut : max)}…`;
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
