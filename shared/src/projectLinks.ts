// The project's public addresses, as package.json's `repository` names them (a unit test keeps them in step).
export const REPOSITORY_URL = 'https://github.com/counterpoint/counterpoint';
export const FORMAT_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/format.md`;
