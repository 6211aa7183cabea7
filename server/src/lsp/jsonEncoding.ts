// The JSON of outgoing messages, with long answers written in pieces. The references of an actor mentioned 12,000
// times are 1.5 MB of JSON: made as one string, each such answer sat in V8's large-object space until the next full
// collection, and a few of them in a row took the server's memory up by hundreds of megabytes.
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

/** How many elements of a result array are turned into JSON at a time. */
const ELEMENTS_PER_PIECE = 256;

export const pieceworkJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

/** The message as UTF-8 JSON: `JSON.stringify`'s output, byte for byte the same value once parsed. */
export function encodeMessage(message: Message, elementsPerPiece = ELEMENTS_PER_PIECE): Buffer {
  const { result, ...head } = message as Message & { result?: unknown; id?: unknown };
  if (!Array.isArray(result) || result.length <= elementsPerPiece || !('id' in head)) {
    return Buffer.from(JSON.stringify(message), 'utf8');
  }
  const opening = JSON.stringify(head);
  const parts = [Buffer.from(`${opening.slice(0, -1)},"result":[`, 'utf8')];
  for (let start = 0; start < result.length; start += elementsPerPiece) {
    const piece = JSON.stringify(result.slice(start, start + elementsPerPiece));
    parts.push(Buffer.from(`${start > 0 ? ',' : ''}${piece.slice(1, -1)}`, 'utf8'));
  }
  parts.push(Buffer.from(']}', 'utf8'));
  return Buffer.concat(parts);
}
