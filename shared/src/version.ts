// The version of Counterpoint: the server reports it and every log line carries it. It is package.json's version
// (test/unit/manifest.test.ts checks that they agree); written out here so that builds need not copy package.json.
export const COUNTERPOINT_VERSION = '0.1.0';
