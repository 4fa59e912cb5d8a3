// snippets/postmortem.code-snippets from the templates (npm run snippets; --check
// compares and writes nothing). Reads the engine as built by tsc -b.
import { postmortemSnippets } from '../../out/server/src/templates/snippets.js';
import { emit, isMain } from './emit.mjs';

export const snippets = {
  file: 'snippets/postmortem.code-snippets',
  command: 'npm run snippets',
  generate: () => `${JSON.stringify(postmortemSnippets(), null, 2)}\n`,
};

if (isMain(import.meta.url)) await emit([snippets]);
