// The one check that a file the server or the client is about to create or change lies inside a workspace folder.
// Used by the server's import edit and Create actor note fix, the command line's import, and the VS Code client before
// it applies an edit the server sent: folder settings, note paths and the server itself are not trusted to stay inside.

/**
 * Whether `target` names a file strictly below the folder `root`, both given as URIs (`file:///w/articles/a.md`
 * below `file:///w`). Compared segment by segment after decoding, so that `..`, `.`, an encoded `/` or `\`, or a
 * different scheme or host can never pass.
 */
export function isInsideRoot(target: string, root: string): boolean {
  const targetParts = uriSegments(target);
  const rootParts = uriSegments(root);
  if (!targetParts || !rootParts) return false;
  if (targetParts.origin !== rootParts.origin) return false;
  const rootPath = rootParts.path.at(-1) === '' ? rootParts.path.slice(0, -1) : rootParts.path;
  if (targetParts.path.length <= rootPath.length) return false;
  if (targetParts.path.some((segment) => segment === '.' || segment === '..' || segment === '' || /[/\\\0]/.test(segment))) return false;
  for (let i = 0; i < rootPath.length; i++) {
    if (!sameSegment(targetParts.path[i], rootPath[i], rootParts.origin)) return false;
  }
  return true;
}

/** Scheme and authority (lower-cased), and the decoded path segments after them; undefined when not a URI. */
function uriSegments(uri: string): { origin: string; path: string[] } | undefined {
  const match = /^([a-z][a-z\d+.-]*):\/\/([^/?#]*)(\/[^?#]*)?$/i.exec(uri);
  if (!match) return undefined;
  const segments: string[] = [];
  for (const raw of (match[3] ?? '/').slice(1).split('/')) {
    try {
      segments.push(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
  }
  return { origin: `${match[1]}://${match[2]}`.toLowerCase(), path: segments };
}

/** Windows drive letters are written in either case (`c:`, `C:`); everything else compares exactly. */
function sameSegment(a: string, b: string, origin: string): boolean {
  if (a === b) return true;
  return origin === 'file://' && /^[a-z]:$/i.test(a) && a.toLowerCase() === b.toLowerCase();
}
