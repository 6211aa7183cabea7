// `counterpoint.yaml` problems, reported on the file by the hosts (the server and `check`) when it is loaded.
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

export const configFileRule = defineRule({
  name: 'config file',
  codes: {
    'config.invalid': { summary: 'A problem in counterpoint.yaml; the setting concerned keeps its default.', section: FORMAT_SECTIONS.config, severity: 'error', payload: {} },
  },
  scope: 'config',
  dependencies: [],
  producedBy: 'config loader',
});
