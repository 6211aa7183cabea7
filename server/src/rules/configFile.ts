// `counterpoint.yaml` problems, reported on the file by the hosts (the server and `check`) when it is loaded.
import { defineRule } from './rule';

export const configFileRule = defineRule({
  name: 'config file',
  codes: {
    'config.invalid': { severity: 'error', payload: {} },
  },
  scope: 'config',
  dependencies: [],
  producedBy: 'config loader',
});
