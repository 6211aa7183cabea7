// gray-matter's block parser: hands an already split frontmatter block to the engine registered for its language.
// Used instead of the package's entry point, which requires fs (to read files) and caches every text it is given.
declare module 'gray-matter/lib/parse' {
  type Engine = (source: string) => object;
  interface ParseOptions {
    engines: Record<string, Engine>;
  }
  function parse(language: string, block: string, options: ParseOptions): unknown;
  export = parse;
}
