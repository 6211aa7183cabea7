// The core: parsing, the workspace model and the counter-source rule, with no editor or protocol dependency.
export * from './text';
export * from './diagnostics';
export * from './config';
export * from './frontmatter';
export * from './markdown';
export * from './note';
export * from './aliases';
export * from './aliasDiscovery';
export * from './sentences';
export * from './counterSource';
export * from './workspace';
export * from './locate';
export * from './claimMatrix';
export * from './importHints';
export * from './importArticle';
export * from './claimMatrixHtml';
export * from './claimReview';
