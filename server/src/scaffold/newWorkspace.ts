// The files of a new workspace, as `counterpoint init` and the editor's Create Workspace command write them (each
// only where no file is yet). The example article holds one claim that has no counter-source, so the first thing a
// new user sees is the check at work, and the walkthrough's last step fixes it.

/** A file to create, by its path relative to the workspace root (always with `/`). */
export interface NewFile {
  path: string;
  text: string;
}

const CONFIG = `# Counterpoint workspace settings. Every key is optional; docs/format.md, section 9, describes them.
articles: [articles]
actors: [actors]
# The allowed perspective values of articles; without this line the built-in list applies.
# perspectives: [ukrainian, russian-state, western, other]
rules:
  # Each check's severity by its code: error, warning, information, hint or off.
  claim.no-counter-source: warning
`;

const EXAMPLE_ACTOR = `---
name: Ministry of Examples
aliases:
  - Example Ministry
  - Ministry of Examples
kind: organization
role: An example actor; rename this note for a real one, or delete it
---
An actor note describes one actor. Its file name is its id: an article names this actor as
[[example-ministry]], or by any of its aliases in plain prose.

List every spelling the sources use under \`aliases\`.
`;

const EXAMPLE_ARTICLE = `---
title: "An example article"
outlet: Example Outlet
perspective: other
language: en
---
This is an example article note. The frontmatter above gives the outlet that published the article and the
perspective the outlet speaks for. Replace this text with a real article, or import one with the import command.

An actor is mentioned by a wiki link, [[example-ministry]], or simply by an alias: the Example Ministry.

[The Example Ministry will publish its annual report in March]{claim=example-annual-report by=example-ministry stance=reports}

The claim above is carried by one outlet only, so it is flagged as lacking a counter-source. Annotate the same
key in an article from another perspective, add counter=<url> to its attributes, or mark it .single-source.
`;

/** The files of a new workspace: its configuration, an example actor and an example article with one claim. */
export function newWorkspaceFiles(): NewFile[] {
  return [
    { path: 'counterpoint.yaml', text: CONFIG },
    { path: 'actors/example-ministry.md', text: EXAMPLE_ACTOR },
    { path: 'articles/example-article.md', text: EXAMPLE_ARTICLE },
  ];
}
