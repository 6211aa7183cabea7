// The few web-standard globals the lower layers use, which every JavaScript host (Node, browsers, web workers)
// provides. tsconfig.core.json compiles those layers with these instead of Node's types, so that nothing
// Node-only can be used there by accident.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  toString(): string;
}
